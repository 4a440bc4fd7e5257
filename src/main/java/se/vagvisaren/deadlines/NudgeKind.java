package se.vagvisaren.deadlines;

/** Why a nudge is sent. */
enum NudgeKind {
    /** Some time before the due time (e.g. 7 days, 1 day). */
    LEAD,
    /** At the due time; for recurring deadlines it also moves the series to the next occurrence. */
    DUE,
    /** Once, after the due time, when the deadline is not marked done. */
    FOLLOW_UP,
    /** To the team's coordinators, some days after the due time, when still not done. */
    ESCALATION,
    /** Again later, because someone pressed "Skjut upp". */
    SNOOZE
}
