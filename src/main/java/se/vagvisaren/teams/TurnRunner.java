package se.vagvisaren.teams;

import com.microsoft.bot.builder.InvokeResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs turns with two bounds, so a slow Bot Connector or database cannot take every request thread:
 * at most {@code maxConcurrent} turns at once (more are refused, and Teams redelivers them later), and
 * a request waits at most {@code wait} for its turn (a turn still running then finishes in the
 * background and keeps its slot until it ends).
 */
final class TurnRunner {

    /** How a turn went, as far as the HTTP answer is concerned. */
    sealed interface Outcome {
        /** Finished; {@code response} is the invoke response, or {@code null} for other activities. */
        record Done(InvokeResponse response) implements Outcome {
        }

        /** Still running after the wait; it completes in the background. */
        record StillRunning() implements Outcome {
        }

        /** Not started: too many turns are running. */
        record Busy() implements Outcome {
        }

        /** Failed with {@code cause} (already unwrapped from completion wrappers). */
        record Failed(Throwable cause) implements Outcome {
        }
    }

    private final Semaphore slots;
    private final int maxConcurrent;
    private final Duration wait;

    TurnRunner(int maxConcurrent, Duration wait) {
        this.slots = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
        this.wait = wait;
    }

    /**
     * @param turn       starts the turn; may do synchronous work (e.g. database calls) before returning
     * @param completion completed when the turn ends, normally or exceptionally (also when refused as busy)
     */
    Outcome run(Supplier<CompletableFuture<InvokeResponse>> turn, CompletableFuture<Void> completion) {
        if (!slots.tryAcquire()) {
            completion.completeExceptionally(new IllegalStateException("busy"));
            return new Outcome.Busy();
        }
        CompletableFuture<InvokeResponse> running;
        try {
            running = turn.get();
        } catch (RuntimeException e) {
            slots.release();
            completion.completeExceptionally(e);
            return new Outcome.Failed(e);
        }
        running.whenComplete((response, error) -> {
            slots.release();
            if (error == null) {
                completion.complete(null);
            } else {
                completion.completeExceptionally(error);
            }
        });
        try {
            return new Outcome.Done(running.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new Outcome.StillRunning();
        } catch (ExecutionException e) {
            return new Outcome.Failed(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed(e);
        }
    }

    /** Turns running now, including those finishing in the background. */
    int active() {
        return maxConcurrent - slots.availablePermits();
    }
}
