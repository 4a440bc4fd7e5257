package se.vagvisaren.conversation;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from editable content and read again when that content changes. A broken edit never
 * takes a working copy away: when a reload fails, the previous value stays and the error is logged with
 * the file's description. The first load must succeed (a missing or broken file at start-up is an error).
 * A loader that skips broken parts itself (one bad file of many) and never throws simply replaces the
 * value on every reload.
 *
 * @param <T> the parsed content, e.g. a compiled phrase matcher
 */
public final class ReloadingContent<T> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingContent.class);

    private final String area;
    private final String description;
    private final Supplier<T> loader;
    private volatile T current;

    /**
     * @param area        {@code dialogs} or {@code knowledge}: the content area whose changes trigger a reload
     * @param description what is loaded, for the log (e.g. {@code dialogs/safeguarding/danger-phrases.yaml})
     * @param loader      reads and parses the content; throws when it is broken
     */
    public ReloadingContent(String area, String description, Supplier<T> loader) {
        this.area = area;
        this.description = description;
        this.loader = loader;
        this.current = loader.get();
    }

    private ReloadingContent(String area, String description, Supplier<T> loader, T initial) {
        this.area = area;
        this.description = description;
        this.loader = loader;
        this.current = initial;
    }

    /**
     * For optional content the bot can run without (command words beside card buttons): a broken file at
     * start-up gives {@code fallback}, logged, instead of failing; later broken edits keep the previous value.
     */
    public static <T> ReloadingContent<T> orElse(String area, String description, Supplier<T> loader, T fallback) {
        T initial;
        try {
            initial = loader.get();
        } catch (RuntimeException e) {
            log.error("Starting without {}: it is broken: {}", description, e.getMessage());
            initial = fallback;
        }
        return new ReloadingContent<>(area, description, loader, initial);
    }

    /** The latest successfully loaded value. */
    public T get() {
        return current;
    }

    /** Reloads when {@code event} concerns this content's area; call it from an {@code @EventListener}. */
    public void onContentChanged(ContentChanged event) {
        if (area.equals(event.area())) {
            reload();
        }
    }

    /** Reads the content again now, whatever changed; when that fails the previous value stays. */
    public void reload() {
        try {
            current = loader.get();
        } catch (RuntimeException e) {
            log.error("Keeping the previous {}: it is broken: {}", description, e.getMessage());
        }
    }
}
