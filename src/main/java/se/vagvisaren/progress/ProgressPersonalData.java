package se.vagvisaren.progress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.safeguarding.JdbcPersonalDataStore;
import se.vagvisaren.safeguarding.PersonalDataStore;

/** Registers progress updates for retention, erasure and export (GDPR), keyed by author. */
@Configuration(proxyBeanMethods = false)
class ProgressPersonalData {

    @Bean
    PersonalDataStore progressUpdateStore(JdbcTemplate jdbc) {
        return JdbcPersonalDataStore.builder("progress-updates", jdbc)
                .table("progress_update")
                .createdAt("created_at")
                .owner("tenant_id", "author_id")
                .exportColumns("created_at", "body", "link")
                .build();
    }
}
