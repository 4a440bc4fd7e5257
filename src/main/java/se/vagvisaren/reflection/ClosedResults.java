package se.vagvisaren.reflection;

import java.time.Clock;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;

/**
 * Posts the results of a group session that closed with nobody waiting for a reply: at its end time, or
 * because a planned launch replaced it.
 *
 * <p>Teams can be unavailable at that moment for longer than the connector's own retries last. Closing
 * goes ahead regardless (answers must stop), and the results are handed to the {@code reflection-results}
 * task, which tries again with growing pauses (see {@link ReflectionTasks}). From then on that task is the
 * only poster of the session's results, so a recovered outage does not post them twice.
 *
 * <p>Until the results are posted or given up, the session is marked {@code results_pending}; the
 * housekeeping task plans a later try for sessions still pending a while after closing, which covers an
 * instance stopping between committing the close and the first try.
 */
@Component
@RequiredArgsConstructor
class ClosedResults {

    private static final Logger log = LoggerFactory.getLogger(ClosedResults.class);

    private final ReflectionSessions sessions;
    private final ResultCards cards;
    private final OutboundMessages outbound;
    private final ReflectionTimers timers;
    private final ReflectionProperties properties;
    private final Clock clock;

    /** First try, right after closing; a transient failure plans the retry task. */
    void post(ReflectionSessions.Close closed) {
        String sessionId = closed.session().id();
        DeliveryResult delivery = send(closed);
        if (delivery.status() == DeliveryResult.Status.FAILED_RETRYABLE) {
            log.warn("Results of reflection session {} not delivered ({}); trying again later", sessionId, delivery.detail());
            retryLater(sessionId, clock.instant().plus(properties.resultsRetryDelay()));
            return;
        }
        settle(sessionId, delivery);
    }

    /**
     * Plans a later try at {@code at}, unless one is already waiting. Also the safety net for results whose
     * first try never happened (the instance stopped right after closing): see the housekeeping task.
     */
    void retryLater(String sessionId, Instant at) {
        timers.retryResultsAt(sessionId, at);
    }

    /** The last later try failed too: stop counting the results as pending ("visa resultatet" still shows them). */
    void giveUp(String sessionId) {
        log.warn("Results of reflection session {} given up after {} later tries; 'visa resultatet' in its chat "
                + "still shows them", sessionId, properties.resultsRetries());
        sessions.resultsSettled(sessionId);
    }

    /**
     * A later try (run by the task). Does nothing when the session no longer exists.
     *
     * @throws ResultsNotDelivered when Teams still fails transiently, so the task is tried again
     */
    void retry(String sessionId) {
        sessions.resultsOf(sessionId).ifPresent(closed -> {
            DeliveryResult delivery = send(closed);
            if (delivery.status() == DeliveryResult.Status.FAILED_RETRYABLE) {
                throw new ResultsNotDelivered(sessionId, delivery.detail());
            }
            if (delivery.delivered()) {
                log.info("Results of reflection session {} delivered on a later try", sessionId);
            }
            settle(sessionId, delivery);
        });
    }

    /** Delivered, or failed for good (bot removed, no conversation): either way nothing more to try. */
    private void settle(String sessionId, DeliveryResult delivery) {
        if (!delivery.delivered()) {
            log.warn("Results of reflection session {} not delivered: {}", sessionId, delivery.status());
        }
        sessions.resultsSettled(sessionId);
    }

    private DeliveryResult send(ReflectionSessions.Close closed) {
        return outbound.send(closed.session().conversation(), cards.results(closed.session(), closed.tally()));
    }

    /** Teams still refused the results; db-scheduler's failure handler plans the next try. */
    static final class ResultsNotDelivered extends RuntimeException {
        ResultsNotDelivered(String sessionId, String detail) {
            super("Results of reflection session " + sessionId + " not delivered yet: " + detail, null, false, false);
        }
    }
}
