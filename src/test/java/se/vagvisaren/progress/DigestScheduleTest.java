package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private final DigestSchedule monday8 = new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(8, 0), ZoneId.of("Europe/Stockholm"));

    @Test
    void latestSlotAtOrBefore_retryHalfAnHourLate_staysInTheSameWeek() {
        Instant slot = Instant.parse("2026-11-30T07:00:00Z"); // 08:00 CET

        assertThat(monday8.latestSlotAtOrBefore(slot)).isEqualTo(slot);
        assertThat(monday8.latestSlotAtOrBefore(slot.plusSeconds(1800))).isEqualTo(slot);
        assertThat(monday8.latestSlotAtOrBefore(slot.minusSeconds(1))).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    }

    @Test
    void nextSlotAfter_acrossSummerTime_isStill0800Local() {
        // 2027-03-28 clocks go forward; Monday 29 March 08:00 CEST is 06:00 UTC
        assertThat(monday8.nextSlotAfter(Instant.parse("2027-03-25T12:00:00Z"))).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
        assertThat(monday8.previous(Instant.parse("2027-03-29T06:00:00Z"))).isEqualTo(Instant.parse("2027-03-22T07:00:00Z"));
    }

    @Test
    void cron_isSecondsFirstWithWeekday() {
        assertThat(monday8.cron()).isEqualTo("0 0 8 * * MON");
        assertThat(new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(14, 30), ZoneId.of("Europe/Stockholm")).cron())
                .isEqualTo("0 30 14 * * FRI");
    }
}
