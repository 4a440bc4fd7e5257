package se.vagvisaren.deadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a "create a deadline" message asked for, read by {@link DeadlineRequestReader}.
 *
 * @param title      the message without date words and lead-ins ("påminn oss om"); empty when nothing is left
 * @param forMe      the writer asked to be reminded personally ("påminn mig", "remind me")
 * @param recurrence "varje vecka", "every month"...
 * @param dates      the distinct due times found; empty = missing, more than one = ambiguous
 * @param invalid    an impossible date or time in the text ("31 februari"), or {@code null}
 */
record DeadlineRequest(String title, boolean forMe, Recurrence recurrence, List<When> dates, DateSanity.Finding invalid) {

    DeadlineRequest {
        dates = List.copyOf(dates);
    }

    /**
     * One due time.
     *
     * @param date local date
     * @param time local time, or {@code null} when only a day was given
     * @param text the words it was read from
     */
    record When(LocalDate date, LocalTime time, String text) {
    }
}
