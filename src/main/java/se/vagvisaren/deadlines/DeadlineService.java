package se.vagvisaren.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.IncomingMessage;

/**
 * Creates, changes and closes deadlines, keeping their nudges in step. Only the creator or a coordinator
 * of the deadline's team may change a team deadline; only the creator may change a personal one. Every
 * change is conditional in the database, so concurrent presses give one winner and a clear answer for
 * the others.
 */
@Service
@RequiredArgsConstructor
class DeadlineService {

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

    private final DeadlineStore deadlines;
    private final NudgePlanner planner;
    private final DeadlineSettings settings;
    private final DraftCheck check;
    private final TeamRoles roles;
    private final TransactionTemplate tx;
    private final Clock clock;

    /**
     * Saves a new deadline from a confirmed draft. {@code token} identifies the confirmation card: saving
     * the same card twice returns {@link DeadlineChange.Kind#DUPLICATE} with the first deadline.
     */
    DeadlineChange create(DeadlineDraft draft, IncomingMessage origin, String token) {
        Instant now = clock.instant();
        var zone = settings.zone(origin.workspaceId());
        Optional<DraftCheck.Problem> problem = check.check(draft, zone, now);
        if (problem.isPresent()) {
            return DeadlineChange.invalid(problem.get());
        }
        Deadline.Target target = origin.scope().isShared() ? draft.target() : Deadline.Target.PERSON;
        Deadline fresh = new Deadline(0, origin.workspaceId(), origin.conversation().tenantId(),
                origin.conversation().conversationId(), origin.scope(), target, origin.sender().id(), draft.title(),
                new Due(draft.date(), draft.time(), zone), draft.leadTimes(), draft.recurrence(),
                draft.date().getDayOfMonth(), origin.language(), Deadline.Status.OPEN, true, 0, null);
        try {
            return tx.execute(status -> {
                if (token != null) {
                    Optional<Deadline> earlier = deadlines.findByToken(origin.workspaceId(), token);
                    if (earlier.isPresent()) {
                        return DeadlineChange.of(DeadlineChange.Kind.DUPLICATE, earlier.get());
                    }
                }
                long id = deadlines.insert(fresh, token, now);
                Deadline saved = deadlines.find(id).orElseThrow();
                planner.plan(saved, now);
                log.info("Deadline {} created in workspace {}", id, origin.workspaceId());
                return DeadlineChange.of(DeadlineChange.Kind.SAVED, saved);
            });
        } catch (DuplicateKeyException raced) {
            // the same card saved at the same moment elsewhere: the other save won
            return deadlines.findByToken(origin.workspaceId(), token)
                    .map(d -> DeadlineChange.of(DeadlineChange.Kind.DUPLICATE, d))
                    .orElseThrow(() -> raced);
        }
    }

    /**
     * Applies {@code change} to the deadline when {@code actorId} may change it; otherwise the refusal:
     * {@code NOT_FOUND} for an unknown id, {@code NOT_ALLOWED} when neither creator nor coordinator.
     */
    private DeadlineChange changing(long id, String actorId, Function<Deadline, DeadlineChange> change) {
        Optional<Deadline> found = deadlines.find(id);
        if (found.isEmpty()) {
            return DeadlineChange.of(DeadlineChange.Kind.NOT_FOUND, null);
        }
        if (!mayChange(found.get(), actorId)) {
            return DeadlineChange.of(DeadlineChange.Kind.NOT_ALLOWED, found.get());
        }
        return change.apply(found.get());
    }

    /** As {@link #changing}, for open deadlines only: a closed one answers {@code ALREADY_CLOSED}. */
    private DeadlineChange changingOpen(long id, String actorId, Function<Deadline, DeadlineChange> change) {
        return changing(id, actorId, current -> current.open()
                ? change.apply(current)
                : DeadlineChange.of(DeadlineChange.Kind.ALREADY_CLOSED, current));
    }

    /** Replaces title, due time, target, lead times and recurrence, if nobody changed it since {@code expectedVersion}. */
    DeadlineChange update(long id, long expectedVersion, DeadlineDraft draft, String actorId) {
        return changingOpen(id, actorId, current -> replace(current, expectedVersion, draft));
    }

    private DeadlineChange replace(Deadline current, long expectedVersion, DeadlineDraft draft) {
        long id = current.id();
        Instant now = clock.instant();
        Optional<DraftCheck.Problem> problem = check.check(draft, current.due().zone(), now);
        if (problem.isPresent()) {
            return DeadlineChange.invalid(problem.get());
        }
        Deadline.Target target = current.scope().isShared() ? draft.target() : Deadline.Target.PERSON;
        Deadline changed = new Deadline(id, current.workspaceId(), current.tenantId(), current.conversationId(),
                current.scope(), target, current.ownerId(), draft.title(), new Due(draft.date(), draft.time(),
                current.due().zone()), draft.leadTimes(), draft.recurrence(), draft.date().getDayOfMonth(),
                current.language(), Deadline.Status.OPEN, true, current.version() + 1, null);
        return tx.execute(status -> {
            if (!deadlines.update(id, expectedVersion, changed, now)) {
                return DeadlineChange.of(DeadlineChange.Kind.CONFLICT, deadlines.find(id).orElse(current));
            }
            Deadline saved = deadlines.find(id).orElseThrow();
            planner.replan(saved, now);
            return DeadlineChange.of(DeadlineChange.Kind.SAVED, saved);
        });
    }

    /**
     * Marks a deadline done. For a recurring one only the given occurrence is done and the series moves
     * on; {@code occurrence} {@code null} means the current one.
     */
    DeadlineChange markDone(long id, LocalDate occurrence, String actorId) {
        return changing(id, actorId, current -> {
            Instant now = clock.instant();
            if (current.recurrence() != Recurrence.NONE && current.open()) {
                LocalDate from = occurrence != null ? occurrence : current.due().date();
                return tx.execute(status -> advance(current, from, now)
                        ? DeadlineChange.of(DeadlineChange.Kind.SAVED, deadlines.find(id).orElseThrow())
                        : DeadlineChange.of(DeadlineChange.Kind.ALREADY_CLOSED, deadlines.find(id).orElse(current)));
            }
            return close(current, Deadline.Status.DONE, actorId, now);
        });
    }

    DeadlineChange cancel(long id, String actorId) {
        return changing(id, actorId, current -> close(current, Deadline.Status.CANCELLED, actorId, clock.instant()));
    }

    /** Asks for the reminder again {@code period} from now (within office hours). */
    DeadlineChange snooze(long id, Period period, String actorId) {
        return changingOpen(id, actorId, current -> {
            Instant now = clock.instant();
            return tx.execute(status -> {
                if (!deadlines.touch(id, current.version(), now)) {
                    return DeadlineChange.of(DeadlineChange.Kind.CONFLICT, deadlines.find(id).orElse(current));
                }
                Instant when = planner.snooze(current, period, now);
                return new DeadlineChange(DeadlineChange.Kind.SAVED, deadlines.find(id).orElseThrow(), null, when);
            });
        });
    }

    /**
     * Moves a recurring deadline on after its due nudge. Returns whether this call moved it (a press on
     * "Klar" may have done so already).
     */
    boolean advanceAfterDue(Deadline deadline, LocalDate occurrence) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(status -> advance(deadline, occurrence, now)));
    }

    private boolean advance(Deadline deadline, LocalDate from, Instant now) {
        LocalDate next = deadline.recurrence().next(from, deadline.anchorDay());
        Due nextDue = deadline.due().withDate(next);
        // an occurrence already past (e.g. after downtime) is skipped rather than nudged late
        while (!upcoming(nextDue, now)) {
            next = deadline.recurrence().next(next, deadline.anchorDay());
            nextDue = deadline.due().withDate(next);
        }
        if (!deadlines.advance(deadline.id(), from, nextDue, now)) {
            return false;
        }
        planner.replan(deadlines.find(deadline.id()).orElseThrow(), now);
        return true;
    }

    private static boolean upcoming(Due due, Instant now) {
        return due.allDay() ? !due.date().isBefore(now.atZone(due.zone()).toLocalDate()) : due.instant().isAfter(now);
    }

    private DeadlineChange close(Deadline current, Deadline.Status status, String actorId, Instant now) {
        return tx.execute(s -> {
            if (!deadlines.close(current.id(), status, actorId, now)) {
                return DeadlineChange.of(DeadlineChange.Kind.ALREADY_CLOSED, deadlines.find(current.id()).orElse(current));
            }
            planner.cancel(current);
            log.info("Deadline {} closed as {}", current.id(), status);
            return DeadlineChange.of(DeadlineChange.Kind.SAVED, deadlines.find(current.id()).orElseThrow());
        });
    }

    /** The creator, or for team deadlines a coordinator of the team. */
    boolean mayChange(Deadline deadline, String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return false;
        }
        if (deadline.ownerId().equals(actorId)) {
            return true;
        }
        return !deadline.personal() && roles.has(deadline.workspaceId(), actorId, Role.COORDINATOR);
    }

    /** Whether the person writing {@code message} may see the deadline (same team, its creator, or allowed to change it). */
    boolean maySee(Deadline deadline, IncomingMessage message) {
        if (deadline.personal()) {
            return deadline.ownerId().equals(message.sender().id());
        }
        return deadline.workspaceId().equals(message.workspaceId()) || mayChange(deadline, message.sender().id());
    }

    /**
     * What a conversation shows: a team's shared deadlines in a channel or group chat, the person's own
     * reminders in a 1:1 chat. Soonest first, at most {@code limit}.
     */
    List<Deadline> visibleIn(IncomingMessage message, int limit) {
        if (message.scope().isShared()) {
            return deadlines.openShared(message.workspaceId(), limit);
        }
        List<Deadline> own = new java.util.ArrayList<>(deadlines.openPersonal(message.sender().id(), limit));
        own.addAll(deadlines.openShared(message.workspaceId(), limit));
        own.sort(java.util.Comparator.comparing((Deadline d) -> d.due().instant()).thenComparing(Deadline::id));
        return own.size() > limit ? own.subList(0, limit) : own;
    }

    Optional<Deadline> find(long id) {
        return deadlines.find(id);
    }
}
