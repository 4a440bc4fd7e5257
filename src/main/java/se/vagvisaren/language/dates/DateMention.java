package se.vagvisaren.language.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A date or date-time found in a message, resolved against "now" in the conversation's zone.
 *
 * @param text     the words it was read from, as written
 * @param start    offset of the first character in the message
 * @param end      offset after the last character
 * @param value    local date-time in the conversation's zone; midnight when {@code grain} is {@link DateGrain#DAY}
 * @param grain    whether a time of day was given
 * @param timeOnly only a time of day was written ("kl 9"): the day is today, or tomorrow once that time
 *                 has passed; a feature may prefer to call such a time past instead
 */
public record DateMention(String text, int start, int end, LocalDateTime value, DateGrain grain, boolean timeOnly) {

    /** A mention with a day written (or implied by a duration, "om 10 minuter"). */
    public DateMention(String text, int start, int end, LocalDateTime value, DateGrain grain) {
        this(text, start, end, value, grain, false);
    }

    /** The day. */
    public LocalDate date() {
        return value.toLocalDate();
    }

    /** The time of day, or {@code null} for a whole day. */
    public LocalTime time() {
        return grain == DateGrain.DAY ? null : value.toLocalTime().withSecond(0).withNano(0);
    }

    /** {@code 2026-11-27} for a day, {@code 2026-11-27T14:00} for a minute. */
    public String valueText() {
        return grain == DateGrain.DAY ? value.toLocalDate().toString() : value.withSecond(0).withNano(0).toString();
    }
}
