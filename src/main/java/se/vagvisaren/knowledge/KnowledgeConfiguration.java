package se.vagvisaren.knowledge;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.CourtesyPhrases;

/** The knowledge base bean, its hot reload, and the retention job for stored questions. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    /**
     * Builds the index on a thread of its own: the load (reading the passages, the Lucene index, the spelling
     * lists; the largest single step of the start) overlaps the rest of the start instead of delaying it.
     * Questions wait for it and health says "loading" until it is done ({@link KnowledgeHealth}).
     */
    @Bean
    KnowledgeBase knowledgeBase(@Qualifier("knowledge") ContentSource knowledge, KnowledgeProperties properties,
                                CourtesyPhrases courtesy) {
        return KnowledgeBase.loadingInBackground(knowledge, properties, courtesy,
                task -> Thread.ofPlatform().name("knowledge-first-load").daemon().start(task));
    }

    @Bean
    KnowledgeReloader knowledgeReloader(KnowledgeBase knowledgeBase) {
        return new KnowledgeReloader(knowledgeBase);
    }

    /** Deletes stored questions and feedback past the retention period, once a day (db-scheduler, cluster-safe). */
    @Bean
    @Profile("!cli") // command-line runs have no migrated database and no scheduler work to do
    RecurringTask<Void> knowledgeRetentionTask(QuestionLog questions, KnowledgeProperties properties) {
        return Tasks.recurring("knowledge-retention", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> {
                    int deleted = questions.deleteOlderThan(properties.retention());
                    log.info("Knowledge retention: deleted {} stored questions/feedback older than {}", deleted, properties.retention());
                });
    }

    /** Rebuilds the index when files under the knowledge directory change (no restart needed). */
    static final class KnowledgeReloader {
        private final KnowledgeBase knowledgeBase;

        KnowledgeReloader(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = knowledgeBase;
        }

        @EventListener
        void onContentChanged(ContentChanged event) {
            if ("knowledge".equals(event.area())) {
                knowledgeBase.reload();
            }
        }
    }
}
