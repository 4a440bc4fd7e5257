package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.deadlines.ReminderPolicyTest.due;
import static se.vagvisaren.deadlines.ReminderPolicyTest.local;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20: a reminder moved or dropped by the weekend, holiday or office-hours rules is reported, not hidden. */
class ReminderAdjustmentsTest {

    final ReminderPolicy policy = new ReminderPolicy(WorkingDays.sweden(), LocalTime.of(9, 0), LocalTime.of(8, 0), LocalTime.of(17, 0));

    @Test
    void adjustments_dayBeforeIsASunday_movedBackToFriday() {
        // Monday 15 March 2027 at 10: "1 day before" would be Sunday 09:00
        List<ReminderPolicy.Adjustment> moved = policy.adjustments(due("2027-03-15", "10:00"),
                LeadTime.parseList("7d,1d,0"), local("2027-03-01T10:00"));

        assertThat(moved).singleElement().satisfies(a -> {
            assertThat(a.lead()).isEqualTo(LeadTime.parseList("1d").get(0));
            assertThat(a.asked()).isEqualTo(local("2027-03-14T09:00"));
            assertThat(a.planned()).isEqualTo(local("2027-03-12T09:00"));
        });
    }

    @Test
    void adjustments_wholeDayOnEasterMonday_dueReminderMovedAndDayBeforeDropped() {
        // Annandag påsk 2027 is Monday 29 March; Good Friday 26 March is also a holiday
        List<ReminderPolicy.Adjustment> changes = policy.adjustments(due("2027-03-29", null),
                LeadTime.parseList("1d,0"), local("2027-03-01T10:00"));

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).dropped()).isTrue();
        assertThat(changes.get(1).lead().atDue()).isTrue();
        assertThat(changes.get(1).planned()).isEqualTo(local("2027-03-25T09:00"));
    }

    @Test
    void adjustments_workingDaysOnly_nothingToSay() {
        assertThat(policy.adjustments(due("2027-03-17", "10:00"), LeadTime.parseList("7d,1d,0"),
                local("2027-03-01T10:00"))).isEmpty();
    }

    @Test
    void adjustments_askedTimeAlreadyPassed_notReported() {
        assertThat(policy.adjustments(due("2027-03-15", "10:00"), LeadTime.parseList("1d"),
                local("2027-03-14T12:00"))).isEmpty();
    }
}
