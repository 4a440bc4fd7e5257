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

    public static CardActionResult unknown() {
        return new CardActionResult(List.of(), null, null, Outcome.UNKNOWN_ACTION);
    }
}
