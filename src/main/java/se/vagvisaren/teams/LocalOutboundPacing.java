package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;

/** Pacing for a single instance: a fair lock per conversation and the in-memory {@link ConversationPacer}. */
@RequiredArgsConstructor
final class LocalOutboundPacing implements OutboundPacing {

    private final ConversationPacer pacer;
    private final Cache<String, ReentrantLock> conversationLocks = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    @Override
    public <T> T paced(String conversationId, Supplier<T> send) throws InterruptedException {
        ReentrantLock lock = conversationLocks.get(conversationId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            pacer.acquire(conversationId);
            return send.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire(String conversationId) {
        return pacer.tryAcquire(conversationId);
    }
}
