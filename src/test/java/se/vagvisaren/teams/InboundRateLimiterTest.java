package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.teams.InboundRateLimiter.Decision.ALLOW;
import static se.vagvisaren.teams.InboundRateLimiter.Decision.LIMIT_CONVERSATION_AND_NOTIFY;
import static se.vagvisaren.teams.InboundRateLimiter.Decision.LIMIT_QUIETLY;
import static se.vagvisaren.teams.InboundRateLimiter.Decision.LIMIT_USER_AND_NOTIFY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private static InboundProperties limits(boolean enabled, int userBurst, int userPerMinute, int convBurst, int convPerMinute) {
        return new InboundProperties(enabled, userBurst, userPerMinute, convBurst, convPerMinute, Duration.ofMinutes(1),
                1000, 64, Duration.ofSeconds(10), Duration.ofMinutes(10), true, Duration.ofSeconds(60), Duration.ofDays(1));
    }

    private List<InboundRateLimiter.Decision> send(InboundRateLimiter limiter, String user, String conversation, int times) {
        List<InboundRateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(limiter.check(user, conversation));
        }
        return decisions;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void check_withinUserBurst_allowsAll() {
        var limiter = new InboundRateLimiter(limits(true, 5, 10, 100, 100), nanos::get);

        assertThat(send(limiter, "t/anna", "a:1", 5)).containsOnly(ALLOW);
    }

    @Test
    void check_overUserBurst_notifiesOnceThenDropsQuietly() {
        var limiter = new InboundRateLimiter(limits(true, 3, 10, 100, 100), nanos::get);

        assertThat(send(limiter, "t/anna", "a:1", 6))
                .containsExactly(ALLOW, ALLOW, ALLOW, LIMIT_USER_AND_NOTIFY, LIMIT_QUIETLY, LIMIT_QUIETLY);
    }

    @Test
    void check_afterRefill_allowsAgainAtTheSustainedRate() {
        var limiter = new InboundRateLimiter(limits(true, 2, 6, 100, 100), nanos::get); // one token per 10 s
        send(limiter, "t/anna", "a:1", 3);

        advance(Duration.ofSeconds(10));

        assertThat(send(limiter, "t/anna", "a:1", 2)).containsExactly(ALLOW, LIMIT_QUIETLY);
    }

    @Test
    void check_noticeInterval_over_notifiesAgain() {
        var limiter = new InboundRateLimiter(limits(true, 1, 1, 100, 100), nanos::get);
        send(limiter, "t/anna", "a:1", 2);

        advance(Duration.ofSeconds(61)); // one token back, and the notice interval has passed

        assertThat(send(limiter, "t/anna", "a:1", 2)).containsExactly(ALLOW, LIMIT_USER_AND_NOTIFY);
    }

    @Test
    void check_oneNoisyUser_doesNotLimitOthers() {
        var limiter = new InboundRateLimiter(limits(true, 2, 1, 100, 100), nanos::get);
        send(limiter, "t/noisy", "19:channel", 10);

        assertThat(limiter.check("t/quiet", "19:channel")).isEqualTo(ALLOW);
    }

    @Test
    void check_manyUsersInOneConversation_limitsTheConversation() {
        var limiter = new InboundRateLimiter(limits(true, 10, 10, 3, 1), nanos::get);
        List<InboundRateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            decisions.add(limiter.check("t/user" + i, "19:busy"));
        }

        assertThat(decisions).containsExactly(ALLOW, ALLOW, ALLOW, LIMIT_CONVERSATION_AND_NOTIFY, LIMIT_QUIETLY);
        assertThat(limiter.check("t/user9", "19:other")).isEqualTo(ALLOW);
    }

    @Test
    void check_disabled_allowsEverything() {
        var limiter = new InboundRateLimiter(limits(false, 1, 1, 1, 1), nanos::get);

        assertThat(send(limiter, "t/anna", "a:1", 50)).containsOnly(ALLOW);
    }

    @Test
    void check_floodOfInventedIds_staysWithinTheTrackedBound() {
        var limiter = new InboundRateLimiter(limits(true, 1, 1, 1, 1), nanos::get);

        // 20,000 distinct ids against a bound of 1,000 keys per cache: newcomers are never limited wrongly.
        for (int i = 0; i < 20_000; i++) {
            assertThat(limiter.check("t/u" + i, "c" + i)).isEqualTo(ALLOW);
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(2_000);
    }
}
