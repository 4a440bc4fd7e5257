package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConversationPacerTest {

    private final AtomicLong fakeNanos = new AtomicLong(1_000_000_000L);
    private final ConversationPacer pacer = new ConversationPacer(ConversationPacer.TEAMS_LIMITS, fakeNanos::get,
            nanos -> fakeNanos.addAndGet(nanos));

    @Test
    void acquire_burstOf200_neverExceedsAnyTeamsWindow() throws InterruptedException {
        List<Long> sendTimes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pacer.acquire("19:channel@thread.tacv2");
            sendTimes.add(fakeNanos.get());
        }

        assertWithinLimit(sendTimes, 7, Duration.ofSeconds(1));
        assertWithinLimit(sendTimes, 8, Duration.ofSeconds(2));
        assertWithinLimit(sendTimes, 60, Duration.ofSeconds(30));
    }

    @Test
    void acquire_firstSixInConversation_doNotWait() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            assertThat(pacer.acquire("c")).isZero();
        }
        assertThat(pacer.acquire("c")).isPositive();
    }

    @Test
    void acquire_otherConversations_areIndependent() throws InterruptedException {
        for (int i = 0; i < 7; i++) {
            pacer.acquire("busy");
        }
        assertThat(pacer.acquire("quiet")).isZero();
    }

    @Test
    void acquire_200In100Conversations_waitsNowhere() throws InterruptedException {
        long waited = 0;
        for (int i = 0; i < 200; i++) {
            waited += pacer.acquire("conversation-" + (i % 100));
        }
        assertThat(waited).isZero();
    }

    @Test
    void tryAcquire_budgetSpent_refusesWithoutWaitingUntilTheWindowMoves() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            assertThat(pacer.tryAcquire("19:refreshes")).isTrue();
        }
        long before = fakeNanos.get();

        assertThat(pacer.tryAcquire("19:refreshes")).isFalse();
        assertThat(fakeNanos.get()).as("no waiting").isEqualTo(before);
        assertThat(pacer.tryAcquire("19:other")).isTrue();

        fakeNanos.addAndGet(Duration.ofMillis(1100).toNanos());
        assertThat(pacer.tryAcquire("19:refreshes")).isTrue();
    }

    @Test
    void tryAcquire_sharesTheBudgetWithAcquire() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            pacer.acquire("19:shared");
        }

        assertThat(pacer.tryAcquire("19:shared")).isFalse();
    }

    private static void assertWithinLimit(List<Long> times, int limit, Duration window) {
        for (int i = limit; i < times.size(); i++) {
            long span = times.get(i) - times.get(i - limit);
            assertThat(span).as("send %d and %d are within %s", i - limit, i, window)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }
}
