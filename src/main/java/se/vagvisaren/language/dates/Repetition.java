package se.vagvisaren.language.dates;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How a message says something repeats: "varje måndag", "varannan fredag 3 gånger", "every Monday for
 * four weeks", "varje månad", "weekly".
 *
 * @param cadence  weekly or monthly
 * @param interval every how many weeks (or months): 1, or 2 for "varannan" / "every other"
 * @param weekday  the day named ("varje måndag"), or {@code null} ("varje vecka", "monthly")
 * @param count    how many times ("3 gånger", "i fyra veckor" = 4 weekly times), or {@code null} when not said
 * @param words    the repetition words as written ("varje", "every week"), for removing them from a title
 */
public record Repetition(Cadence cadence, int interval, DayOfWeek weekday, Integer count, List<String> words) {

    public Repetition {
        words = List.copyOf(words);
    }

    /** Weekly or monthly. */
    public enum Cadence { WEEKLY, MONTHLY }

    /**
     * The times of a weekly series on {@link #weekday()}: the first is the next such day at {@code at}
     * (today when that time is still ahead), then every {@link #interval()} weeks, {@code count} in all.
     * Built from the local date each time, so "kl 9" stays 09:00 across a change to or from summer time.
     *
     * @throws IllegalStateException when no weekday was named
     */
    public List<ZonedDateTime> weeklyTimes(LocalTime at, ZonedDateTime now, int count) {
        if (weekday == null) {
            throw new IllegalStateException("a weekly series needs a weekday");
        }
        ZonedDateTime first = ZonedDateTime.of(now.toLocalDate().with(TemporalAdjusters.nextOrSame(weekday)), at,
                now.getZone());
        if (!first.isAfter(now)) {
            first = first.plusWeeks(1);
        }
        List<ZonedDateTime> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ZonedDateTime.of(first.toLocalDate().plusWeeks((long) i * interval), at, now.getZone()));
        }
        return List.copyOf(out);
    }
}
