package se.vagvisaren.deadlines;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the nudge task with db-scheduler. */
@Configuration(proxyBeanMethods = false)
class NudgeTaskConfiguration {

    /**
     * Delivery outcomes (connector failures included) are handled inside {@link NudgeDelivery}; an exception
     * here means something unexpected (database down): try again a few times, five minutes apart.
     */
    @Bean
    OneTimeTask<NudgeTaskData> deadlineNudgeTask(NudgeDelivery delivery) {
        return Tasks.oneTime(NudgeScheduler.TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(3,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5))))
                .execute((instance, context) -> delivery.deliver(instance.getData()));
    }
}
