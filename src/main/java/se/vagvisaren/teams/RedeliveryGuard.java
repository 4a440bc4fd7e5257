package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers which activities this instance has taken on, so a redelivery by Teams (after a timeout or
 * a lost acknowledgement) is not answered twice. A failed activity is forgotten at once, so the
 * redelivery Teams sends after our 5xx is processed normally. Per instance and in memory: a redelivery
 * that lands on another replica or after a restart is caught by the {@link DeliveryLedger} in the database
 * (see "Running more than one replica" in docs/operations.md).
 */
final class RedeliveryGuard {

    private final Cache<String, CompletableFuture<Void>> taken;

    RedeliveryGuard(Duration window, int maxEntries, Ticker ticker) {
        this.taken = Caffeine.newBuilder().ticker(ticker).maximumSize(maxEntries).expireAfterWrite(window).build();
    }

    /**
     * Claims an activity for processing.
     *
     * @param key     channel, conversation and activity id; {@code null} when the activity has no id (never guarded)
     * @param outcome completed by the caller when processing ends: normally on success, exceptionally on failure
     * @return {@code null} when the caller should process the activity; otherwise the outcome of the delivery
     *         that was first, which a redelivery should mirror
     */
    CompletableFuture<Void> claim(String key, CompletableFuture<Void> outcome) {
        if (key == null) {
            return null;
        }
        CompletableFuture<Void> earlier = taken.asMap().putIfAbsent(key, outcome);
        if (earlier != null) {
            return earlier;
        }
        // A failed delivery must not block the redelivery that Teams sends because of our 5xx.
        outcome.whenComplete((ignored, error) -> {
            if (error != null) {
                taken.asMap().remove(key, outcome);
            }
        });
        return null;
    }
}
