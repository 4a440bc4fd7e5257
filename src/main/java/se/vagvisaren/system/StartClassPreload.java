package se.vagvisaren.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Loads, on a thread of its own, the classes that a start's main thread will load later, so that the main thread
 * (the critical path of a start: it refreshes the Spring context) finds most of them already loaded. What Spring
 * Boot's own {@code BackgroundPreinitializer} does for a few of its classes, for the service's whole start.
 *
 * <p>Why: a bare {@code java -jar} has no class-data archive (a jar cannot carry JVM options), so every class is
 * read from its nested jar and parsed while the start waits; the bot's main thread loads about 11,400 classes, twice
 * the hello-world's. The list ({@value #LIST}) is the main thread's own class-loading log of a start, made by
 * {@code docs/benchmarks/start-classes.sh}; classes are only loaded, never initialised, so no static initialiser runs
 * earlier or on another thread than it would anyway. A name that no longer exists (after a dependency upgrade) is
 * skipped: a stale list costs only its benefit. Measurements: docs/performance.md, "Start-up and memory".
 *
 * <p>{@value #SWITCH}{@code =false} (or {@code VAGVISAREN_JVM_PRELOADCLASSES=false}) switches it off.
 */
public final class StartClassPreload {

    /** Set to {@code false} to load classes only when the start needs them. */
    public static final String SWITCH = "vagvisaren.jvm.preload-classes";

    static final String LIST = "META-INF/vagvisaren/start-classes.txt";

    /** How many of the list's classes were loaded, and how many it names. */
    public record Outcome(int loaded, int listed) {
    }

    private StartClassPreload() {
    }

    /**
     * Starts the preload on a daemon thread {@code start-class-preload} unless switched off or the list is missing.
     *
     * @return the outcome once the list has been worked through; {@code null} when nothing was started
     */
    public static CompletableFuture<Outcome> startInBackground(ClassLoader loader) {
        String setting = System.getProperty(SWITCH, System.getenv("VAGVISAREN_JVM_PRELOADCLASSES"));
        if (setting != null && !Boolean.parseBoolean(setting.strip())) {
            return null;
        }
        InputStream list = loader.getResourceAsStream(LIST);
        if (list == null) {
            return null;
        }
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("start-class-preload").start(() -> {
            try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
                done.complete(preload(names, loader));
            } catch (IOException | RuntimeException e) { // the start loads every class itself anyway
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Loads (without initialising) each class named on a line; blank lines and {@code #} comments are skipped. */
    static Outcome preload(BufferedReader names, ClassLoader loader) {
        int loaded = 0;
        int listed = 0;
        try {
            for (String line = names.readLine(); line != null; line = names.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                listed++;
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // gone since the list was made, or needs a class that is not there: the start decides
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(loaded, listed);
    }
}
