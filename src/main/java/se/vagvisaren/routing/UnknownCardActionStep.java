package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionResult;

/** A polite refusal for a press nobody answered; always answers. See {@link StepOrder#UNKNOWN_CARD_ACTION}. */
@Component
@Order(StepOrder.UNKNOWN_CARD_ACTION)
@RequiredArgsConstructor
class UnknownCardActionStep implements CardActionStep {

    private static final Logger log = LoggerFactory.getLogger(UnknownCardActionStep.class);

    private final CoreIntents core;

    @Override
    public Optional<Routed<CardActionResult>> answer(CardTurn turn) {
        log.info("Unknown card action in activity {} ({})", turn.message().activityId(),
                turn.verbValid() ? turn.feature() : "missing");
        var reply = core.unknownAction(turn.message().language());
        CardActionResult.Outcome outcome = CardActionResult.Outcome.UNKNOWN_ACTION;
        return Optional.of(new Routed<>(outcome.name(), new CardActionResult(List.of(reply), null, reply.text(), outcome)));
    }
}
