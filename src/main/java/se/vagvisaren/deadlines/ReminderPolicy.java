package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When nudges go out. Pure: everything it needs comes in as arguments, "now" included.
 * <ul>
 *   <li>Automatic nudges (lead times, the due nudge of a whole-day deadline) go out within office hours
 *       on working days ({@link WorkingDays}). Before the due time, one that would fall in an evening, a
 *       night, a weekend or a holiday moves back to the latest working-day morning (nudge hour) before it,
 *       so it still arrives in time. After the due time (follow-up, escalation) it moves forward instead,
 *       so it never arrives before the moment it reports on.</li>
 *   <li>A time the user asked for explicitly (a due time such as "kl 22" or "om 10 minuter") is honoured
 *       exactly, whatever the day.</li>
 *   <li>All calendar arithmetic is local (the team's zone), so "09:00" stays 09:00 across DST changes.</li>
 * </ul>
 */
final class ReminderPolicy {

    private final WorkingDays days;
    private final LocalTime nudgeTime;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;

    /**
     * @param nudgeTime local time of automatic nudges (09:00)
     * @param dayStart  start of office hours (08:00), inclusive
     * @param dayEnd    end of office hours (17:00), exclusive; {@code nudgeTime} must lie within the hours
     */
    ReminderPolicy(WorkingDays days, LocalTime nudgeTime, LocalTime dayStart, LocalTime dayEnd) {
        if (nudgeTime.isBefore(dayStart) || !nudgeTime.isBefore(dayEnd)) {
            throw new IllegalArgumentException("The nudge time must lie within office hours");
        }
        this.days = days;
        this.nudgeTime = nudgeTime;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    /**
     * The nudges for one occurrence of a deadline, earliest first. Nudges at or before {@code now} are left
     * out, and so are lead reminders that would not come before the due nudge. Two nudges that land on the
     * same instant become one (the later kind wins: a due nudge over a lead reminder).
     *
     * @param leads             lead times; {@link LeadTime#AT_DUE} asks for a nudge at the due time
     * @param recurrence        recurring deadlines always get a due nudge (it moves the series on) and
     *                          no follow-up or escalation (the next occurrence takes their place)
     * @param escalateAfterDays calendar days after the due date when coordinators are told; 0 or less = never
     */
    List<PlannedNudge> plan(Due due, List<LeadTime> leads, Recurrence recurrence, int escalateAfterDays, Instant now) {
        Map<Instant, PlannedNudge> byInstant = new LinkedHashMap<>();
        Instant dueNudge = dueNudgeAt(due);
        for (LeadTime lead : leads) {
            if (lead.atDue()) {
                continue;
            }
            Instant at = leadAt(due, lead);
            if (at.isBefore(dueNudge)) {
                byInstant.put(at, new PlannedNudge(NudgeKind.LEAD, lead, at));
            }
        }
        if (leads.contains(LeadTime.AT_DUE) || recurrence != Recurrence.NONE) {
            byInstant.put(dueNudge, new PlannedNudge(NudgeKind.DUE, LeadTime.AT_DUE, dueNudge));
        }
        if (recurrence == Recurrence.NONE) {
            LocalDate followUpDay = days.onOrAfter(due.date().plusDays(1));
            Instant followUp = at(followUpDay, due.zone());
            byInstant.put(followUp, new PlannedNudge(NudgeKind.FOLLOW_UP, null, followUp));
            if (escalateAfterDays > 0) {
                LocalDate escalationDay = days.onOrAfter(due.date().plusDays(escalateAfterDays));
                if (!escalationDay.isAfter(followUpDay)) {
                    escalationDay = days.onOrAfter(followUpDay.plusDays(1));
                }
                Instant escalation = at(escalationDay, due.zone());
                byInstant.put(escalation, new PlannedNudge(NudgeKind.ESCALATION, null, escalation));
            }
        }
        List<PlannedNudge> out = new ArrayList<>();
        for (PlannedNudge nudge : byInstant.values()) {
            if (nudge.at().isAfter(now)) {
                out.add(nudge);
            }
        }
        out.sort(Comparator.comparing(PlannedNudge::at));
        return out;
    }

    /**
     * A reminder the office-hours, weekend and holiday rules moved or dropped, so the confirmation can say so.
     *
     * @param asked   when the lead time alone would have put it (the team's nudge hour on that day)
     * @param planned when it will come instead; {@code null} when it was dropped (it would not come before
     *                the deadline's own reminder)
     */
    record Adjustment(LeadTime lead, Instant asked, Instant planned) {
        boolean dropped() {
            return planned == null;
        }
    }

    /**
     * The reminders of {@code leads} that will not come when their lead time says, earliest first. Reminders
     * whose asked-for time has already passed are left out (they were never going to be sent).
     */
    List<Adjustment> adjustments(Due due, List<LeadTime> leads, Instant now) {
        List<Adjustment> out = new ArrayList<>();
        Instant dueNudge = dueNudgeAt(due);
        for (LeadTime lead : leads) {
            Instant asked;
            Instant planned;
            if (lead.atDue()) {
                if (!due.allDay()) {
                    continue; // an asked-for time is honoured exactly
                }
                asked = ZonedDateTime.of(due.date(), nudgeTime, due.zone()).toInstant();
                planned = dueNudge;
            } else {
                asked = lead.days() > 0
                        ? ZonedDateTime.of(due.date().minusDays(lead.days()), nudgeTime, due.zone()).toInstant()
                        : dueNudge.minus(lead.asDuration());
                planned = leadAt(due, lead);
                if (!planned.isBefore(dueNudge)) {
                    planned = null;
                }
            }
            if (asked.isAfter(now) && (planned == null || !planned.equals(asked))) {
                out.add(new Adjustment(lead, asked, planned));
            }
        }
        out.sort(Comparator.comparing(Adjustment::asked));
        return out;
    }

    /** When the due nudge goes out: exactly at an asked-for time, else the due day's morning (moved back if needed). */
    Instant dueNudgeAt(Due due) {
        if (!due.allDay()) {
            return due.instant();
        }
        return backward(ZonedDateTime.of(due.date(), nudgeTime, due.zone()));
    }

    private Instant leadAt(Due due, LeadTime lead) {
        if (lead.days() > 0) {
            return backward(ZonedDateTime.of(due.date().minusDays(lead.days()), nudgeTime, due.zone()));
        }
        Instant reference = dueNudgeAt(due);
        return backward(reference.minus(lead.asDuration()).atZone(due.zone()));
    }

    /**
     * When a snoozed nudge comes back: {@code period} after {@code now} (local calendar arithmetic), moved
     * into office hours on a working day, earlier if that is still in the future, otherwise later.
     */
    Instant snooze(Instant now, Period period, ZoneId zone) {
        ZonedDateTime candidate = now.atZone(zone).plus(period);
        Instant back = backward(candidate);
        return back.isAfter(now) ? back : forward(candidate);
    }

    /** The candidate if it is within office hours on a working day, else the latest working-day morning before it. */
    Instant backward(ZonedDateTime candidate) {
        if (withinOfficeHours(candidate)) {
            return candidate.toInstant();
        }
        LocalDate date = candidate.toLocalDate();
        boolean sameDay = days.isWorkingDay(date) && !candidate.toLocalTime().isBefore(nudgeTime);
        LocalDate day = sameDay ? date : days.onOrBefore(date.minusDays(1));
        return at(day, candidate.getZone());
    }

    /** The candidate if it is within office hours on a working day, else the next working-day morning after it. */
    Instant forward(ZonedDateTime candidate) {
        if (withinOfficeHours(candidate)) {
            return candidate.toInstant();
        }
        LocalDate date = candidate.toLocalDate();
        boolean sameDay = days.isWorkingDay(date) && candidate.toLocalTime().isBefore(dayStart);
        LocalDate day = sameDay ? date : days.onOrAfter(date.plusDays(1));
        return at(day, candidate.getZone());
    }

    private boolean withinOfficeHours(ZonedDateTime t) {
        LocalTime time = t.toLocalTime();
        return days.isWorkingDay(t.toLocalDate()) && !time.isBefore(dayStart) && time.isBefore(dayEnd);
    }

    private Instant at(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, nudgeTime, zone).toInstant();
    }
}
