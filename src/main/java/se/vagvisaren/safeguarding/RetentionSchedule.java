package se.vagvisaren.safeguarding;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.vagvisaren.admin.WorkspaceZones;

/**
 * The daily retention run as a db-scheduler recurring task at {@code vagvisaren.privacy.retention-time} in the
 * standard zone: persisted in {@code scheduled_tasks}, so it survives restarts and runs once per day across all
 * replicas.
 */
@Configuration(proxyBeanMethods = false)
class RetentionSchedule {

    static final String TASK_NAME = "privacy-retention";

    @Bean
    RecurringTask<Void> privacyRetentionTask(RetentionSweep sweep, PrivacyProperties properties, WorkspaceZones zones) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(zones.standard(), properties.retentionTime()))
                .execute((instance, context) -> sweep.run());
    }
}
