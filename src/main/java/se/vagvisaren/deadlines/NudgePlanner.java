package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Turns a deadline into stored nudges and scheduled tasks, using the {@link ReminderPolicy}. Call inside
 * the transaction that changed the deadline.
 */
@Component
@RequiredArgsConstructor
class NudgePlanner {

    private final ReminderPolicy policy;
    private final NudgeStore nudges;
    private final NudgeScheduler scheduler;
    private final DeadlineSettings settings;

    /** Plans the nudges of the deadline's current occurrence; returns them, earliest first. */
    List<PlannedNudge> plan(Deadline deadline, Instant now) {
        // personal reminders are nobody else's business: no escalation to coordinators
        int escalate = deadline.personal() ? 0 : settings.escalateAfterDays(deadline.workspaceId());
        List<PlannedNudge> planned = policy.plan(deadline.due(), deadline.leadTimes(), deadline.recurrence(), escalate, now);
        for (PlannedNudge nudge : planned) {
            long id = nudges.insert(deadline.id(), nudge, deadline.due().date());
            scheduler.schedule(deadline.id(), id, nudge.at());
        }
        return planned;
    }

    /** Cancels what was planned and plans again (after an edit or when a series moves on). */
    List<PlannedNudge> replan(Deadline deadline, Instant now) {
        cancel(deadline);
        return plan(deadline, now);
    }

    void cancel(Deadline deadline) {
        scheduler.cancel(nudges.cancelPending(deadline.id(), null));
    }

    /** Plans one extra nudge {@code period} from now (replacing an earlier snooze); returns when it comes. */
    Instant snooze(Deadline deadline, Period period, Instant now) {
        scheduler.cancel(nudges.cancelPending(deadline.id(), NudgeKind.SNOOZE));
        Instant at = policy.snooze(now, period, deadline.due().zone());
        long id = nudges.insert(deadline.id(), new PlannedNudge(NudgeKind.SNOOZE, null, at), deadline.due().date());
        scheduler.schedule(deadline.id(), id, at);
        return at;
    }
}
