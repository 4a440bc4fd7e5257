package se.vagvisaren.testing;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An executor that holds the one task it is given until the test lets it go, as a slow start would hold a
 * background first load (the knowledge index, the intent model).
 */
public final class HeldExecutor implements Executor {

    private final AtomicReference<Runnable> task = new AtomicReference<>();

    @Override
    public void execute(Runnable command) {
        task.set(command);
    }

    /** Runs the held task on a thread of its own, so the test can meanwhile wait on what it unblocks. */
    public void releaseInBackground() {
        Thread.ofPlatform().start(task.get());
    }

    /** Runs the held task on the calling thread. */
    public void runHere() {
        task.get().run();
    }
}
