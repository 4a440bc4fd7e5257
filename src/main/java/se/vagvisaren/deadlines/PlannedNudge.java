package se.vagvisaren.deadlines;

import java.time.Instant;

/**
 * One nudge the policy wants sent.
 *
 * @param kind why it is sent
 * @param lead the lead time it came from, or {@code null} for follow-ups, escalations and snoozes
 * @param at   when (UTC instant)
 */
record PlannedNudge(NudgeKind kind, LeadTime lead, Instant at) {
}
