package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a deadline falls due, in the team's zone.
 *
 * @param date the local date
 * @param time the local time the user asked for, or {@code null} for a whole-day deadline
 * @param zone the team's zone, e.g. {@code Europe/Stockholm}
 */
record Due(LocalDate date, LocalTime time, ZoneId zone) {

    Due {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
    }

    boolean allDay() {
        return time == null;
    }

    /**
     * The instant used for ordering and past checks: the exact time, or the start of the day for a
     * whole-day deadline. A local time skipped by a DST change moves forward by the gap (02:30 → 03:30).
     */
    Instant instant() {
        return allDay() ? date.atStartOfDay(zone).toInstant() : ZonedDateTime.of(date, time, zone).toInstant();
    }

    Due withDate(LocalDate newDate) {
        return new Due(newDate, time, zone);
    }
}
