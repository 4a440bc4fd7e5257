package se.vagvisaren.deadlines;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;

/**
 * Sends one due nudge (run by the db-scheduler task). Claims the nudge first, so it goes out once even
 * when two instances run the task; skips it when the deadline was closed or changed meanwhile; reschedules
 * it, a bounded number of times, when the connector failed for now; and stops nudging a conversation the
 * bot was removed from, telling the creator and the coordinators instead.
 */
@Component
@RequiredArgsConstructor
class NudgeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NudgeDelivery.class);

    private final NudgeStore nudges;
    private final DeadlineStore deadlines;
    private final DeadlineService service;
    private final NudgePlanner planner;
    private final NudgeScheduler scheduler;
    private final NudgeComposer composer;
    private final OutboundMessages outbound;
    private final TeamRoles roles;
    private final DeadlineProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    void deliver(NudgeTaskData task) {
        Instant now = clock.instant();
        if (!nudges.claim(task.nudgeId(), now, now.minus(properties.staleClaim()))) {
            log.debug("Nudge {} already handled or cancelled", task.nudgeId());
            return;
        }
        Nudge nudge = nudges.find(task.nudgeId()).orElseThrow();
        Optional<Deadline> found = deadlines.find(nudge.deadlineId());
        if (found.isEmpty() || !found.get().open() || !found.get().reachable()
                || !nudge.occurrence().equals(found.get().due().date())) {
            nudges.finish(nudge.id(), Nudge.Status.SKIPPED, "deadline changed", now);
            return;
        }
        Deadline deadline = found.get();
        DeliveryResult result = nudge.kind() == NudgeKind.ESCALATION ? escalate(deadline, now) : send(deadline, composer.nudge(deadline, nudge, now));
        meters.counter("vagvisaren.deadlines.nudges", "kind", nudge.kind().name(), "result", result.status().name()).increment();
        boolean finalOutcome = switch (result.status()) {
            case DELIVERED -> {
                nudges.finish(nudge.id(), Nudge.Status.SENT, null, now);
                yield true;
            }
            case FAILED_RETRYABLE -> retryOrGiveUp(deadline, nudge, result, now);
            case GONE, UNKNOWN_TARGET -> {
                nudges.finish(nudge.id(), Nudge.Status.UNREACHABLE, result.detail(), now);
                unreachable(deadline, now);
                yield false;
            }
        };
        log.info("Nudge {} of deadline {} ({}): {}", nudge.id(), deadline.id(), nudge.kind(), result.status());
        if (finalOutcome && nudge.kind() == NudgeKind.DUE && deadline.recurrence() != Recurrence.NONE) {
            service.advanceAfterDue(deadline, nudge.occurrence());
        }
    }

    private DeliveryResult send(Deadline deadline, Reply reply) {
        return deadline.personal()
                ? outbound.sendToUser(deadline.tenantId(), deadline.ownerId(), reply)
                : outbound.send(deadline.conversation(), reply);
    }

    /** Coordinators in their 1:1 chats; the team's conversation when none could be reached. */
    private DeliveryResult escalate(Deadline deadline, Instant now) {
        Reply reply = composer.escalation(deadline, false, now);
        DeliveryResult last = null;
        for (String coordinator : roles.holders(deadline.workspaceId(), Role.COORDINATOR)) {
            last = outbound.sendToUser(deadline.tenantId(), coordinator, reply);
            if (last.delivered()) {
                return last;
            }
        }
        return outbound.send(deadline.conversation(), composer.escalation(deadline, true, now));
    }

    /** Returns whether the nudge is finished (given up) rather than waiting for another try. */
    private boolean retryOrGiveUp(Deadline deadline, Nudge nudge, DeliveryResult result, Instant now) {
        if (nudge.attempts() < properties.maxDeliveryAttempts()) {
            Instant at = now.plus(properties.retryDelay().multipliedBy(1L << Math.min(10, nudge.attempts() - 1)));
            tx.executeWithoutResult(s -> {
                nudges.retryAt(nudge.id(), at, result.detail());
                scheduler.scheduleRetry(deadline.id(), nudge.id(), nudge.attempts(), at);
            });
            return false;
        }
        nudges.finish(nudge.id(), Nudge.Status.FAILED, result.detail(), now);
        if (!deadline.personal()) {
            outbound.sendToUser(deadline.tenantId(), deadline.ownerId(), composer.failed(deadline));
        }
        return true;
    }

    /**
     * Stops nudging where the bot can no longer post. For a conversation, every open deadline there is
     * paused; only the instance that paused them tells people, so they hear it once.
     */
    private void unreachable(Deadline deadline, Instant now) {
        List<Deadline> paused = tx.execute(s -> {
            List<Deadline> changed = deadline.personal()
                    ? (deadlines.markUnreachable(deadline.id(), now) ? List.of(deadline) : List.of())
                    : deadlines.markUnreachable(deadline.conversationId(), now);
            changed.forEach(planner::cancel);
            return changed;
        });
        if (paused == null || paused.isEmpty() || deadline.personal()) {
            return;
        }
        Set<String> recipients = new LinkedHashSet<>();
        paused.forEach(d -> recipients.add(d.ownerId()));
        recipients.addAll(roles.holders(deadline.workspaceId(), Role.COORDINATOR));
        Reply notice = composer.unreachable(new ArrayList<>(paused), deadline.language());
        for (String userId : recipients) {
            outbound.sendToUser(deadline.tenantId(), userId, notice);
        }
        log.info("Paused {} deadline(s) in unreachable conversation of workspace {}", paused.size(), deadline.workspaceId());
    }
}
