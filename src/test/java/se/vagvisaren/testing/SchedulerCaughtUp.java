package se.vagvisaren.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until db-scheduler has run everything due at the test clock's "now": no row of {@code scheduled_tasks}
 * is picked (running) or due. A test that must show that <em>nothing</em> happens after moving the clock waits
 * for this instead of sleeping, then asserts: whatever the due work was going to do, it has done.
 */
public final class SchedulerCaughtUp {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private SchedulerCaughtUp() {
    }

    /** Blocks until no scheduled task is running or due at {@code clock}'s instant; fails after 30 s. */
    public static void await(JdbcClient jdbc, Clock clock) {
        org.awaitility.Awaitility.await("the scheduler ran everything due").atMost(AT_MOST)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> busy(jdbc, clock) == 0);
    }

    private static int busy(JdbcClient jdbc, Clock clock) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked OR execution_time <= :now")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Integer.class).single();
    }
}
