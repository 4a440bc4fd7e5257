package se.vagvisaren.language.dates;

import java.util.List;
import java.util.Optional;

/**
 * What {@link DateParser} found in one message.
 *
 * @param mentions   valid dates and date-times in text order; empty when none
 * @param rejected   expressions that looked like dates or times but do not exist; empty when none
 * @param repetition how the message says it repeats ("varje måndag", "every month"), or {@code null}
 */
public record DateParse(List<DateMention> mentions, List<RejectedDate> rejected, Repetition repetition) {

    public DateParse {
        mentions = List.copyOf(mentions);
        rejected = List.copyOf(rejected);
    }

    static DateParse empty() {
        return new DateParse(List.of(), List.of(), null);
    }

    /** The first mention, if any. */
    public Optional<DateMention> first() {
        return mentions.stream().findFirst();
    }

    /** Whether the message contained a date or time that does not exist. */
    public boolean hasRejected() {
        return !rejected.isEmpty();
    }
}
