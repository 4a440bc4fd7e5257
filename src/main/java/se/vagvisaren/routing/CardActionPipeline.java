package se.vagvisaren.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.language.CardLanguage;
import se.vagvisaren.replylanguage.ConversationLanguages;

/**
 * Decides who answers a press on one of our Adaptive Cards: asks the {@link CardActionStep}s in
 * {@link StepOrder} until one answers. Unknown or malformed actions get a polite refusal, never an exception.
 */
@Component
public class CardActionPipeline {

    private final List<CardActionStep> steps;
    private final ConversationLanguages languages;
    private final MeterRegistry meters;

    /** @param steps the steps, sorted by their {@code @Order} (Spring sorts an injected list) */
    CardActionPipeline(List<CardActionStep> steps, ConversationLanguages languages, MeterRegistry meters) {
        this.steps = List.copyOf(steps);
        this.languages = languages;
        this.meters = meters;
    }

    /**
     * @param verb           the action verb ({@code Action.Execute} verb, or {@code verb} field of submit data)
     * @param data           the submitted data; may be {@code null}
     * @param pressed        the press (sender, conversation)
     * @param cardActivityId id of the message holding the card, or {@code null}
     * @param locale         the client's locale, or {@code null}
     * @param maxChars       the longest text handled; longer text in card data is refused
     */
    public CardActionResult route(String verb, JsonNode data, IncomingMessage pressed, String cardActivityId,
                                  String locale, int maxChars) {
        String cardLanguage = data != null && data.path("lang").isTextual() ? data.path("lang").asText() : null;
        // The conversation's language, not the one the card was shown in: an old card answers in today's language.
        IncomingMessage message = pressed.withLanguage(languages.forCardAction(pressed, cardLanguage, locale));
        CardTurn turn = new CardTurn(verb, withoutVerb(data), message, cardActivityId, maxChars);
        for (CardActionStep step : steps) {
            Optional<Routed<CardActionResult>> routed = step.answer(turn);
            if (routed.isPresent()) {
                CardActionResult result = routed.get().answer();
                boolean unknown = result.outcome() == CardActionResult.Outcome.UNKNOWN_ACTION;
                meters.counter("vagvisaren.card.actions", "feature", unknown ? "unknown" : turn.feature(),
                        "outcome", routed.get().tag()).increment();
                return new CardActionResult(CardLanguage.stamp(result.replies(), message.language()),
                        CardLanguage.stamp(result.updatedCard(), message.language()), result.toast(), result.outcome());
            }
        }
        throw new IllegalStateException("No card step answered; the unknown-action step must be last");
    }

    /** The step classes in the order they are asked (for tests and the documentation). */
    List<Class<?>> order() {
        return steps.stream().<Class<?>>map(Object::getClass).toList();
    }

    private static JsonNode withoutVerb(JsonNode data) {
        if (data == null || !data.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        copy.remove("verb");
        copy.remove("msteams");
        return copy;
    }
}
