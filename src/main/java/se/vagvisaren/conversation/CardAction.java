package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A button press or form submit on one of our Adaptive Cards ({@code Action.Submit} or
 * {@code Action.Execute}). The card data is client-controlled: never trust ids or roles in it
 * without checking them against the database and the sender.
 *
 * @param verb    the action name, e.g. {@code reflection.answer}; the part before the first dot names the feature
 * @param data    the submitted data without the verb
 * @param message the context (sender, conversation) of the press
 * @param cardActivityId id of the message holding the card, when Teams sends it (lets the bot update the card)
 */
public record CardAction(String verb, JsonNode data, IncomingMessage message, String cardActivityId) {

    /** The feature prefix of the verb ({@code reflection} for {@code reflection.answer}). */
    public String feature() {
        int dot = verb.indexOf('.');
        return dot < 0 ? verb : verb.substring(0, dot);
    }
}
