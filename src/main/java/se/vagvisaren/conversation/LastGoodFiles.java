package se.vagvisaren.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For content spread over many files (a reply file per feature, an exercise per file), read afresh on
 * every reload: remembers each file's last good parse, so a file broken in an edit keeps what it had
 * while the other files are read anew. A file broken from the start has nothing to keep and is skipped.
 * Complements {@link ReloadingContent}, which keeps the whole previous value when the whole load fails.
 *
 * @param <V> what one file parses to
 */
public final class LastGoodFiles<V> {

    private static final Logger log = LoggerFactory.getLogger(LastGoodFiles.class);

    /** Parses one file; throws when it is broken. */
    @FunctionalInterface
    public interface Parser<V> {
        V parse() throws Exception;
    }

    private final String kind;
    private final Map<String, V> lastGood = new ConcurrentHashMap<>();

    /** @param kind what the files hold, for the log ("reply file", "exercise file") */
    public LastGoodFiles(String kind) {
        this.kind = kind;
    }

    /**
     * Parses {@code file}. When that fails, the error is logged by file name and handed to {@code onBroken}
     * (e.g. to list it for operators), and the file's last good value is returned instead, if it had one.
     *
     * @param file     the file's name, unique among the files read
     * @return the fresh value, the last good one, or empty
     */
    public Optional<V> read(String file, Parser<V> parser, Consumer<Exception> onBroken) {
        try {
            V value = parser.parse();
            lastGood.put(file, value);
            return Optional.of(value);
        } catch (Exception e) {
            V previous = lastGood.get(file);
            log.error("Broken {} {}: {}; {}", kind, file, e.getMessage(), previous == null ? "skipped" : "keeping its previous version");
            onBroken.accept(e);
            return Optional.ofNullable(previous);
        }
    }
}
