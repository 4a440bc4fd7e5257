package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;

/** How to go on, for a message that was only an @mention (or only a picture); see {@link StepOrder#EMPTY}. */
@Component
@Order(StepOrder.EMPTY)
@RequiredArgsConstructor
class EmptyMessageStep implements RoutingStep {

    private final CoreIntents core;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        if (!turn.message().text().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Routed<>("empty", List.of(core.emptyMessage(turn.message().language()))));
    }
}
