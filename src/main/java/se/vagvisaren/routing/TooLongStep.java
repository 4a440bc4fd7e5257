package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;

/** A polite refusal for a message longer than the bot handles; see {@link StepOrder#TOO_LONG}. */
@Component
@Order(StepOrder.TOO_LONG)
@RequiredArgsConstructor
class TooLongStep implements RoutingStep {

    private final CoreIntents core;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        if (!turn.tooLong()) {
            return Optional.empty();
        }
        return Optional.of(new Routed<>("too_long", List.of(core.tooLong(turn.message().language(), turn.maxChars()))));
    }
}
