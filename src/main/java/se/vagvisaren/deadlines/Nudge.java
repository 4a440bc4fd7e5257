package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One planned or sent nudge.
 *
 * @param occurrence the due date of the occurrence it belongs to (recurring deadlines move on)
 * @param attempts   sends tried so far
 */
record Nudge(long id, long deadlineId, NudgeKind kind, String leadTime, LocalDate occurrence, Instant plannedAt,
             Status status, int attempts) {

    enum Status { PLANNED, SENDING, RETRY, SENT, FAILED, UNREACHABLE, CANCELLED, SKIPPED }
}
