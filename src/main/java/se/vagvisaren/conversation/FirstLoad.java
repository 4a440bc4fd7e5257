package se.vagvisaren.conversation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The first load of content that readers must not use half-built (the knowledge index, the intent model): it runs
 * once on the executor it is given (a thread of its own at application start, the calling thread in tools and
 * tests), and {@link #await} lets every reader wait for it instead of answering from nothing. Thread-safe.
 */
public final class FirstLoad {

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Starts {@code load} on {@code executor}; with {@code Runnable::run} it has finished when this returns. */
    public FirstLoad(Executor executor, Runnable load) {
        executor.execute(() -> {
            try {
                load.run();
            } finally {
                done.complete(null); // also after an Error: readers must never wait forever
            }
        });
    }

    /** Whether the load has finished, successfully or not (health shows "loading" until then). */
    public boolean isDone() {
        return done.isDone();
    }

    /** Waits until the load has finished, successfully or not. */
    public void await() {
        done.join();
    }
}
