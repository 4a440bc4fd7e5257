package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.safeguarding.CrisisCheck;

/** Support numbers for a message that shows signs of danger ({@link CrisisCheck}); see {@link StepOrder#CRISIS}. */
@Component
@Order(StepOrder.CRISIS)
@RequiredArgsConstructor
class CrisisStep implements RoutingStep {

    private final CrisisCheck crisisCheck;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        List<Reply> crisis = crisisCheck.respond(turn.message(), turn.safetyIntent());
        return crisis.isEmpty() ? Optional.empty() : Optional.of(new Routed<>(MessageTurn.URGENT_HELP, crisis));
    }
}
