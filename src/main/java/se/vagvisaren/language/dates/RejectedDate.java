package se.vagvisaren.language.dates;

import java.time.Month;

/**
 * Something written as a date or time that does not exist ("31 februari", "vecka 60", "kl 25"), so a
 * handler can say exactly what is wrong instead of guessing.
 *
 * @param text      the words as written
 * @param start     offset of the first character in the message
 * @param end       offset after the last character
 * @param reason    what is wrong with it
 * @param month     for a day past the end of a real month ("31 april", "2027-02-29"): that month; otherwise
 *                  {@code null} (month 13, day 0 or 40 are not a day of any month)
 * @param monthDays for {@code month}: how many days it has that year (or at most, without a year); else 0
 * @param week      for {@link Reason#NO_SUCH_WEEK}: the week number written; else 0
 */
public record RejectedDate(String text, int start, int end, Reason reason, Month month, int monthDays, int week) {

    public RejectedDate(String text, int start, int end, Reason reason) {
        this(text, start, end, reason, null, 0, 0);
    }

    /** Why the expression was rejected. */
    public enum Reason {
        /** No such day in that month (or year): 31 februari, 2026-13-01, 30/2, 40 mars. */
        NO_SUCH_DATE,
        /** No such ISO week in that year: vecka 0, vecka 60, week 53 of a 52-week year. */
        NO_SUCH_WEEK,
        /** No such time of day: kl 25, 14.75, 13pm. */
        NO_SUCH_TIME
    }
}
