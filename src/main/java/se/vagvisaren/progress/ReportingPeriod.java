package se.vagvisaren.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A time window a user asked about ("denna månad"), half-open {@code [from, to)}.
 *
 * @param kind the phrase kind from {@code dialogs/progress/phrases.yaml}, e.g. {@code this-month}
 * @param from first instant included
 * @param to   first instant not included
 */
record ReportingPeriod(String kind, Instant from, Instant to) {

    /**
     * Resolves a period kind against {@code now}; calendar periods follow the zone of {@code now}
     * (weeks start on Monday, as in Sweden). Empty for an unknown kind.
     */
    static Optional<ReportingPeriod> of(String kind, ZonedDateTime now) {
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime monthStart = today.withDayOfMonth(1);
        Instant end = now.toInstant().plusSeconds(1);
        return Optional.ofNullable(switch (kind) {
            case "today" -> new ReportingPeriod(kind, today.toInstant(), end);
            case "this-week" -> new ReportingPeriod(kind, weekStart.toInstant(), end);
            case "last-week" -> new ReportingPeriod(kind, weekStart.minusWeeks(1).toInstant(), weekStart.toInstant());
            case "last-7-days" -> new ReportingPeriod(kind, now.minusDays(7).toInstant(), end);
            case "this-month" -> new ReportingPeriod(kind, monthStart.toInstant(), end);
            case "last-month" -> new ReportingPeriod(kind, monthStart.minusMonths(1).toInstant(), monthStart.toInstant());
            case "last-30-days" -> new ReportingPeriod(kind, now.minusDays(30).toInstant(), end);
            case "this-year" -> new ReportingPeriod(kind, today.withDayOfYear(1).toInstant(), end);
            default -> null;
        });
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
