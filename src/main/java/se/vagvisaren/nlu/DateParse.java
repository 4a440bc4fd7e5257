package se.vagvisaren.nlu;

import java.util.List;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * What {@link DateExpressionParser} found in one message.
 *
 * @param mentions valid dates and date-times in text order; empty when none
 * @param rejected expressions that looked like dates or times but do not exist; empty when none
 */
public record DateParse(List<DateMention> mentions, List<RejectedDate> rejected) {

    public DateParse {
        mentions = List.copyOf(mentions);
        rejected = List.copyOf(rejected);
    }

    /** The mentions as {@code datetime} entities, in text order. */
    public List<RecognizedIntent.Entity> entities() {
        return mentions.stream().map(DateMention::toEntity).toList();
    }

    /** Whether the message contained a date or time that does not exist. */
    public boolean hasRejected() {
        return !rejected.isEmpty();
    }
}
