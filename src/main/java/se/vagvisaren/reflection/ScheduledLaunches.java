package se.vagvisaren.reflection;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;

/**
 * Exercises planned ahead ("varje måndag kl 9 i fyra veckor"). Each occurrence is a row and a db-scheduler
 * task; when it runs it is claimed once, any exercise still open in the conversation is closed (its results
 * posted by {@link ClosedResults}), and the exercise card is posted through {@link OutboundMessages}.
 */
@Service
@RequiredArgsConstructor
class ScheduledLaunches {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLaunches.class);

    private final ScheduleStore store;
    private final ExerciseCatalog catalog;
    private final ReflectionSessions sessions;
    private final LaunchPolicy policy;
    private final ReflectionTimers timers;
    private final ExerciseCards cards;
    private final ClosedResults closedResults;
    private final OutboundMessages outbound;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;

    /** How planning ended; {@code times} are the planned launches for PLANNED. */
    record Plan(Kind kind, List<Instant> times) {
        enum Kind { PLANNED, NOT_ALLOWED, NAMED_NOT_ALLOWED, PERSONAL_CHAT, UNAVAILABLE, TOO_MANY }
    }

    Plan plan(Exercise exercise, IncomingMessage message, boolean named, List<ZonedDateTime> times) {
        if (!message.scope().isShared()) {
            return new Plan(Plan.Kind.PERSONAL_CHAT, List.of());
        }
        if (!policy.mayLaunch(message)) {
            return new Plan(Plan.Kind.NOT_ALLOWED, List.of());
        }
        if (named && !policy.mayChooseNamed(message)) {
            return new Plan(Plan.Kind.NAMED_NOT_ALLOWED, List.of());
        }
        if (times.size() > properties.maxOccurrences()) {
            return new Plan(Plan.Kind.TOO_MANY, List.of());
        }
        if (!timers.available()) {
            return new Plan(Plan.Kind.UNAVAILABLE, List.of());
        }
        String planId = UUID.randomUUID().toString();
        AnswerMode mode = named ? AnswerMode.NAMED : AnswerMode.ANONYMOUS;
        List<Instant> instants = times.stream().map(ZonedDateTime::toInstant).toList();
        for (Instant at : instants) {
            String id = UUID.randomUUID().toString();
            store.insert(new ScheduleStore.Occurrence(id, planId, exercise.id(), message.workspaceId(),
                    message.conversation(), message.scope(), message.language(), mode, message.sender().id(), at, "PENDING"));
            timers.launchAt(id, at);
        }
        log.info("Planned {} launches of exercise {} (plan {})", instants.size(), exercise.id(), planId);
        return new Plan(Plan.Kind.PLANNED, instants);
    }

    /** Cancels what is planned in the message's conversation, if the sender may launch there. */
    Optional<Integer> cancel(IncomingMessage message) {
        if (!policy.mayLaunch(message)) {
            return Optional.empty();
        }
        return Optional.of(store.cancelPending(message.conversation().conversationId()));
    }

    /**
     * Runs one occurrence (called by db-scheduler). A transient delivery failure puts the occurrence back
     * and throws, so db-scheduler retries it later.
     */
    void run(String occurrenceId) {
        if (!store.claim(occurrenceId)) {
            return;
        }
        ScheduleStore.Occurrence o = store.find(occurrenceId).orElseThrow();
        Optional<Exercise> exercise = catalog.byId(o.exerciseId());
        if (exercise.isEmpty()) {
            log.warn("Planned launch {} skipped: exercise {} no longer exists", occurrenceId, o.exerciseId());
            store.finish(occurrenceId, "FAILED", null);
            return;
        }
        sessions.closeOpenIn(o.conversation().conversationId()).ifPresent(closedResults::post);
        ReflectionSession session = sessions.openPlanned(exercise.get(), o.workspaceId(), o.conversation(), o.scope(),
                o.language(), o.mode(), o.createdBy(), occurrenceId);
        if (session == null) {
            store.finish(occurrenceId, "LAUNCHED", null);
            return;
        }
        String summary = texts.get(o.language(), "reflection.launch.summary", "title", exercise.get().text(o.language()).title());
        DeliveryResult delivery = outbound.send(o.conversation(), Reply.card(summary, cards.open(session, 0, null, null)));
        if (delivery.delivered()) {
            store.finish(occurrenceId, "LAUNCHED", session.id());
            return;
        }
        sessions.discard(session.id());
        if (delivery.status() == DeliveryResult.Status.FAILED_RETRYABLE) {
            store.finish(occurrenceId, "PENDING", null);
            throw new IllegalStateException("Planned launch " + occurrenceId + " not delivered yet: " + delivery.detail());
        }
        store.finish(occurrenceId, "FAILED", null);
        int cancelled = store.cancelPlan(o.planId());
        log.warn("Planned launch {} failed ({}); {} later launches of plan {} cancelled",
                occurrenceId, delivery.status(), cancelled, o.planId());
    }
}
