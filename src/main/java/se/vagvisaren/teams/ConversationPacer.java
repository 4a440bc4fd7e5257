package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps the bot under Teams' per-conversation limits (7 messages per 1 s, 8 per 2 s, 60 per 30 s,
 * 1,800 per hour) with an exact sliding-window log of send starts. A token bucket would let a burst straddle a window
 * edge and exceed these limits; a log of send times cannot. This log is per instance; when several replicas run,
 * {@link SharedConversationPacer} keeps the same windows in the database instead (see {@link OutboundPacing}).
 */
final class ConversationPacer {

    /** One limit: at most {@code messages} in any window of {@code windowNanos}. */
    record Limit(int messages, long windowNanos) {
        static Limit of(int messages, Duration window) {
            return new Limit(messages, window.toNanos());
        }
    }

    /**
     * The Teams limits, each one message lower. Sends within a conversation are serialised by the sender,
     * so a message arrives before the next one starts; then arrivals can fit one more message into a
     * window than send starts do, and the lower counts keep arrivals within the real limits.
     */
    static final List<Limit> TEAMS_LIMITS = List.of(
            Limit.of(6, Duration.ofMillis(1050)),
            Limit.of(7, Duration.ofMillis(2100)),
            Limit.of(59, Duration.ofMillis(30_500)),
            Limit.of(1799, Duration.ofMillis(3_601_000)));

    private final List<Limit> limits;
    private final int longest;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Cache<String, Deque<Long>> sendLog;

    /** Waits; tests pass one that moves a fake clock instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;

        Sleeper REAL = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    ConversationPacer(List<Limit> limits, LongSupplier nanoTime, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.limits = List.copyOf(limits);
        this.longest = limits.stream().mapToInt(Limit::messages).max().orElse(1);
        long maxWindow = limits.stream().mapToLong(Limit::windowNanos).max().orElse(1);
        this.nanoTime = nanoTime;
        this.sendLog = Caffeine.newBuilder().expireAfterAccess(Duration.ofNanos(maxWindow)).build();
    }

    /**
     * Reserves a send slot in the conversation, waiting as long as the limits require.
     *
     * @return nanoseconds waited (0 when a slot was free)
     * @throws InterruptedException when interrupted while waiting; no slot is reserved then
     */
    long acquire(String conversationId) throws InterruptedException {
        Deque<Long> log = sendLog.get(conversationId, id -> new ArrayDeque<>());
        long waited = 0;
        while (true) {
            long wait;
            synchronized (log) {
                long now = nanoTime.getAsLong();
                wait = waitNanos(log, now);
                if (wait <= 0) {
                    log.addLast(now);
                    while (log.size() > longest) {
                        log.removeFirst();
                    }
                    return waited;
                }
            }
            long nanos = Math.max(1_000_000, wait);
            sleeper.sleep(nanos);
            waited += nanos;
        }
    }

    /**
     * Takes a send slot only if one is free now, without waiting: for work Teams counts against the same
     * conversation budget but that can be skipped, such as answering an automatic card refresh.
     *
     * @return whether a slot was taken
     */
    boolean tryAcquire(String conversationId) {
        Deque<Long> log = sendLog.get(conversationId, id -> new ArrayDeque<>());
        synchronized (log) {
            long now = nanoTime.getAsLong();
            if (waitNanos(log, now) > 0) {
                return false;
            }
            log.addLast(now);
            while (log.size() > longest) {
                log.removeFirst();
            }
            return true;
        }
    }

    /** How long until one more send fits every window; 0 or less when it fits now. */
    private long waitNanos(Deque<Long> log, long now) {
        List<Long> newestFirst = new ArrayList<>(log.size());
        log.descendingIterator().forEachRemaining(newestFirst::add);
        return waitNanos(limits, newestFirst, now);
    }

    /**
     * How long until one more send fits every window, given earlier send starts newest first; 0 or less when it
     * fits now. Shared by this in-memory pacer and {@link SharedConversationPacer}, so both keep the same exact windows.
     */
    static long waitNanos(List<Limit> limits, List<Long> newestFirst, long now) {
        long wait = 0;
        for (Limit limit : limits) {
            if (newestFirst.size() >= limit.messages()) {
                // the send that must leave the window before another may enter
                long oldestInWindow = newestFirst.get(limit.messages() - 1);
                wait = Math.max(wait, oldestInWindow + limit.windowNanos() - now);
            }
        }
        return wait;
    }

    /** The most sends any window allows: older sends never matter. */
    static int longest(List<Limit> limits) {
        return limits.stream().mapToInt(Limit::messages).max().orElse(1);
    }

    /** The longest window: sends older than this never matter. */
    static long longestWindowNanos(List<Limit> limits) {
        return limits.stream().mapToLong(Limit::windowNanos).max().orElse(1);
    }
}
