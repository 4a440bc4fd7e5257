package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What came of a card action.
 *
 * @param replies     messages to send into the conversation (may be private to the sender)
 * @param updatedCard a card that replaces the pressed card, or {@code null} to leave it as it is
 * @param toast       a short text for the presser (shown as the invoke response message), may be {@code null}
 * @param outcome     how the action ended, for status codes and metrics
 */
public record CardActionResult(List<Reply> replies, JsonNode updatedCard, String toast, Outcome outcome) {

    public enum Outcome { DONE, REFUSED, UNKNOWN_ACTION }

    public CardActionResult {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public static CardActionResult replies(Reply... replies) {
        return new CardActionResult(List.of(replies), null, null, Outcome.DONE);
    }

    public static CardActionResult updateCard(JsonNode card, String toast) {
        return new CardActionResult(List.of(), card, toast, Outcome.DONE);
    }

    public static CardActionResult refused(Reply reply) {
        return new CardActionResult(List.of(reply), null, reply.text(), Outcome.REFUSED);
    }

    /** Refused: {@code text} as a reply in the conversation and as the toast; the pressed card is left as it is. */
    public static CardActionResult refused(String text) {
        return refused(Reply.text(text));
    }

    /**
     * Refused without a message: the pressed card is replaced, for the presser only, by {@code card} (which shows
     * why), and {@code toast} says it once more.
     */
    public static CardActionResult refusedWithCard(JsonNode card, String toast) {
        return new CardActionResult(List.of(), card, toast, Outcome.REFUSED);
    }

    /** Refused with only {@code toast}, the short message of the invoke response: nothing posted, the card kept. */
    public static CardActionResult refusedToast(String toast) {
        return new CardActionResult(List.of(), null, toast, Outcome.REFUSED);
    }

    /** {@code text} to the presser alone: a private message (in a channel, their 1:1 chat) and the toast. */
    public static CardActionResult privately(String text, Outcome outcome) {
        return new CardActionResult(List.of(Reply.text(text).privately()), null, text, outcome);
    }

    public static CardActionResult unknown() {
        return new CardActionResult(List.of(), null, null, Outcome.UNKNOWN_ACTION);
    }
}
