package se.vagvisaren.routing;

import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.RecognizedIntent;

/** A "did you mean…?" button: the original text goes to the chosen intent's handler; see {@link StepOrder#CHOSEN_INTENT}. */
@Component
@Order(StepOrder.CHOSEN_INTENT)
@RequiredArgsConstructor
class ChosenIntentStep implements CardActionStep {

    static final String VERB = "core.choose";

    private final IntentHandlers intents;

    @Override
    public Optional<Routed<CardActionResult>> answer(CardTurn turn) {
        if (!VERB.equals(turn.verb())) {
            return Optional.empty();
        }
        String intent = turn.data().path("intent").asText("");
        String text = turn.data().path("text").asText("");
        // Card data is client-controlled: only intents a feature really answers, and no more text than Teams allows.
        if (!intents.handles(intent) || text.length() > turn.maxChars()) {
            return Optional.empty();
        }
        var replies = intents.dispatch(turn.message().withText(text), RecognizedIntent.of(intent));
        return Optional.of(new Routed<>("DONE", new CardActionResult(replies, null, null, CardActionResult.Outcome.DONE)));
    }
}
