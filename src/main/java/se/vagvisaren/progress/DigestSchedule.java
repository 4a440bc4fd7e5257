package se.vagvisaren.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly digest slots: {@code day} at {@code time} in {@code zone} (Monday 08:00 in the standard zone,
 * Europe/Stockholm by default). Slots follow local time across daylight-saving changes, so the digest stays at 08:00.
 */
record DigestSchedule(DayOfWeek day, LocalTime time, ZoneId zone) {

    static DigestSchedule of(ProgressProperties properties, ZoneId zone) {
        return new DigestSchedule(properties.digestDay(), properties.digestTime(), zone);
    }

    /** The latest slot at or before {@code t}; a retry some minutes late still belongs to the same week. */
    Instant latestSlotAtOrBefore(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime slot = local.with(TemporalAdjusters.previousOrSame(day)).with(time);
        if (slot.toInstant().isAfter(t)) {
            slot = slot.minusWeeks(1);
        }
        return slot.toInstant();
    }

    /** The first slot after {@code t}. */
    Instant nextSlotAfter(Instant t) {
        ZonedDateTime slot = t.atZone(zone).with(TemporalAdjusters.nextOrSame(day)).with(time);
        if (!slot.toInstant().isAfter(t)) {
            slot = slot.plusWeeks(1);
        }
        return slot.toInstant();
    }

    /** The slot one week before {@code slot}, in local time (DST-safe). */
    Instant previous(Instant slot) {
        return slot.atZone(zone).minusWeeks(1).toInstant();
    }

    /** A cron expression for db-scheduler (seconds first), e.g. {@code 0 0 8 * * MON}. */
    String cron() {
        return "%d %d %d * * %s".formatted(time.getSecond(), time.getMinute(), time.getHour(),
                day.name().substring(0, 3));
    }
}
