package se.vagvisaren.replylanguage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.safeguarding.JdbcPersonalDataStore;
import se.vagvisaren.safeguarding.PersonalDataStore;

/**
 * Registers the remembered reply languages ({@link LanguageMemory}: ids and a language code, no content)
 * for retention, erasure and export. Retention counts from the last change of a choice.
 */
@Configuration(proxyBeanMethods = false)
class LanguagePersonalData {

    @Bean
    PersonalDataStore conversationLanguageStore(JdbcTemplate jdbc) {
        return JdbcPersonalDataStore.builder("conversation-languages", jdbc)
                .table("conversation_language")
                .createdAt("updated_at")
                .owner("tenant_id", "user_id")
                .exportColumn("conversation_id", "conversation")
                .exportColumn("lang", "language")
                .exportColumn("explicit", "askedFor")
                .exportColumn("updated_at", "updatedAt")
                .build();
    }
}
