package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import se.vagvisaren.conversation.Reply;

/**
 * One step of {@link MessagePipeline}. Every implementation is a Spring bean annotated with
 * {@code @Order(StepOrder.…)} (checked by {@code ArchitectureTest}); the pipeline asks the steps in that order.
 */
interface RoutingStep {

    /**
     * @return the replies (a present empty list means "handled, nothing to say"), or empty to pass the message on
     */
    Optional<Routed<List<Reply>>> answer(MessageTurn turn);
}
