package se.vagvisaren.reflection;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vagvisaren.language.dates.DateMention;
import se.vagvisaren.language.dates.DateParse;
import se.vagvisaren.language.dates.Repetition;

/**
 * When to launch, from the date parser's reading of a chat message: a weekly series ("varje måndag kl 9 i
 * fyra veckor", "varannan fredag kl 14.30 3 gånger", "every Monday at 9 for four weeks") or one point in
 * time ("den 3 december kl 10", "i morgon kl 9", "kl 15"). Reflection's own policy, no parsing: a day
 * without a time means 09:00, a lone time of day already past today is past (not tomorrow), a series must
 * say how many times, and nothing may start in the past.
 */
final class LaunchSchedule {

    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private LaunchSchedule() {
    }

    /**
     * A schedule: launch times in order, or why they cannot be used.
     *
     * @param times   launch times in the conversation's zone, soonest first; empty when there is a problem
     * @param problem {@code null} when the times can be used
     */
    record Parsed(List<ZonedDateTime> times, Problem problem) {
        enum Problem { PAST, TOO_MANY, COUNT_MISSING }

        static Parsed of(Problem problem) {
            return new Parsed(List.of(), problem);
        }

        static Parsed at(ZonedDateTime at, ZonedDateTime now) {
            return at.isAfter(now) ? new Parsed(List.of(at), null) : of(Problem.PAST);
        }
    }

    /**
     * @param dates          the date parser's reading of the message, resolved against {@code now}
     * @param now            the current time in the conversation's zone
     * @param maxOccurrences most launches a series may have
     * @return empty when the message names no time at all
     */
    static Optional<Parsed> from(DateParse dates, ZonedDateTime now, int maxOccurrences) {
        LocalTime time = dates.mentions().stream().map(DateMention::time).filter(Objects::nonNull).findFirst()
                .orElse(null);
        Repetition repetition = dates.repetition();
        if (repetition != null && repetition.weekday() != null) {
            return Optional.of(series(repetition, time, now, maxOccurrences));
        }
        return dates.first().map(first -> {
            LocalDate day = first.timeOnly() ? now.toLocalDate() : first.date();
            return Parsed.at(ZonedDateTime.of(day, time != null ? time : DEFAULT_TIME, now.getZone()), now);
        });
    }

    /** A typed date from the NLU: a whole day launches at 09:00. */
    static Parsed from(DateMention date, ZonedDateTime now) {
        LocalTime time = date.time() != null ? date.time() : DEFAULT_TIME;
        return Parsed.at(ZonedDateTime.of(date.date(), time, now.getZone()), now);
    }

    private static Parsed series(Repetition repetition, LocalTime time, ZonedDateTime now, int maxOccurrences) {
        Integer count = repetition.count();
        if (count == null || count < 1) {
            return Parsed.of(Parsed.Problem.COUNT_MISSING);
        }
        if (count > maxOccurrences) {
            return Parsed.of(Parsed.Problem.TOO_MANY);
        }
        return new Parsed(repetition.weeklyTimes(time != null ? time : DEFAULT_TIME, now, count), null);
    }
}
