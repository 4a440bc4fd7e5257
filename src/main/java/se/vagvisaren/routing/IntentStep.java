package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.nlu.MessageUnderstanding;

/** The {@code IntentHandler} of the feature that declares the intent the model read; see {@link StepOrder#INTENTS}. */
@Component
@Order(StepOrder.INTENTS)
@RequiredArgsConstructor
class IntentStep implements RoutingStep {

    private static final Logger log = LoggerFactory.getLogger(IntentStep.class);
    private static final String HANDBOOK_QUESTION = "handbook_question";

    private final IntentHandlers intents;
    private final MessageUnderstanding understanding;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        RecognizedIntent intent = turn.intent();
        if (!intents.handles(intent.name())) {
            return Optional.empty();
        }
        log.debug("Activity {} classified as {} ({})", turn.message().activityId(), intent.name(), intent.confidence());
        IncomingMessage message = turn.message();
        if (HANDBOOK_QUESTION.equals(intent.name())) {
            // The handbook search gets the words the person meant: one wrong letter must not lose the answer.
            message = message.withText(understanding.mended(message.text()));
        }
        return Optional.of(new Routed<>(intent.name(), intents.dispatch(message, intent)));
    }
}
