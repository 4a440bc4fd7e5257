package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.reflection.AnswerErasureCommand;

/** "radera mina svar" to the reflection exercises ({@link AnswerErasureCommand}); see {@link StepOrder#OWN_ANSWERS}. */
@Component
@Order(StepOrder.OWN_ANSWERS)
@RequiredArgsConstructor
class OwnAnswersStep implements RoutingStep {

    private final AnswerErasureCommand erasure;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return erasure.answer(turn.message(), turn.intent()).map(replies -> new Routed<>(turn.intent().name(), replies));
    }
}
