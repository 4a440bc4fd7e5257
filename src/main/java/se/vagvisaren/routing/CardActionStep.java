package se.vagvisaren.routing;

import java.util.Optional;
import se.vagvisaren.conversation.CardActionResult;

/**
 * One step of {@link CardActionPipeline}. Every implementation is a Spring bean annotated with
 * {@code @Order(StepOrder.…)} (checked by {@code ArchitectureTest}); the pipeline asks the steps in that order.
 */
interface CardActionStep {

    /** @return the result of the press, or empty to pass it on */
    Optional<Routed<CardActionResult>> answer(CardTurn turn);
}
