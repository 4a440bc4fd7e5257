package se.vagvisaren.deadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a user asked for, before it is checked and saved.
 *
 * @param title      as typed; may be empty (a default title is used) or too long (refused)
 * @param date       local due date in the team's zone; {@code null} when the user has not said
 * @param time       local due time; {@code null} = a whole-day deadline
 * @param target     where nudges go
 * @param leadTimes  reminders before the due time
 * @param recurrence how it repeats
 */
record DeadlineDraft(String title, LocalDate date, LocalTime time, Deadline.Target target, List<LeadTime> leadTimes,
                     Recurrence recurrence) {

    DeadlineDraft {
        title = title == null ? "" : title.strip();
        leadTimes = leadTimes == null ? List.of() : List.copyOf(leadTimes);
        recurrence = recurrence == null ? Recurrence.NONE : recurrence;
        target = target == null ? Deadline.Target.CONVERSATION : target;
    }

    DeadlineDraft withDate(LocalDate newDate, LocalTime newTime) {
        return new DeadlineDraft(title, newDate, newTime, target, leadTimes, recurrence);
    }

    DeadlineDraft withTitle(String newTitle) {
        return new DeadlineDraft(newTitle, date, time, target, leadTimes, recurrence);
    }
}
