package se.vagvisaren.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;

/** The {@code CardActionHandler} of the feature named by the verb prefix; see {@link StepOrder#FEATURE_CARDS}. */
@Component
@Order(StepOrder.FEATURE_CARDS)
class FeatureCardStep implements CardActionStep {

    private final Map<String, CardActionHandler> handlers = new HashMap<>();

    FeatureCardStep(List<CardActionHandler> cardHandlers) {
        for (CardActionHandler handler : cardHandlers) {
            if (handlers.put(handler.feature(), handler) != null) {
                throw new IllegalStateException("Two card handlers for feature " + handler.feature());
            }
        }
    }

    @Override
    public Optional<Routed<CardActionResult>> answer(CardTurn turn) {
        CardActionHandler handler = turn.verbValid() ? handlers.get(turn.feature()) : null;
        if (handler == null) {
            return Optional.empty();
        }
        CardActionResult result = handler.handle(turn.action());
        if (result == null || result.outcome() == CardActionResult.Outcome.UNKNOWN_ACTION) {
            return Optional.empty();
        }
        return Optional.of(new Routed<>(result.outcome().name(), result));
    }
}
