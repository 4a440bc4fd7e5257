package se.vagvisaren.testing;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wakes db-scheduler's poll loop whenever a test moves the {@link MutableClock}.
 *
 * <p>Why: the loop waits on the scheduler clock, not on real time ({@code Waiter.doWait} waits until
 * {@code clock.now()} has passed "now + polling interval"). With a clock that only moves by hand, a move
 * that lands between the poll's reading of "now" and the wait's reading leaves the loop waiting for a
 * time that never comes: work due at the new time is never picked up. Real time always moves on, so
 * production is not affected. {@link Scheduler#triggerCheckForDueExecutions()} ends the current wait, or
 * skips the next one, which is what the passing of time would have done.
 *
 * <p>Active only when the context has both a {@link MutableClock} and a running scheduler.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SchedulerWakeUp {

    @Bean
    WakeOnClockMove schedulerWakeOnClockMove(ObjectProvider<MutableClock> clock, ObjectProvider<Scheduler> scheduler) {
        return new WakeOnClockMove(clock, scheduler);
    }

    static final class WakeOnClockMove implements SmartInitializingSingleton, DisposableBean {
        private final ObjectProvider<MutableClock> clock;
        private final ObjectProvider<Scheduler> scheduler;
        private Runnable unregister = () -> { };

        WakeOnClockMove(ObjectProvider<MutableClock> clock, ObjectProvider<Scheduler> scheduler) {
            this.clock = clock;
            this.scheduler = scheduler;
        }

        @Override
        public void afterSingletonsInstantiated() {
            MutableClock testClock = clock.getIfUnique();
            Scheduler running = scheduler.getIfUnique();
            if (testClock != null && running != null) {
                unregister = testClock.onMove(running::triggerCheckForDueExecutions);
            }
        }

        @Override
        public void destroy() {
            // The clock may outlive this context (BotInstance shares one between instances).
            unregister.run();
        }
    }
}
