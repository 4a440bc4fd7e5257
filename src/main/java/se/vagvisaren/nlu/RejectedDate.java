package se.vagvisaren.nlu;

/**
 * Something written as a date or time that does not exist ("31 februari", "vecka 60", "kl 25"), so a
 * handler can say so instead of guessing.
 *
 * @param text   the words as written
 * @param start  offset of the first character in the message
 * @param end    offset after the last character
 * @param reason what is wrong with it
 */
public record RejectedDate(String text, int start, int end, Reason reason) {

    /** Why the expression was rejected. */
    public enum Reason {
        /** No such day in that month (or year): 31 februari, 2026-13-01, 30/2. */
        NO_SUCH_DATE,
        /** No such ISO week in that year: vecka 0, vecka 60, week 53 of a 52-week year. */
        NO_SUCH_WEEK,
        /** No such time of day: kl 25, 14.75, 13pm. */
        NO_SUCH_TIME
    }
}
