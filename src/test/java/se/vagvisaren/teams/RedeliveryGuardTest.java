package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedeliveryGuardTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RedeliveryGuard guard = new RedeliveryGuard(Duration.ofMinutes(10), 1000, nanos::get);

    @Test
    void claim_firstDelivery_isProcessed() {
        assertThat(guard.claim("msteams|a:1|100", new CompletableFuture<>())).isNull();
    }

    @Test
    void claim_redeliveryOfSucceededActivity_returnsTheCompletedOutcome() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        guard.claim("msteams|a:1|100", first);
        first.complete(null);

        CompletableFuture<Void> earlier = guard.claim("msteams|a:1|100", new CompletableFuture<>());

        assertThat(earlier).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void claim_redeliveryAfterFailure_isProcessedAgain() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        guard.claim("msteams|a:1|100", first);
        first.completeExceptionally(new IllegalStateException("database down"));

        assertThat(guard.claim("msteams|a:1|100", new CompletableFuture<>())).isNull();
    }

    @Test
    void claim_redeliveryWhileFirstStillRuns_seesTheRunningOutcome() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        guard.claim("msteams|a:1|100", first);

        assertThat(guard.claim("msteams|a:1|100", new CompletableFuture<>())).isSameAs(first).isNotDone();
    }

    @Test
    void claim_afterTheWindow_isProcessedAgain() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        guard.claim("msteams|a:1|100", first);
        first.complete(null);

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(guard.claim("msteams|a:1|100", new CompletableFuture<>())).isNull();
    }

    @Test
    void claim_withoutKey_isNeverDeduplicated() {
        guard.claim(null, CompletableFuture.completedFuture(null));

        assertThat(guard.claim(null, new CompletableFuture<>())).isNull();
    }

    @Test
    void claim_sameIdInAnotherConversation_isADifferentActivity() {
        guard.claim("msteams|a:1|100", CompletableFuture.completedFuture(null));

        assertThat(guard.claim("msteams|a:2|100", new CompletableFuture<>())).isNull();
    }
}
