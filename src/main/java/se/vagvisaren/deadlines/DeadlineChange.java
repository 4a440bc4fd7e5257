package se.vagvisaren.deadlines;

import java.time.Instant;

/**
 * How a request to create or change a deadline ended.
 *
 * @param kind     the outcome
 * @param deadline the deadline as it is now (after the change, or as someone else left it); {@code null}
 *                 when not found or not saved
 * @param problem  what was wrong with the draft, for {@link Kind#INVALID}
 * @param when     for a snooze: when the nudge comes back
 */
record DeadlineChange(Kind kind, Deadline deadline, DraftCheck.Problem problem, Instant when) {

    enum Kind {
        SAVED,
        /** The same confirmation card was saved before; nothing new was stored. */
        DUPLICATE,
        INVALID,
        /** Only the creator or a coordinator may change it. */
        NOT_ALLOWED,
        /** Someone changed it after the card was shown. */
        CONFLICT,
        NOT_FOUND,
        /** Already done or cancelled (e.g. someone pressed "Klar" first). */
        ALREADY_CLOSED
    }

    static DeadlineChange of(Kind kind, Deadline deadline) {
        return new DeadlineChange(kind, deadline, null, null);
    }

    static DeadlineChange invalid(DraftCheck.Problem problem) {
        return new DeadlineChange(Kind.INVALID, null, problem, null);
    }

    boolean saved() {
        return kind == Kind.SAVED;
    }
}
