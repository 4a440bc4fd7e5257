package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final WorkingDays SWEDEN = WorkingDays.sweden();
    static final List<LeadTime> DEFAULT_LEADS = LeadTime.parseList("7d,1d,0");

    final ReminderPolicy policy = new ReminderPolicy(SWEDEN, LocalTime.of(9, 0), LocalTime.of(8, 0), LocalTime.of(17, 0));

    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
    }

    static Due due(String date, String time) {
        return new Due(LocalDate.parse(date), time == null ? null : LocalTime.parse(time), STOCKHOLM);
    }

    List<PlannedNudge> plan(Due due, String leads, Recurrence recurrence, String now) {
        return policy.plan(due, LeadTime.parseList(leads), recurrence, 3, local(now));
    }

    static List<Instant> instants(List<PlannedNudge> nudges) {
        return nudges.stream().map(PlannedNudge::at).toList();
    }

    @Test
    void plan_defaultLeadsBeforeMondayTenOClock_sevenDaysOneDayDueFollowUpAndEscalation() {
        List<PlannedNudge> nudges = plan(due("2027-03-15", "10:00"), "7d,1d,0", Recurrence.NONE, "2027-03-01T12:00");

        assertThat(instants(nudges)).containsExactly(
                local("2027-03-08T09:00"),   // Monday a week before
                local("2027-03-12T09:00"),   // the day before is a Sunday: Friday morning instead
                local("2027-03-15T10:00"),   // the asked-for time, exactly
                local("2027-03-16T09:00"),   // follow-up the next working day
                local("2027-03-18T09:00"));  // coordinators told three days after
        assertThat(nudges).extracting(PlannedNudge::kind).containsExactly(
                NudgeKind.LEAD, NudgeKind.LEAD, NudgeKind.DUE, NudgeKind.FOLLOW_UP, NudgeKind.ESCALATION);
    }

    @Test
    void plan_explicitTwentyTwoOnASaturday_isHonouredExactly() {
        List<PlannedNudge> nudges = plan(due("2027-03-13", "22:00"), "0", Recurrence.NONE, "2027-03-13T12:00");

        assertThat(nudges.get(0).kind()).isEqualTo(NudgeKind.DUE);
        assertThat(nudges.get(0).at()).isEqualTo(local("2027-03-13T22:00"));
    }

    @Test
    void plan_inTenMinutes_onlyTheExactDueNudgeBeforeTheDueTime() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "14:13"), "7d,1d,0", Recurrence.NONE, "2027-03-16T14:03");

        assertThat(nudges.get(0)).isEqualTo(new PlannedNudge(NudgeKind.DUE, LeadTime.AT_DUE, local("2027-03-16T14:13")));
        assertThat(nudges).extracting(PlannedNudge::kind)
                .containsExactly(NudgeKind.DUE, NudgeKind.FOLLOW_UP, NudgeKind.ESCALATION);
    }

    @Test
    void plan_leadTimesAlreadyPast_areLeftOut() {
        List<PlannedNudge> nudges = plan(due("2027-03-15", "10:00"), "7d,1d,0", Recurrence.NONE, "2027-03-12T09:00");

        assertThat(instants(nudges)).startsWith(local("2027-03-15T10:00"));
    }

    @Test
    void plan_dayBeforeIsAfterChristmas_movesBackPastBoxingDayChristmasAndJulafton() {
        List<PlannedNudge> nudges = plan(due("2026-12-28", null), "1d", Recurrence.NONE, "2026-12-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2026-12-23T09:00"));
    }

    @Test
    void plan_dayBeforeIsMidsummerWeekend_movesBackPastMidsommarafton() {
        List<PlannedNudge> nudges = plan(due("2027-06-28", "13:00"), "1d", Recurrence.NONE, "2027-06-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2027-06-24T09:00"));
    }

    @Test
    void plan_dayBeforeIsNewYearWeekend_movesBackPastNyarsdagenAndNyarsafton() {
        List<PlannedNudge> nudges = plan(due("2027-01-04", "10:00"), "1d", Recurrence.NONE, "2026-12-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2026-12-30T09:00"));
    }

    @Test
    void plan_dayBeforeIsEasterMonday_movesBackToMaundyThursday() {
        List<PlannedNudge> nudges = plan(due("2027-03-30", "10:00"), "7d,1d", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(instants(nudges)).startsWith(local("2027-03-23T09:00"), local("2027-03-25T09:00"));
    }

    @Test
    void plan_acrossSpringDstChange_automaticNudgesStayAtNineLocal() {
        List<PlannedNudge> nudges = plan(due("2027-03-30", "10:00"), "7d,1d,0", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges).filteredOn(n -> n.kind() != NudgeKind.DUE)
                .allSatisfy(n -> assertThat(n.at().atZone(STOCKHOLM).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        // 23 March is winter time (UTC+1), 31 March summer time (UTC+2)
        assertThat(nudges.get(0).at()).isEqualTo(Instant.parse("2027-03-23T08:00:00Z"));
        assertThat(nudges).filteredOn(n -> n.kind() == NudgeKind.FOLLOW_UP).singleElement()
                .satisfies(n -> assertThat(n.at()).isEqualTo(Instant.parse("2027-03-31T07:00:00Z")));
    }

    @Test
    void plan_acrossAutumnDstChange_dayBeforeMondayIsFridayNineSummerTime() {
        List<PlannedNudge> nudges = plan(due("2027-11-01", "10:00"), "1d,0", Recurrence.NONE, "2027-10-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(Instant.parse("2027-10-29T07:00:00Z"));
        assertThat(nudges.get(1).at()).isEqualTo(Instant.parse("2027-11-01T09:00:00Z"));
    }

    @Test
    void plan_dueTimeInTheSpringGap_movesForwardByTheGap() {
        List<PlannedNudge> nudges = plan(due("2027-03-28", "02:30"), "0", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(nudges.get(0).at().atZone(STOCKHOLM).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void plan_hourLeadIntoTheEvening_movesToThatMorning() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "20:00"), "2h", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2027-03-16T09:00"));
    }

    @Test
    void plan_hourLeadIntoTheNight_movesToThePreviousWorkingMorning() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "08:00"), "2h", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2027-03-15T09:00"));
    }

    @Test
    void plan_hourLeadWithinOfficeHours_isKeptExactly() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "14:00"), "2h", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges.get(0).at()).isEqualTo(local("2027-03-16T12:00"));
    }

    @Test
    void plan_wholeDayDueOnSaturday_dueNudgeFridayMorningAndMergesWithDayBefore() {
        List<PlannedNudge> nudges = plan(due("2027-03-13", null), "1d,0", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges.get(0)).isEqualTo(new PlannedNudge(NudgeKind.DUE, LeadTime.AT_DUE, local("2027-03-12T09:00")));
        assertThat(nudges).extracting(PlannedNudge::kind)
                .containsExactly(NudgeKind.DUE, NudgeKind.FOLLOW_UP, NudgeKind.ESCALATION);
        assertThat(nudges.get(1).at()).isEqualTo(local("2027-03-15T09:00"));
    }

    @Test
    void plan_escalationOnAWeekend_movesForwardToMonday() {
        List<PlannedNudge> nudges = plan(due("2027-03-17", null), "0", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges).filteredOn(n -> n.kind() == NudgeKind.ESCALATION).singleElement()
                .satisfies(n -> assertThat(n.at()).isEqualTo(local("2027-03-22T09:00")));
    }

    @Test
    void plan_escalationWouldFallOnFollowUpDay_comesTheWorkingDayAfter() {
        List<PlannedNudge> nudges = policy.plan(due("2027-03-12", null), List.of(LeadTime.AT_DUE), Recurrence.NONE, 1,
                local("2027-03-01T09:00"));

        assertThat(instants(nudges)).containsExactly(
                local("2027-03-12T09:00"), local("2027-03-15T09:00"), local("2027-03-16T09:00"));
    }

    @Test
    void plan_escalationOff_noEscalation() {
        List<PlannedNudge> nudges = policy.plan(due("2027-03-12", null), List.of(LeadTime.AT_DUE), Recurrence.NONE, 0,
                local("2027-03-01T09:00"));

        assertThat(nudges).extracting(PlannedNudge::kind).containsExactly(NudgeKind.DUE, NudgeKind.FOLLOW_UP);
    }

    @Test
    void plan_recurringWithoutAtDueLead_stillGetsDueNudgeAndNoFollowUp() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "13:00"), "1d", Recurrence.MONTHLY, "2027-03-01T09:00");

        assertThat(nudges).extracting(PlannedNudge::kind).containsExactly(NudgeKind.LEAD, NudgeKind.DUE);
    }

    @Test
    void plan_noLeadTimesAtAll_onlyFollowUpAndEscalation() {
        List<PlannedNudge> nudges = plan(due("2027-03-16", "13:00"), "", Recurrence.NONE, "2027-03-01T09:00");

        assertThat(nudges).extracting(PlannedNudge::kind).containsExactly(NudgeKind.FOLLOW_UP, NudgeKind.ESCALATION);
    }

    @Test
    void plan_otherTeamZone_nineOClockIsLocalToThatZone() {
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        List<PlannedNudge> nudges = policy.plan(new Due(LocalDate.parse("2027-03-16"), LocalTime.NOON, helsinki),
                LeadTime.parseList("1d"), Recurrence.NONE, 3, Instant.parse("2027-03-01T00:00:00Z"));

        assertThat(nudges.get(0).at()).isEqualTo(ZonedDateTime.of(2027, 3, 15, 9, 0, 0, 0, helsinki).toInstant());
    }

    @Test
    void snooze_oneDayFromFridayMorning_comesBackMondayMorning() {
        assertThat(policy.snooze(local("2027-03-12T09:00"), Period.ofDays(1), STOCKHOLM)).isEqualTo(local("2027-03-15T09:00"));
    }

    @Test
    void snooze_oneWeekFromTuesday_sameTimeNextTuesday() {
        assertThat(policy.snooze(local("2027-03-16T10:30"), Period.ofWeeks(1), STOCKHOLM)).isEqualTo(local("2027-03-23T10:30"));
    }

    @Test
    void snooze_oneDayFromAnEveningNudge_comesTheNextMorning() {
        assertThat(policy.snooze(local("2027-03-16T22:00"), Period.ofDays(1), STOCKHOLM)).isEqualTo(local("2027-03-17T09:00"));
    }

    @Test
    void newPolicy_nudgeTimeOutsideOfficeHours_isRejected() {
        assertThatThrownBy(() -> new ReminderPolicy(SWEDEN, LocalTime.of(7, 0), LocalTime.of(8, 0), LocalTime.of(17, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
