package se.vagvisaren.reflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.safeguarding.PersonalDataStore;

/**
 * Reflection data in the privacy registry (store {@code reflection-answers}).
 *
 * <ul>
 *   <li>By age: sessions with their answers (group sessions counted from closing, personal ones from
 *       opening) and planned launches that have run. The registry's period for this store
 *       ({@code vagvisaren.privacy.retention.reflection-answers}, or its default) is the only rule, so
 *       "vad sparar du?" quotes the period actually applied.</li>
 *   <li>Per user: personal-mode answers are exported and erased. Anonymous channel answers cannot be
 *       traced to anyone and are not part of a person's data.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
class ReflectionPersonalData implements PersonalDataStore {


    static final String NAME = "reflection-answers";

    private final PersonalAnswers answers;
    private final SessionStore sessions;
    private final ScheduleStore schedules;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return sessions.deleteOlderThan(cutoff) + schedules.deleteOlderThan(cutoff);
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
            return Mappers.JSON.readTree(json);
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
