package se.vagvisaren.reflection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts reflection work on db-scheduler: persistent, survives restarts, and runs each due instance once
 * across replicas. The task instance id is the session or occurrence id, so planning the same thing twice
 * is harmless. When the scheduler is switched off (CLI, most tests) nothing is planned and
 * {@link #available()} says so.
 */
@Component
@RequiredArgsConstructor
class ReflectionTimers {

    static final String LAUNCH_TASK = "reflection-launch";
    static final String CLOSE_TASK = "reflection-close";
    static final String RESULTS_TASK = "reflection-results";
    private static final Logger log = LoggerFactory.getLogger(ReflectionTimers.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    boolean available() {
        return scheduler.getIfAvailable() != null;
    }

    /** Closes session {@code sessionId} at {@code at} (results are posted then). */
    void closeAt(String sessionId, Instant at) {
        plan(CLOSE_TASK, sessionId, at);
    }

    /** Tries again at {@code at} to post the results of closed session {@code sessionId}. */
    void retryResultsAt(String sessionId, Instant at) {
        plan(RESULTS_TASK, sessionId, at);
    }

    /**
     * Drops a planned later try of posting results (they were just shown another way). A try that is
     * running or already gone is left alone.
     */
    void cancelResultsRetry(String sessionId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        try {
            client.cancel(TaskInstanceId.of(RESULTS_TASK, sessionId));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException nothingToCancel) {
            log.debug("No results retry of session {} to cancel", sessionId);
        }
    }

    /** Launches the planned occurrence {@code occurrenceId} at {@code at}. */
    void launchAt(String occurrenceId, Instant at) {
        plan(LAUNCH_TASK, occurrenceId, at);
    }

    private void plan(String task, String id, Instant at) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            log.debug("Scheduler off: {} {} not planned", task, id);
            return;
        }
        client.scheduleIfNotExists(new TaskInstance<Void>(task, id), at);
    }
}
