package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDaysTest {

    final WorkingDays days = WorkingDays.sweden();

    @ParameterizedTest
    @ValueSource(strings = {
            "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-29", "2027-05-06", "2027-06-06",
            "2027-06-25", "2026-12-24", "2026-12-25", "2026-12-31", "2027-03-13", "2027-03-14"})
    void isWorkingDay_holidaysEvesAndWeekends_false(String date) {
        assertThat(days.isWorkingDay(LocalDate.parse(date))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-03-15", "2027-06-24", "2026-12-23", "2027-01-07", "2027-04-30"})
    void isWorkingDay_ordinaryWeekdays_true(String date) {
        assertThat(days.isWorkingDay(LocalDate.parse(date))).isTrue();
    }

    @Test
    void isEve_midsommaraftonIsTheFridayBetween19And25June() {
        assertThat(WorkingDays.isEve(LocalDate.parse("2027-06-25"))).isTrue();
        assertThat(WorkingDays.isEve(LocalDate.parse("2027-06-18"))).isFalse();
        assertThat(WorkingDays.isEve(LocalDate.parse("2028-06-23"))).isTrue();
    }

    @Test
    void onOrAfter_fromGoodFriday_isTheTuesdayAfterEaster() {
        assertThat(days.onOrAfter(LocalDate.parse("2027-03-26"))).isEqualTo(LocalDate.parse("2027-03-30"));
    }

    @Test
    void aQuestionAskedWhileTheCalendarIsStillBeingRead_waitsForIt_andGetsTheHoliday() throws Exception {
        CompletableFuture<HolidayManager> calendar = new CompletableFuture<>();
        WorkingDays early = new WorkingDays(calendar);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        // Trettondedag jul 2027, a Wednesday: only the calendar knows it is not a working day.
        Thread asker = Thread.ofPlatform().start(() -> answer.complete(early.isWorkingDay(LocalDate.parse("2027-01-06"))));
        // The question has been asked and waits for the calendar.
        await().atMost(Duration.ofSeconds(30)).until(() -> asker.getState() == Thread.State.WAITING);
        assertThat(answer).isNotDone();

        calendar.complete(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));

        assertThat(answer.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aCalendarThatCouldNotBeRead_failsTheQuestionWithItsCause_neverAnswersFromAnEmptyCalendar() {
        WorkingDays broken = new WorkingDays(CompletableFuture.failedFuture(new IllegalArgumentException("no data")));

        assertThatThrownBy(() -> broken.isWorkingDay(LocalDate.parse("2027-01-06")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holiday calendar")
                .hasRootCauseMessage("no data");
    }
}
