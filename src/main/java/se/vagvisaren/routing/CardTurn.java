package se.vagvisaren.routing;

import com.fasterxml.jackson.databind.JsonNode;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.IncomingMessage;

/**
 * One card press on its way through {@link CardActionPipeline}.
 *
 * @param verb           the action verb as sent; may be {@code null}, blank or too long (client-controlled)
 * @param data           the submitted data without {@code verb} and {@code msteams}; never {@code null}
 * @param message        the press, with the reply language set
 * @param cardActivityId id of the message holding the card, or {@code null}
 * @param maxChars       the longest text the bot handles (the Teams edge's limit)
 */
record CardTurn(String verb, JsonNode data, IncomingMessage message, String cardActivityId, int maxChars) {

    private static final int MAX_VERB_LENGTH = 64;

    /** Whether the verb can name a feature at all. */
    boolean verbValid() {
        return verb != null && !verb.isBlank() && verb.length() <= MAX_VERB_LENGTH;
    }

    /** The press as the features see it; only when {@link #verbValid()}. */
    CardAction action() {
        return new CardAction(verb, data, message, cardActivityId);
    }

    /** The verb's feature prefix, or {@code unknown} when the verb is missing or malformed. */
    String feature() {
        return verbValid() ? action().feature() : "unknown";
    }
}
