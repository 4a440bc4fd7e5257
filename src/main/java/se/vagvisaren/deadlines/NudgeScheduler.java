package se.vagvisaren.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts nudges into db-scheduler, one one-time task per nudge ({@code deadline-nudge}, instance
 * {@code n<nudgeId>[-r<attempt>]}). Scheduling joins the caller's transaction, so a deadline and its
 * tasks are stored together or not at all. Cancelling is best effort and after commit: a task whose
 * nudge was cancelled finds that out when it runs and sends nothing.
 */
@Component
@RequiredArgsConstructor
class NudgeScheduler {

    static final TaskDescriptor<NudgeTaskData> TASK = TaskDescriptor.of("deadline-nudge", NudgeTaskData.class);
    private static final Logger log = LoggerFactory.getLogger(NudgeScheduler.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final DataSource dataSource;
    private volatile SchedulerClient standalone;

    void schedule(long deadlineId, long nudgeId, Instant at) {
        client().schedule(TASK.instance("n" + nudgeId).data(new NudgeTaskData(deadlineId, nudgeId)).scheduledTo(at));
    }

    /** Schedules another send of a nudge whose send failed for now. */
    void scheduleRetry(long deadlineId, long nudgeId, int attempt, Instant at) {
        client().schedule(TASK.instance("n" + nudgeId + "-r" + attempt).data(new NudgeTaskData(deadlineId, nudgeId))
                .scheduledTo(at));
    }

    void cancel(List<Long> nudgeIds) {
        if (nudgeIds.isEmpty()) {
            return;
        }
        Runnable cancel = () -> nudgeIds.forEach(this::cancelQuietly);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cancel.run();
                }
            });
        } else {
            cancel.run();
        }
    }

    private void cancelQuietly(long nudgeId) {
        try {
            client().cancel(TASK.instanceId("n" + nudgeId));
        } catch (RuntimeException alreadyGoneOrRunning) {
            log.debug("Task for nudge {} not cancelled: {}", nudgeId, alreadyGoneOrRunning.getClass().getSimpleName());
        }
    }

    /**
     * The running scheduler, or, where it is switched off (CLI, some tests), a client that only writes
     * tasks for another instance to run.
     */
    private SchedulerClient client() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            return running;
        }
        if (standalone == null) {
            OneTimeTask<NudgeTaskData> writeOnly = Tasks.oneTime(TASK).execute((instance, context) -> {
                throw new IllegalStateException("This client only schedules");
            });
            standalone = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), writeOnly).build();
        }
        return standalone;
    }
}
