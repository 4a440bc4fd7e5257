package se.vagvisaren.teams;

import com.microsoft.bot.schema.Activity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Decides whether a delivery of an activity is processed here or answered from an earlier delivery of the
 * same activity, so Teams' redeliveries never give a second answer. Two memories: {@link RedeliveryGuard}
 * on this instance (a redelivery during the first delivery waits for it and mirrors its result) and the
 * {@link DeliveryLedger} in the database (answered before a restart or on another replica).
 */
final class DuplicateDeliveries {

    private static final Logger log = LoggerFactory.getLogger(DuplicateDeliveries.class);

    /** What to do with one delivery. */
    sealed interface Decision {
        /** Process it; complete {@code outcome} when the turn ends (exceptionally when it failed). */
        record Process(CompletableFuture<Void> outcome) implements Decision {
        }

        /** Answered before: acknowledge with 200 and do nothing. */
        record AlreadyAnswered() implements Decision {
        }

        /** The first delivery is still running after the wait: acknowledge with 202. */
        record StillRunning() implements Decision {
        }

        /** Not now (running elsewhere, the first delivery failed, the database is down): 503 so Teams retries. */
        record RetryLater(String reason) implements Decision {
        }
    }

    private final RedeliveryGuard guard;
    private final DeliveryLedger ledger;
    private final boolean ledgerEnabled;
    private final Duration wait;
    private final MeterRegistry meters;

    DuplicateDeliveries(InboundProperties inbound, DeliveryLedger ledger, MeterRegistry meters) {
        this.guard = new RedeliveryGuard(inbound.redeliveryWindow(), inbound.maxTrackedKeys(), System::nanoTime);
        this.ledger = ledger;
        this.ledgerEnabled = inbound.deliveryLedger();
        this.wait = inbound.turnWait();
        this.meters = meters;
    }

    Decision admit(Activity activity) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        String key = deliveryKey(activity);
        CompletableFuture<Void> earlier = guard.claim(key, outcome);
        if (earlier != null) {
            return mirror(activity, earlier);
        }
        if (key == null || !ledgerEnabled) {
            return new Decision.Process(outcome);
        }
        DeliveryLedger.Claim claim;
        try {
            claim = ledger.claim(key);
        } catch (DataAccessException e) {
            outcome.completeExceptionally(e);
            log.warn("Activity {} not processed, delivery ledger unavailable: {}", activity.getId(), e.getClass().getSimpleName());
            return new Decision.RetryLater("Temporarily unavailable, retry later");
        }
        switch (claim) {
            case ALREADY_DONE -> {
                outcome.complete(null);
                meters.counter("vagvisaren.activities.redelivered").increment();
                log.info("Activity {} was answered before (restart or other instance); not processed twice", activity.getId());
                return new Decision.AlreadyAnswered();
            }
            case RUNNING_ELSEWHERE -> {
                outcome.completeExceptionally(new IllegalStateException("running elsewhere"));
                log.info("Activity {} is being processed by another turn; Teams is asked to retry", activity.getId());
                return new Decision.RetryLater("Being processed, retry later");
            }
            case TAKEN_OVER -> log.warn("Activity {} taken over from a turn that did not finish", activity.getId());
            case FIRST -> { }
        }
        outcome.whenComplete((ignored, error) -> settle(activity.getId(), key, error));
        return new Decision.Process(outcome);
    }

    /** A redelivery on this instance mirrors the first delivery: done → 200, failed → 503 (the next one is processed), running → 202. */
    private Decision mirror(Activity activity, CompletableFuture<Void> earlier) {
        meters.counter("vagvisaren.activities.redelivered").increment();
        log.info("Activity {} delivered again; not processed twice", activity.getId());
        try {
            earlier.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new Decision.AlreadyAnswered();
        } catch (ExecutionException e) {
            return new Decision.RetryLater("Temporarily unavailable, retry later");
        } catch (TimeoutException e) {
            return new Decision.StillRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision.RetryLater("Temporarily unavailable, retry later");
        }
    }

    private void settle(String activityId, String key, Throwable error) {
        try {
            if (error == null) {
                ledger.done(key);
            } else {
                ledger.release(key);
            }
        } catch (DataAccessException e) {
            // A row left RUNNING only delays a redelivery until the claim times out (or this instance takes
            // it over at once); nothing is lost.
            log.warn("Could not record the end of activity {} in the delivery ledger: {}", activityId, e.getClass().getSimpleName());
        }
    }

    /** Identifies one activity across deliveries; {@code null} (never deduplicated) when it has no id. */
    private static String deliveryKey(Activity activity) {
        if (activity.getId() == null || activity.getId().isBlank() || activity.getConversation() == null) {
            return null;
        }
        return activity.getChannelId() + "|" + activity.getConversation().getId() + "|" + activity.getId();
    }
}
