package se.vagvisaren.progress;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.vagvisaren.admin.WorkspaceZones;

/**
 * Wiring of the progress feature: the default ports until safeguarding and deadlines connect theirs,
 * and the weekly digest task. Retention (gallring) of updates is done by the privacy registry, where
 * they are registered as {@code progress-updates} ({@link ProgressPersonalData}). db-scheduler reads time from the
 * application {@link Clock}, so tests move the digest by moving the clock.
 */
@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    static final String DIGEST_TASK = "progress-weekly-digest";
    /** A digest that could not be delivered is tried again this much later, a few times. */
    static final Duration DIGEST_RETRY = Duration.ofMinutes(30);
    static final int DIGEST_RETRIES = 4;

    @Bean
    RecurringTask<Void> progressWeeklyDigestTask(WeeklyDigest digest, ProgressProperties properties,
                                                WorkspaceZones zones) {
        DigestSchedule schedule = DigestSchedule.of(properties, zones.standard());
        Schedule cron = Schedules.cron(schedule.cron(), schedule.zone());
        FailureHandler<Void> retryLater = (complete, operations) -> {
            int failures = complete.getExecution().consecutiveFailures;
            Instant next = failures < DIGEST_RETRIES ? complete.getTimeDone().plus(DIGEST_RETRY)
                    : cron.getNextExecutionTime(complete);
            operations.reschedule(complete, next);
        };
        return Tasks.recurring(DIGEST_TASK, cron)
                .onFailure(retryLater)
                .execute((instance, context) -> {
                    if (!properties.digestEnabled()) {
                        return;
                    }
                    // a retry runs later than the slot but still reports the slot's week
                    Instant slot = schedule.latestSlotAtOrBefore(context.getExecution().executionTime);
                    int unreached = digest.postAll(slot);
                    if (unreached > 0) {
                        throw new IllegalStateException(unreached + " weekly digest(s) not delivered; retrying later");
                    }
                });
    }
}
