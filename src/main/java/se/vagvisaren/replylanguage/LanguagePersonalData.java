package se.vagvisaren.replylanguage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.safeguarding.PersonalDataStore;

/** Registers the remembered reply languages (ids and a language code, no content) for retention, erasure and export. */
@Component
class LanguagePersonalData implements PersonalDataStore {

    private final LanguageMemory memory;

    LanguagePersonalData(LanguageMemory memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return "conversation-languages";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return memory.forgetOlderThan(cutoff);
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        return memory.forget(tenantId, userId);
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        return memory.export(tenantId, userId);
    }
}
