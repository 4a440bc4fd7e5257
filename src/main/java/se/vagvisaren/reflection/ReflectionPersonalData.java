package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.safeguarding.PersonalDataStore;

/**
 * Personal-mode reflection answers in the GDPR registry: exported and erased per user. Anonymous channel
 * answers cannot be traced to anyone and are not part of a person's data. Age-based deletion is done by
 * the reflection housekeeping task ({@code vagvisaren.reflection.retention}), so this store deletes
 * nothing by age.
 */
@Component
class ReflectionPersonalData implements PersonalDataStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonalAnswers answers;

    ReflectionPersonalData(PersonalAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String name() {
        return "reflection-personal-answers";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return 0;
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        return answers.erase(tenantId, userId);
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        return answers.export(tenantId, userId).stream()
                .map(e -> Map.<String, Object>of("exercise", e.exerciseId(), "mode", e.mode(),
                        "openedAt", e.openedAt().toString(), "answers", parse(e.answersJson())))
                .toList();
    }

    private static Object parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
