package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.MutableClock;

class RecentWritesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final RecentWrites writes = new RecentWrites(clock, Duration.ofMinutes(5));

    @Test
    void unchanged_sameValueWithinTheWindow_isTrue() {
        writes.wrote("a:1", "x");
        clock.advance(Duration.ofMinutes(4));

        assertThat(writes.unchanged("a:1", "x")).isTrue();
    }

    @Test
    void unchanged_otherValueOrUnknownKey_isFalse() {
        writes.wrote("a:1", "x");

        assertThat(writes.unchanged("a:1", "y")).isFalse();
        assertThat(writes.unchanged("a:2", "x")).isFalse();
        assertThat(writes.unchanged("a:1", null)).isFalse();
    }

    @Test
    void unchanged_afterTheWindowByTheApplicationClock_isFalse() {
        writes.wrote("a:1", "x");

        clock.advance(Duration.ofDays(800)); // e.g. a retention test jumping ahead

        assertThat(writes.unchanged("a:1", "x")).isFalse();
    }

    @Test
    void unchanged_clockMovedBackwards_isFalse() {
        writes.wrote("a:1", "x");

        clock.set(Instant.parse("2026-11-24T09:00:00Z"));

        assertThat(writes.unchanged("a:1", "x")).isFalse();
    }

    @Test
    void forget_makesTheNextWriteHappen() {
        writes.wrote("a:1", "x");
        writes.wrote("a:2", "x");

        writes.forget("a:1");
        assertThat(writes.unchanged("a:1", "x")).isFalse();
        assertThat(writes.unchanged("a:2", "x")).isTrue();
        writes.forgetAll();
        assertThat(writes.unchanged("a:2", "x")).isFalse();
    }
}
