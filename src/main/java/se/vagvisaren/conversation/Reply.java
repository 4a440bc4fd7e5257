package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message the bot sends: Markdown text, an Adaptive Card (schema 1.5 at most), or both.
 *
 * @param text    Teams Markdown; user-written parts must already be escaped with {@link TeamsText#escape}
 * @param card    Adaptive Card content, or {@code null}
 * @param privateToSender when {@code true} and the message came from a shared conversation, the reply
 *                goes to the sender's 1:1 chat instead (e.g. personal confirmations)
 */
public record Reply(String text, JsonNode card, boolean privateToSender) {

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
        return new Reply(text, card, true);
    }

    public boolean hasCard() {
        return card != null;
    }
}
