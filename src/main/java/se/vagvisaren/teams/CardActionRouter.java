package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.language.CardLanguage;
import se.vagvisaren.replylanguage.ConversationLanguages;
import se.vagvisaren.safeguarding.CrisisCheck;

/**
 * Routes presses on our Adaptive Cards to the feature named by the verb prefix
 * ({@code reflection.answer} goes to the {@code reflection} handler). Unknown or malformed actions get
 * a polite refusal, never an exception. Text typed into a card passes the crisis check first, as a chat
 * message does: a disclosure in a progress form or an answer gets the crisis reply, privately, and never
 * reaches a feature that stores it.
 */
@Component
class CardActionRouter {

    private static final Logger log = LoggerFactory.getLogger(CardActionRouter.class);
    private static final int MAX_VERB_LENGTH = 64;

    private final Map<String, CardActionHandler> handlers = new HashMap<>();
    private final CoreReplies core;
    private final CrisisCheck crisisCheck;
    private final MeterRegistry meters;
    private final ConversationLanguages languages;

    CardActionRouter(List<CardActionHandler> cardHandlers, CoreReplies core, CrisisCheck crisisCheck, MeterRegistry meters,
                     ConversationLanguages languages) {
        this.languages = languages;
        for (CardActionHandler handler : cardHandlers) {
            if (handlers.put(handler.feature(), handler) != null) {
                throw new IllegalStateException("Two card handlers for feature " + handler.feature());
            }
        }
        this.core = core;
        this.crisisCheck = crisisCheck;
        this.meters = meters;
    }

    /**
     * @param verb    the action verb ({@code Action.Execute} verb, or {@code verb} field of submit data)
     * @param data    the submitted data; may be {@code null}
     * @param locale  the Teams activity locale, or {@code null}
     */
    CardActionResult route(String verb, JsonNode data, IncomingMessage pressed, String cardActivityId, String locale) {
        String cardLanguage = data != null && data.path("lang").isTextual() ? data.path("lang").asText() : null;
        // The conversation's language, not the one the card was shown in: an old card answers in today's language.
        IncomingMessage message = pressed.withLanguage(languages.forCardAction(pressed, cardLanguage, locale));
        if (verb == null || verb.isBlank() || verb.length() > MAX_VERB_LENGTH) {
            return unknown(message, "missing");
        }
        CardAction action = new CardAction(verb, withoutVerb(data), message, cardActivityId);
        Optional<Reply> crisis = crisisCheck.respondToTypedText(message.withText(typedText(action.data())));
        if (crisis.isPresent()) {
            meters.counter("vagvisaren.card.actions", "feature", action.feature(), "outcome", "CRISIS").increment();
            return new CardActionResult(List.of(crisis.get()), null, crisisCheck.intro(message.language()),
                    CardActionResult.Outcome.REFUSED);
        }
        CardActionHandler handler = handlers.get(action.feature());
        if (handler == null) {
            return unknown(message, "no-handler");
        }
        CardActionResult result = handler.handle(action);
        if (result == null || result.outcome() == CardActionResult.Outcome.UNKNOWN_ACTION) {
            return unknown(message, action.feature());
        }
        meters.counter("vagvisaren.card.actions", "feature", action.feature(), "outcome", result.outcome().name()).increment();
        return new CardActionResult(CardLanguage.stamp(result.replies(), message.language()),
                CardLanguage.stamp(result.updatedCard(), message.language()), result.toast(), result.outcome());
    }

    private CardActionResult unknown(IncomingMessage message, String reason) {
        log.info("Unknown card action in activity {} ({})", message.activityId(), reason);
        meters.counter("vagvisaren.card.actions", "feature", "unknown", "outcome", "UNKNOWN_ACTION").increment();
        var reply = core.unknownAction(message.language());
        return new CardActionResult(List.of(reply), null, reply.text(), CardActionResult.Outcome.UNKNOWN_ACTION);
    }

    /** Every text value of the card data (inputs and fields), one per line. */
    private static String typedText(JsonNode data) {
        StringBuilder text = new StringBuilder();
        collect(data, text);
        return text.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, out));
    }

    private static JsonNode withoutVerb(JsonNode data) {
        if (data == null || !data.isObject()) {
            return ActivityReader.MAPPER.createObjectNode();
        }
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        copy.remove("verb");
        copy.remove("msteams");
        return copy;
    }
}
