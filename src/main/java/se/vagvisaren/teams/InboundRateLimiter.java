package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets per user and per conversation for what people send the bot (messages and card
 * actions). A user's bucket is checked first, so one noisy person in a channel uses up their own budget
 * before the channel's. Buckets live in size-bounded caches and are dropped once they would be full
 * again anyway, so memory stays bounded however many ids an attacker invents.
 */
final class InboundRateLimiter {

    /** What to do with one inbound activity. */
    enum Decision {
        ALLOW,
        /** Over the user's limit; tell the user (first time in the notice interval). */
        LIMIT_USER_AND_NOTIFY,
        /** Over the conversation's limit; tell the conversation (first time in the notice interval). */
        LIMIT_CONVERSATION_AND_NOTIFY,
        /** Over a limit and already told: drop quietly. */
        LIMIT_QUIETLY;

        boolean limited() {
            return this != ALLOW;
        }
    }

    private final InboundProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> conversations;
    private final Cache<String, Boolean> notified;

    /** @param nanoTime monotonic nanoseconds; tests pass a fake */
    InboundRateLimiter(InboundProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        Ticker ticker = nanoTime::getAsLong;
        this.users = buckets(properties.userBurst(), properties.userPerMinute(), ticker);
        this.conversations = buckets(properties.conversationBurst(), properties.conversationPerMinute(), ticker);
        this.notified = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(properties.maxTrackedKeys())
                .expireAfterWrite(properties.noticeInterval()).build();
    }

    /**
     * Takes one token from the user's and the conversation's bucket.
     *
     * @param userKey         stable sender id (with tenant), never empty
     * @param conversationKey conversation id, never empty
     */
    Decision check(String userKey, String conversationKey) {
        if (!properties.rateLimits()) {
            return Decision.ALLOW;
        }
        Bucket user = users.get(userKey, k -> newBucket(properties.userBurst(), properties.userPerMinute()));
        if (!user.tryConsume(1)) {
            return firstNotice("u:" + userKey) ? Decision.LIMIT_USER_AND_NOTIFY : Decision.LIMIT_QUIETLY;
        }
        Bucket conversation = conversations.get(conversationKey,
                k -> newBucket(properties.conversationBurst(), properties.conversationPerMinute()));
        if (!conversation.tryConsume(1)) {
            return firstNotice("c:" + conversationKey) ? Decision.LIMIT_CONVERSATION_AND_NOTIFY : Decision.LIMIT_QUIETLY;
        }
        return Decision.ALLOW;
    }

    /** Users plus conversations tracked now (after pending evictions). */
    long trackedKeys() {
        users.cleanUp();
        conversations.cleanUp();
        return users.estimatedSize() + conversations.estimatedSize();
    }

    private boolean firstNotice(String key) {
        return notified.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    private Cache<String, Bucket> buckets(int burst, int perMinute, Ticker ticker) {
        // After this long without use a bucket has refilled completely: forgetting it changes nothing.
        Duration refillTime = Duration.ofMillis(Math.max(1, 60_000L * burst / perMinute));
        // Evictions run on the calling thread: no hidden pool work, and the bound holds immediately.
        return Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(properties.maxTrackedKeys())
                .expireAfterAccess(refillTime).build();
    }

    private Bucket newBucket(int burst, int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
