package se.vagvisaren.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand. Register it as the application clock with
 * {@code @Import(MutableClock.Config.class)}; db-scheduler then runs on it too, and every move wakes it
 * ({@link SchedulerWakeUp}).
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    private final List<Runnable> moveListeners;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone, List<Runnable> moveListeners) {
        this.now = now;
        this.zone = zone;
        this.moveListeners = moveListeners;
    }

    public void set(Instant instant) {
        now.set(instant);
        moveListeners.forEach(Runnable::run);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
        moveListeners.forEach(Runnable::run);
    }

    /**
     * Runs {@code listener} after every {@link #set} and {@link #advance}.
     *
     * @return an action that removes the listener again
     */
    public Runnable onMove(Runnable listener) {
        moveListeners.add(listener);
        return () -> moveListeners.remove(listener);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone, moveListeners);
    }

    /** Spring test configuration that makes a MutableClock the application clock (2026-11-25 09:00 UTC). */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import(SchedulerWakeUp.class)
    public static class Config {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        public MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        }
    }
}
