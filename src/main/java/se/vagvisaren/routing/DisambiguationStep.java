package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.nlu.Understanding;

/** "Did you mean…?" with a button per intent when the two best intents are too close; see {@link StepOrder#DISAMBIGUATION}. */
@Component
@Order(StepOrder.DISAMBIGUATION)
@RequiredArgsConstructor
class DisambiguationStep implements RoutingStep {

    private final CoreIntents core;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        Understanding result = turn.understanding();
        if (!result.ambiguous() || result.ranking().size() < 2) {
            return Optional.empty();
        }
        Reply question = core.askWhichIntent(turn.message(), result.ranking().get(0).name(), result.ranking().get(1).name());
        return Optional.of(new Routed<>(turn.intent().name(), List.of(question)));
    }
}
