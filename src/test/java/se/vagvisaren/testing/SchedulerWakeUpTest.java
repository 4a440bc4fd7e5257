package se.vagvisaren.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The polling interval here (10 minutes of scheduler-clock time) is far longer than the clock move, so the
 * task can only run if moving the clock wakes the poll loop. Without {@link SchedulerWakeUp} it never runs:
 * the loop waits for a clock time that the test never reaches.
 */
@BotTest
@Import({MutableClock.Config.class, SchedulerWakeUpTest.ProbeTask.class})
@TestPropertySource(properties = {"db-scheduler.enabled=true", "db-scheduler.polling-interval=10m"})
class SchedulerWakeUpTest {

    @Autowired
    MutableClock clock;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    CountDownLatch probeRuns;

    @Test
    void clockMovedPastADueTime_runsTheTaskWithoutWaitingForThePollingInterval() throws InterruptedException {
        Instant dueAt = clock.instant().plus(Duration.ofMinutes(1));
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(ProbeTask.NAME, "probe"), dueAt);
        assertThat(probeRuns.await(500, TimeUnit.MILLISECONDS)).as("not due yet").isFalse();

        clock.set(dueAt);

        assertThat(probeRuns.await(60, TimeUnit.SECONDS)).as("ran after the clock reached its time").isTrue();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeTask {
        static final String NAME = "wake-up-probe";

        @Bean
        CountDownLatch probeRuns() {
            return new CountDownLatch(1);
        }

        @Bean
        OneTimeTask<Void> wakeUpProbe(CountDownLatch probeRuns) {
            return Tasks.oneTime(NAME).execute((instance, context) -> probeRuns.countDown());
        }
    }
}
