package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What this instance wrote to a table recently, so an unchanged row is not rewritten on every message.
 * Ages are measured on the application {@link Clock} (which tests move), so "recent" means the same
 * to this memory as to the row's {@code updated_at}; at most 50,000 keys are kept.
 */
final class RecentWrites {

    private record Written(String value, Instant at) {
    }

    private final Cache<String, Written> written;
    private final Clock clock;
    private final Duration window;

    RecentWrites(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
        this.written = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(window).build();
    }

    /** Whether {@code value} was written under {@code key} within the window (by the application clock). */
    boolean unchanged(String key, String value) {
        Written last = written.getIfPresent(key);
        if (last == null || value == null || !value.equals(last.value())) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isBefore(last.at()) && now.isBefore(last.at().plus(window));
    }

    void wrote(String key, String value) {
        if (value != null) {
            written.put(key, new Written(value, clock.instant()));
        }
    }

    void forget(String key) {
        written.invalidate(key);
    }

    void forgetAll() {
        written.invalidateAll();
    }
}
