package se.vagvisaren.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.safeguarding.CrisisCheck;

/** The private crisis reply for text typed into a card (a progress form, an answer); see {@link StepOrder#CARD_CRISIS}. */
@Component
@Order(StepOrder.CARD_CRISIS)
@RequiredArgsConstructor
class CardCrisisStep implements CardActionStep {

    private final CrisisCheck crisisCheck;

    @Override
    public Optional<Routed<CardActionResult>> answer(CardTurn turn) {
        return crisisCheck.respondToTypedText(turn.message().withText(typedText(turn.data())))
                .map(reply -> new Routed<>("CRISIS", new CardActionResult(List.of(reply), null,
                        crisisCheck.intro(turn.message().language()), CardActionResult.Outcome.REFUSED)));
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
}
