package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;

/** "I did not understand", with what the bot can do; always answers. See {@link StepOrder#FALLBACK}. */
@Component
@Order(StepOrder.FALLBACK)
@RequiredArgsConstructor
class FallbackStep implements RoutingStep {

    private final CoreIntents core;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return Optional.of(new Routed<>(turn.intent().name(), List.of(core.fallback(turn.message()))));
    }
}
