package se.vagvisaren.nlu;

import java.time.LocalDateTime;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * A date or date-time found in a message, resolved against "now" in the conversation's zone.
 *
 * @param text  the words it was read from, as written
 * @param start offset of the first character in the message
 * @param end   offset after the last character
 * @param value local date-time in the conversation's zone; midnight when {@code grain} is {@link Grain#DAY}
 * @param grain whether a time of day was given
 */
public record DateMention(String text, int start, int end, LocalDateTime value, Grain grain) {

    /** Precision of a mention. */
    public enum Grain {
        /** A whole day: the value's time is midnight and means "that day". */
        DAY,
        /** A time of day, to the minute. */
        MINUTE;

        /** {@code day} or {@code minute}, as in the JSON contract. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code 2026-11-27} for a day, {@code 2026-11-27T14:00} for a minute. */
    public String valueText() {
        return grain == Grain.DAY ? value.toLocalDate().toString() : value.withSecond(0).withNano(0).toString();
    }

    /** This mention as a {@code datetime} entity. */
    public RecognizedIntent.Entity toEntity() {
        return new RecognizedIntent.Entity("datetime", valueText(), grain.code(), text);
    }
}
