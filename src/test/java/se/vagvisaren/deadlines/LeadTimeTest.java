package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadTimeTest {

    @Test
    void parseList_mixedOrderAndDuplicates_largestFirstWithoutDuplicates() {
        assertThat(LeadTime.specs(LeadTime.parseList("0, 1d,7d,1d, 2h"))).isEqualTo("7d,1d,2h,0");
    }

    @Test
    void parseList_empty_noLeadTimes() {
        assertThat(LeadTime.parseList(" ")).isEmpty();
        assertThat(LeadTime.parseList(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "7", "-1d", "999d", "1w", "7d;DROP TABLE deadline", "3000h"})
    void parse_malformed_isRejected(String spec) {
        assertThatThrownBy(() -> LeadTime.parseList(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseList_hugeList_isRejected() {
        assertThatThrownBy(() -> LeadTime.parseList("1d,".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spec_roundTrips() {
        assertThat(LeadTime.parse("90m").spec()).isEqualTo("90m");
        assertThat(LeadTime.parse("2h").spec()).isEqualTo("2h");
        assertThat(LeadTime.parse("0d")).isEqualTo(LeadTime.AT_DUE);
    }

    @Test
    void next_monthlyFrom31January_keepsTheAnchorDay() {
        LocalDate feb = Recurrence.MONTHLY.next(LocalDate.parse("2027-01-31"), 31);
        assertThat(feb).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(Recurrence.MONTHLY.next(feb, 31)).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(Recurrence.WEEKLY.next(feb, 31)).isEqualTo(LocalDate.parse("2027-03-07"));
    }
}
