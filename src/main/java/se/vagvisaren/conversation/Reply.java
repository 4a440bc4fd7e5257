package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One message the bot sends: Markdown text, an Adaptive Card (schema 1.5 at most), or both.
 *
 * @param text    Teams Markdown; user-written parts must already be escaped with {@link TeamsText#escape}
 * @param card    Adaptive Card content, or {@code null}
 * @param privateToSender when {@code true} and the message came from a shared conversation, the reply
 *                goes to the sender's 1:1 chat instead (e.g. personal confirmations)
 * @param suggestions texts offered as tap-to-send buttons under the message (Teams suggested actions, shown
 *                in 1:1 chats only); each is sent back as the user's own message, so it must be words the
 *                bot understands. Empty when none.
 */
public record Reply(String text, JsonNode card, boolean privateToSender, List<String> suggestions) {

    public Reply {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** A reply without suggested actions. */
    public Reply(String text, JsonNode card, boolean privateToSender) {
        this(text, card, privateToSender, List.of());
    }

    public static Reply text(String text) {
        return new Reply(text, null, false);
    }

    public static Reply card(JsonNode card) {
        return new Reply(null, card, false);
    }

    public static Reply card(String summaryText, JsonNode card) {
        return new Reply(summaryText, card, false);
    }

    public Reply privately() {
        return new Reply(text, card, true, suggestions);
    }

    /** The same reply with another card (e.g. a translated or stamped copy); everything else kept. */
    public Reply withCard(JsonNode newCard) {
        return new Reply(text, newCard, privateToSender, suggestions);
    }

    /** The same reply offering {@code next} as suggested actions. */
    public Reply withSuggestions(List<String> next) {
        return new Reply(text, card, privateToSender, next);
    }

    public boolean hasCard() {
        return card != null;
    }
}
