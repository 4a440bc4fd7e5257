package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ProgressPhrasesTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Wednesday 25 November 2026, 10:00 in Stockholm. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, STOCKHOLM);

    private final ProgressPhrases phrases = new ProgressPhrases(ProgressFixtures.vocabulary());

    @Test
    void withoutRecordPrefix_swedishAndEnglishPrefixes_areRemoved() {
        assertThat(phrases.withoutRecordPrefix("uppdatering: vi har genomfört kartläggningen"))
                .isEqualTo("vi har genomfört kartläggningen");
        assertThat(phrases.withoutRecordPrefix("Framsteg - styrgruppen har sagt ja")).isEqualTo("styrgruppen har sagt ja");
        assertThat(phrases.withoutRecordPrefix("Progress update: survey done")).isEqualTo("survey done");
    }

    @Test
    void withoutRecordPrefix_prefixWordInsideSentence_keepsText() {
        assertThat(phrases.withoutRecordPrefix("uppdateringen av planen är klar")).isEqualTo("uppdateringen av planen är klar");
        assertThat(phrases.hasRecordPrefix("uppdateringen av planen är klar")).isFalse();
    }

    @Test
    void withoutRecordPrefix_onlyPrefix_isEmpty() {
        assertThat(phrases.withoutRecordPrefix("uppdatering:")).isEmpty();
        assertThat(phrases.withoutRecordPrefix("  uppdatering  ")).isEmpty();
        assertThat(phrases.hasRecordPrefix("uppdatering:")).isTrue();
    }

    @Test
    void steps_numbersAfterStepWord_areValidSteps() {
        ProgressPhrases.StepMentions mentions = phrases.steps("visa framsteg steg 2 och 4");

        assertThat(mentions.valid()).containsExactly(2, 4);
        assertThat(mentions.invalid()).isEmpty();
    }

    @Test
    void steps_numberWords_areRead() {
        assertThat(phrases.steps("show progress for step three").valid()).containsExactly(3);
        assertThat(phrases.steps("vi är i steg två").valid()).containsExactly(2);
    }

    @Test
    void steps_nine_isReportedInvalid() {
        ProgressPhrases.StepMentions mentions = phrases.steps("uppdatering: steg 9 är klart");

        assertThat(mentions.valid()).isEmpty();
        assertThat(mentions.invalid()).containsExactly("9");
    }

    @Test
    void steps_hugeNumber_isReportedInvalidNotOverflowing() {
        assertThat(phrases.steps("steg 99999999999999999999").invalid()).containsExactly("99999999999999999999");
    }

    @Test
    void steps_numbersWithoutStepWord_areIgnored() {
        assertThat(phrases.steps("vi var 9 personer på mötet").any()).isFalse();
    }

    @Test
    void period_thisMonth_startsOnTheFirstInStockholm() {
        ReportingPeriod period = phrases.period("vad hände denna månad?", NOW).orElseThrow();

        assertThat(period.kind()).isEqualTo("this-month");
        assertThat(period.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(period.contains(NOW.toInstant())).isTrue();
    }

    @Test
    void period_lastWeek_isTheWholePreviousMondayToSunday() {
        ReportingPeriod period = phrases.period("visa framsteg förra veckan", NOW).orElseThrow();

        assertThat(period.from()).isEqualTo(ZonedDateTime.of(2026, 11, 16, 0, 0, 0, 0, STOCKHOLM).toInstant());
        assertThat(period.to()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, STOCKHOLM).toInstant());
    }

    @Test
    void period_englishThisMonth_isRecognised() {
        assertThat(phrases.period("what happened this month?", NOW)).map(ReportingPeriod::kind).contains("this-month");
    }

    @Test
    void period_longestPhraseWins() {
        // "senaste veckan" (7 days) must not be read as "veckan" or anything shorter
        assertThat(phrases.period("visa senaste veckan", NOW)).map(ReportingPeriod::kind).contains("last-7-days");
    }

    @Test
    void period_none_isEmpty() {
        assertThat(phrases.period("visa framsteg", NOW)).isEmpty();
    }

    @Test
    void asksOverviewAndLink_countyBoardPhrases_areRecognised() {
        assertThat(phrases.asksOverview("visa översikten för alla kommuner")).isTrue();
        assertThat(phrases.asksLink("kan jag få länken till översikten?")).isTrue();
        assertThat(phrases.asksOverview("visa framsteg")).isFalse();
    }

    @Test
    void asksForForm_shortRequest_butNotALongUpdate() {
        assertThat(phrases.asksForForm("jag vill rapportera framsteg")).isTrue();
        assertThat(phrases.asksForForm("vi har rapporterat framsteg till kommunstyrelsen och fått ett mandat för nästa år"))
                .isFalse();
    }
}
