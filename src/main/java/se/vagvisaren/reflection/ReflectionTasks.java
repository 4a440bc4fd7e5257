package se.vagvisaren.reflection;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks of the reflection feature: launch a planned exercise, close a session at its end
 * time (posting the results), try again to post results Teams refused, and housekeeping every 15 minutes
 * (close sessions overdue after downtime, plan a try for results still pending). Deleting old sessions is the privacy registry's daily run
 * ({@link ReflectionPersonalData}), so the period applied is the period users are told.
 */
@Configuration(proxyBeanMethods = false)
class ReflectionTasks {

    static final String HOUSEKEEPING_TASK = "reflection-housekeeping";

    @Bean
    OneTimeTask<Void> reflectionLaunchTask(ScheduledLaunches launches) {
        return Tasks.oneTime(ReflectionTimers.LAUNCH_TASK).execute((instance, context) -> launches.run(instance.getId()));
    }

    @Bean
    OneTimeTask<Void> reflectionCloseTask(DueClosings closings) {
        return Tasks.oneTime(ReflectionTimers.CLOSE_TASK).execute((instance, context) -> closings.close(instance.getId()));
    }

    /**
     * Later tries to post results Teams refused at closing ({@link ClosedResults}): the pause doubles each
     * time, and after {@code results-retries} later tries they are given up with a warning.
     */
    @Bean
    OneTimeTask<Void> reflectionResultsTask(ClosedResults results, ReflectionProperties properties) {
        // The first later try is planned by ClosedResults after resultsRetryDelay; each failure doubles the pause
        // (2, 4, 8 … times the delay). After the last try the results are settled before the task stops, so
        // housekeeping never sees them pending without a task and plans the tries again.
        FailureHandler<Void> backoff =
                new FailureHandler.ExponentialBackoffFailureHandler<>(properties.resultsRetryDelay().multipliedBy(2), 2.0);
        return Tasks.oneTime(ReflectionTimers.RESULTS_TASK)
                .onFailure((complete, operations) -> {
                    if (complete.getExecution().consecutiveFailures + 1 >= properties.resultsRetries()) {
                        results.giveUp(complete.getExecution().taskInstance.getId());
                        operations.stop();
                    } else {
                        backoff.onFailure(complete, operations);
                    }
                })
                .execute((instance, context) -> results.retry(instance.getId()));
    }

    @Bean
    RecurringTask<Void> reflectionHousekeepingTask(DueClosings closings) {
        return Tasks.recurring(HOUSEKEEPING_TASK, FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> closings.housekeeping());
    }

    @Bean
    DueClosings dueClosings(ReflectionSessions sessions, ClosedResults results, Clock clock) {
        return new DueClosings(sessions, results, clock);
    }

    /** Closes sessions whose time is up and posts their results into their conversation. */
    static final class DueClosings {
        /** Longer than any first try takes (connector retries included), so a try in flight is never doubled. */
        static final Duration FIRST_TRY_GRACE = Duration.ofMinutes(5);

        private final ReflectionSessions sessions;
        private final ClosedResults results;
        private final Clock clock;

        DueClosings(ReflectionSessions sessions, ClosedResults results, Clock clock) {
            this.sessions = sessions;
            this.results = results;
            this.clock = clock;
        }

        void close(String sessionId) {
            sessions.closeIfDue(sessionId).ifPresent(results::post);
        }

        /**
         * Closes sessions whose end time passed while no instance ran, and plans a later try for results
         * still pending well after closing (the instance posting them stopped before its first try; one
         * already waiting is left as it is).
         */
        void housekeeping() {
            sessions.overdue().forEach(this::close);
            Instant now = clock.instant();
            sessions.resultsPending(now.minus(FIRST_TRY_GRACE)).forEach(id -> results.retryLater(id, now));
        }
    }
}
