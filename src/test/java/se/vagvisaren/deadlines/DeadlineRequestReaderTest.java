package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent.Entity;
import se.vagvisaren.language.dates.DateGrain;
import se.vagvisaren.language.dates.DateMention;
import se.vagvisaren.language.dates.DateParser;

class DeadlineRequestReaderTest {

    /** Wednesday 25 November 2026, 10:00 in Stockholm. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
    static final DateParser DATES = new DateParser();

    static DeadlineRequest read(String text, Language lang, Entity... entities) {
        return DeadlineRequestReader.read(text, List.of(entities), DATES.parse(text, NOW), lang);
    }

    /** A typed entity as the NLU sends it: a day ({@code 2027-03-03}) or a minute ({@code 2027-03-03T14:00}). */
    static Entity dated(String value, String grain, String text) {
        LocalDateTime at = value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        return Entity.of(new DateMention(text, 0, text.length(), at, "day".equals(grain) ? DateGrain.DAY : DateGrain.MINUTE));
    }

    @Test
    void read_steeringGroupSituationReport_titleAndExactTimeForTheChannel() {
        DeadlineRequest r = read("påminn styrgruppen om lägesbilden 15 mars kl 10", Language.SV,
                dated("2027-03-15T10:00", "minute", "15 mars kl 10"));

        assertThat(r.title()).isEqualTo("Lägesbilden");
        assertThat(r.forMe()).isFalse();
        assertThat(r.dates()).containsExactly(new DeadlineRequest.When(LocalDate.parse("2027-03-15"), LocalTime.of(10, 0), "15 mars kl 10"));
        assertThat(r.invalid()).isNull();
    }

    @Test
    void read_remindUsNextFriday_englishTitleAndWholeDay() {
        DeadlineRequest r = read("remind us next Friday to send the action plan", Language.EN,
                dated("2026-12-04", "day", "next Friday"));

        assertThat(r.title()).isEqualTo("Send the action plan");
        assertThat(r.dates()).singleElement().satisfies(w -> {
            assertThat(w.date()).isEqualTo(LocalDate.parse("2026-12-04"));
            assertThat(w.time()).isNull();
        });
    }

    @Test
    void read_remindMeInTenMinutes_personalWithEmptyTitle() {
        DeadlineRequest r = read("påminn mig om 10 minuter", Language.SV,
                dated("2026-11-25T10:10", "minute", "om 10 minuter"));

        assertThat(r.forMe()).isTrue();
        assertThat(r.title()).isEmpty();
        assertThat(r.dates()).singleElement().satisfies(w -> assertThat(w.time()).isEqualTo(LocalTime.of(10, 10)));
    }

    @Test
    void read_entityTextWithoutOm_stillFindsMeAndNoTitle() {
        DeadlineRequest r = read("påminn mig om 10 minuter", Language.SV,
                dated("2026-11-25T10:10", "minute", "10 minuter"));

        assertThat(r.forMe()).isTrue();
        assertThat(r.title()).isEmpty();
    }

    @Test
    void read_monthlySteeringGroupMeeting_isMonthlyAndWordsLeaveTheTitle() {
        DeadlineRequest r = read("påminn oss om styrgruppsmötet varje månad den 12 januari kl 13", Language.SV,
                dated("2027-01-12T13:00", "minute", "12 januari kl 13"));

        assertThat(r.recurrence()).isEqualTo(Recurrence.MONTHLY);
        assertThat(r.title()).isEqualTo("Styrgruppsmötet");
    }

    @Test
    void read_everyMonday_isWeekly() {
        DeadlineRequest r = read("remind us every Monday about the team check-in", Language.EN,
                dated("2026-11-30", "day", "Monday"));

        assertThat(r.recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(r.title()).isEqualTo("Team check-in");
    }

    @Test
    void read_repetitionWords_leaveTheTitleButWordsContainingThemStay() {
        DeadlineRequest sv = read("påminn oss varje vecka om veckomötet", Language.SV);
        DeadlineRequest en = read("remind us every week to call everyone", Language.EN);

        assertThat(sv.recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(sv.title()).isEqualTo("Veckomötet");
        assertThat(en.recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(en.title()).isEqualTo("Call everyone");
    }

    @Test
    void read_noDate_noDatesAndTitleKept() {
        DeadlineRequest r = read("påminn oss om åtgärdsplanen", Language.SV);

        assertThat(r.dates()).isEmpty();
        assertThat(r.title()).isEqualTo("Åtgärdsplanen");
    }

    @Test
    void read_twoDifferentDates_bothKeptSoTheBotAsks() {
        DeadlineRequest r = read("påminn oss om rapporten 3 mars eller 10 mars", Language.SV,
                dated("2027-03-03", "day", "3 mars"),
                dated("2027-03-10", "day", "10 mars"));

        assertThat(r.dates()).hasSize(2);
        assertThat(r.title()).isEqualTo("Rapporten eller");
    }

    @Test
    void read_sameDayWithAndWithoutTime_mergedToTheTimedOne() {
        DeadlineRequest r = read("deadline: budget 3 mars, kl 14", Language.SV,
                dated("2027-03-03", "day", "3 mars"),
                dated("2027-03-03T14:00", "minute", "kl 14"));

        assertThat(r.dates()).singleElement().satisfies(w -> assertThat(w.time()).isEqualTo(LocalTime.of(14, 0)));
        assertThat(r.title()).isEqualTo("Budget");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "påminn oss om lägesbilden 31 februari | deadlines.invalid.noSuchDate",
            "remind us on February 30 to send the plan | deadlines.invalid.noSuchDate",
            "påminn oss om rapporten vecka 60 | deadlines.invalid.noSuchWeek",
            "påminn oss om rapporten v. 0 | deadlines.invalid.noSuchWeek",
            "påminn oss om mötet kl 25 | deadlines.invalid.noSuchTime",
            "påminn oss om mötet 14:75 | deadlines.invalid.noSuchTime",
            "påminn oss om planen 2027-02-31 | deadlines.invalid.noSuchDate",
            "påminn oss om planen 2027-13-01 | deadlines.invalid.unreadable",
            "påminn oss om planen 40 mars | deadlines.invalid.unreadable"})
    void read_impossibleDateOrTime_namedFinding(String text, String key) {
        assertThat(read(text, Language.SV).invalid()).isNotNull()
                .satisfies(f -> assertThat(f.key()).isEqualTo(key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "påminn oss om lägesbilden 28 februari kl 10", "påminn oss vecka 12 om budgeten",
            "remind us at 9:30 on 3 March", "påminn om 3 möten den 5/12"})
    void read_possibleDates_noFinding(String text) {
        assertThat(read(text, Language.SV).invalid()).isNull();
    }

    @Test
    void read_datetimeEntityWithoutTypedValue_reportedAsUnreadable() {
        DeadlineRequest r = read("påminn oss om x snart", Language.SV, new Entity("datetime", "2027-02-31T10:00", "minute", "snart"));

        assertThat(r.dates()).isEmpty();
        assertThat(r.invalid().key()).isEqualTo("deadlines.invalid.unreadable");
    }

    @Test
    void read_hugeAndHostileText_neverThrowsAndKeepsText() {
        String huge = "påminn oss om " + "<script>alert(1)</script> ".repeat(400);
        DeadlineRequest r = read(huge, Language.SV);

        assertThat(r.title()).startsWith("<script>");
        assertThat(read("", Language.SV).title()).isEmpty();
        assertThat(read(null, Language.EN).dates()).isEmpty();
    }
}
