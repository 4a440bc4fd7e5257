package se.vagvisaren.language.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Wednesday 25 November 2026, 10:00 in Stockholm (ISO week 48). */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, STOCKHOLM);

    private final DateParser parser = new DateParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            på fredag                    | 2026-11-27       | day    | på fredag
            fredag                       | 2026-11-27       | day    | fredag
            nästa fredag                 | 2026-12-04       | day    | nästa fredag
            nasta fredag                 | 2026-12-04       | day    | nasta fredag
            next Friday                  | 2026-12-04       | day    | next Friday
            on Friday                    | 2026-11-27       | day    | on Friday
            på onsdag                    | 2026-12-02       | day    | på onsdag
            på søndag                    | 2026-11-29       | day    | på søndag
            nästa måndag                 | 2026-11-30       | day    | nästa måndag
            fredag nästa vecka           | 2026-12-04       | day    | fredag nästa vecka
            nästa vecka                  | 2026-11-30       | day    | nästa vecka
            next Tuesday at 9            | 2026-12-01T09:00 | minute | next Tuesday at 9
            fredag 14:00                 | 2026-11-27T14:00 | minute | fredag 14:00
            på fredag kl 14              | 2026-11-27T14:00 | minute | på fredag kl 14
            fredag, kl. 8.15             | 2026-11-27T08:15 | minute | fredag, kl. 8.15
            idag                         | 2026-11-25       | day    | idag
            imorgon                      | 2026-11-26       | day    | imorgon
            i morgon kl 10               | 2026-11-26T10:00 | minute | i morgon kl 10
            imorgon klockan 10           | 2026-11-26T10:00 | minute | imorgon klockan 10
            kl 14 imorgon                | 2026-11-26T14:00 | minute | kl 14 imorgon
            i övermorgon                 | 2026-11-27       | day    | i övermorgon
            igår                         | 2026-11-24       | day    | igår
            yesterday                    | 2026-11-24       | day    | yesterday
            tomorrow at 2pm              | 2026-11-26T14:00 | minute | tomorrow at 2pm
            the day after tomorrow       | 2026-11-27       | day    | the day after tomorrow
            15 mars                      | 2027-03-15       | day    | 15 mars
            den 15 mars                  | 2027-03-15       | day    | den 15 mars
            15:e mars                    | 2027-03-15       | day    | 15:e mars
            15 december                  | 2026-12-15       | day    | 15 december
            25 nov                       | 2026-11-25       | day    | 25 nov
            15 mars 2028                 | 2028-03-15       | day    | 15 mars 2028
            den 3/12                     | 2026-12-03       | day    | den 3/12
            3/12 kl 14.30                | 2026-12-03T14:30 | minute | 3/12 kl 14.30
            1/3                          | 2027-03-01       | day    | 1/3
            1/3/2028                     | 2028-03-01       | day    | 1/3/2028
            2026-12-15                   | 2026-12-15       | day    | 2026-12-15
            2026-12-15 kl 13             | 2026-12-15T13:00 | minute | 2026-12-15 kl 13
            March 3rd                    | 2027-03-03       | day    | March 3rd
            3rd of March                 | 2027-03-03       | day    | 3rd of March
            December 24, 2027            | 2027-12-24       | day    | December 24, 2027
            29 februari                  | 2028-02-29       | day    | 29 februari
            kl 14                        | 2026-11-25T14:00 | minute | kl 14
            kl 9                         | 2026-11-26T09:00 | minute | kl 9
            kl 10                        | 2026-11-26T10:00 | minute | kl 10
            14.30                        | 2026-11-25T14:30 | minute | 14.30
            2pm                          | 2026-11-25T14:00 | minute | 2pm
            9 am                         | 2026-11-26T09:00 | minute | 9 am
            12am                         | 2026-11-26T00:00 | minute | 12am
            at 3                         | 2026-11-25T15:00 | minute | at 3
            om två veckor                | 2026-12-09       | day    | om två veckor
            om 2 veckor kl 10            | 2026-12-09T10:00 | minute | om 2 veckor kl 10
            om tre dagar                 | 2026-11-28       | day    | om tre dagar
            in 3 days                    | 2026-11-28       | day    | in 3 days
            in a week                    | 2026-12-02       | day    | in a week
            om en månad                  | 2026-12-25       | day    | om en månad
            om 10 minuter                | 2026-11-25T10:10 | minute | om 10 minuter
            om 10 min                    | 2026-11-25T10:10 | minute | om 10 min
            om en timme                  | 2026-11-25T11:00 | minute | om en timme
            om en halvtimme              | 2026-11-25T10:30 | minute | om en halvtimme
            om en kvart                  | 2026-11-25T10:15 | minute | om en kvart
            in half an hour              | 2026-11-25T10:30 | minute | in half an hour
            in 2 hours                   | 2026-11-25T12:00 | minute | in 2 hours
            om 24 timmar                 | 2026-11-26T10:00 | minute | om 24 timmar
            vecka 50                     | 2026-12-07       | day    | vecka 50
            v. 11                        | 2027-03-15       | day    | v. 11
            v.11                         | 2027-03-15       | day    | v.11
            v 50                         | 2026-12-07       | day    | v 50
            week 50                      | 2026-12-07       | day    | week 50
            vecka 48                     | 2026-11-23       | day    | vecka 48
            vecka 53                     | 2026-12-28       | day    | vecka 53
            vecka 3 2027                 | 2027-01-18       | day    | vecka 3 2027
            i slutet av månaden          | 2026-11-30       | day    | i slutet av månaden
            slutet av manaden            | 2026-11-30       | day    | slutet av manaden
            end of the month             | 2026-11-30       | day    | end of the month
            i slutet av mars             | 2027-03-31       | day    | i slutet av mars
            end of December              | 2026-12-31       | day    | end of December
            sista maj                    | 2027-05-31       | day    | sista maj
            den sista februari           | 2027-02-28       | day    | den sista februari
            sista dagen i månaden        | 2026-11-30       | day    | sista dagen i månaden
            the last day of March        | 2027-03-31       | day    | the last day of March
            nästa tisdag kl 14           | 2026-12-01T14:00 | minute | nästa tisdag kl 14
            den 3 mars                   | 2027-03-03       | day    | den 3 mars
            3/3                          | 2027-03-03       | day    | 3/3
            I MORGON                     | 2026-11-26       | day    | I MORGON
            """)
    void parse_expression_resolvesAgainstNow(String text, String value, String grain, String matched) {
        DateParse result = parser.parse(text, NOW);

        assertThat(result.rejected()).isEmpty();
        assertThat(result.mentions()).singleElement().satisfies(m -> {
            assertThat(m.valueText()).isEqualTo(value);
            assertThat(m.grain().code()).isEqualTo(grain);
            assertThat(m.text()).isEqualTo(matched);
        });
    }

    @Test
    void parse_expressionInsideSentence_keepsOffsetsOfOriginalText() {
        String text = "Påminn oss på FREDAG kl 14 om styrgruppen, och sen igen den 3/12.";

        DateParse result = parser.parse(text, NOW);

        assertThat(result.mentions()).extracting(e -> e.valueText() + " " + e.grain().code() + " " + e.text())
                .containsExactly("2026-11-27T14:00 minute på FREDAG kl 14",
                        "2026-12-03 day den 3/12");
        DateMention first = result.mentions().get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("på FREDAG kl 14");
    }

    @ParameterizedTest(name = "{0} rejected as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            31 februari           | NO_SUCH_DATE
            den 30/2              | NO_SUCH_DATE
            2026-13-01            | NO_SUCH_DATE
            2027-02-29            | NO_SUCH_DATE
            31 april 2027         | NO_SUCH_DATE
            vecka 60              | NO_SUCH_WEEK
            vecka 0               | NO_SUCH_WEEK
            vecka 53 2027         | NO_SUCH_WEEK
            kl 25                 | NO_SUCH_TIME
            kl 14.75              | NO_SUCH_TIME
            13pm                  | NO_SUCH_TIME
            """)
    void parse_impossibleDate_isRejectedNotGuessed(String text, RejectedDate.Reason reason) {
        DateParse result = parser.parse("deadline " + text + " tack", NOW);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.hasRejected()).isTrue();
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.text()).isEqualTo(text);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hej", "vi har 3 frågor om steg 2", "version 1.2.3", "det kostar 12.50 kr",
            "räntan är 2.50 procent", "ring 020-50 50 50", "🙂🙂🙂", "ما هو الموعد", "Mikä on määräaika?",
            "jag mår bra", "I may come", "till jul", "i fredags var vi där", "under sista månaden",
            "sista veckan var tung"})
    void parse_textWithoutDate_findsNothing(String text) {
        DateParse result = parser.parse(text, NOW);

        assertThat(result.mentions()).isEmpty();
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void parse_null_isEmpty() {
        assertThat(parser.parse(null, NOW).mentions()).isEmpty();
    }

    @Test
    void parse_tenThousandCharacters_returnsWithoutError() {
        String text = "imorgon kl 10 " + "bla ".repeat(2_500);

        assertThat(parser.parse(text, NOW).mentions()).extracting(DateMention::valueText).containsExactly("2026-11-26T10:00");
    }

    @Test
    void parse_elapsedHoursAcrossSpringDst_movesWallClock() {
        // Saturday 27 March 2027 10:00 CET; clocks go forward at 02:00 on Sunday.
        ZonedDateTime saturday = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, STOCKHOLM);

        assertThat(parser.parse("om 24 timmar", saturday).mentions().get(0).valueText()).isEqualTo("2027-03-28T11:00");
        assertThat(parser.parse("imorgon kl 10", saturday).mentions().get(0).valueText()).isEqualTo("2027-03-28T10:00");
    }

    @Test
    void parse_elapsedHoursAcrossAutumnDst_movesWallClockBack() {
        // Saturday 24 October 2026 10:00 CEST; clocks go back at 03:00 on Sunday.
        ZonedDateTime saturday = ZonedDateTime.of(2026, 10, 24, 10, 0, 0, 0, STOCKHOLM);

        assertThat(parser.parse("om 24 timmar", saturday).mentions().get(0).valueText()).isEqualTo("2026-10-25T09:00");
        assertThat(parser.parse("om en dag", saturday).mentions().get(0).valueText()).isEqualTo("2026-10-25");
    }

    @Test
    void parse_wallClockTimeSkippedByDst_movesToExistingTime() {
        ZonedDateTime saturday = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, STOCKHOLM);

        assertThat(parser.parse("imorgon kl 2.30", saturday).mentions().get(0).valueText()).isEqualTo("2027-03-28T03:30");
    }

    @Test
    void parse_otherZone_resolvesInThatZone() {
        // 23:30 in Stockholm is already the next day in Helsinki.
        ZonedDateTime helsinki = ZonedDateTime.of(2026, 11, 25, 23, 30, 0, 0, STOCKHOLM)
                .withZoneSameInstant(ZoneId.of("Europe/Helsinki"));

        assertThat(parser.parse("imorgon", helsinki).mentions().get(0).valueText()).isEqualTo("2026-11-27");
    }

    @Test
    void parse_sameInputTwice_givesSameResult() {
        String text = "nästa fredag kl 9 eller vecka 50";

        assertThat(parser.parse(text, NOW)).isEqualTo(parser.parse(text, NOW));
    }

    // Cases of the former deadlines DateSanity: the rejection says enough for a precise reply.

    @Test
    void parse_dayPastTheEndOfARealMonth_keepsMonthAndItsLength() {
        RejectedDate withoutYear = parser.parse("påminn oss om lägesbilden 31 februari", NOW).rejected().get(0);
        RejectedDate withYear = parser.parse("planen 2027-02-31", NOW).rejected().get(0);
        RejectedDate english = parser.parse("remind us on February 30 to send the plan", NOW).rejected().get(0);

        assertThat(withoutYear.month()).isEqualTo(Month.FEBRUARY);
        assertThat(withoutYear.monthDays()).isEqualTo(29);
        assertThat(withoutYear.text()).isEqualTo("31 februari");
        assertThat(withYear.monthDays()).isEqualTo(28);
        assertThat(english.month()).isEqualTo(Month.FEBRUARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"planen 40 mars", "planen 2027-13-01", "den 5/13", "den 0/3"})
    void parse_noDayOfAnyMonth_rejectedWithoutMonth(String text) {
        assertThat(parser.parse(text, NOW).rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectedDate.Reason.NO_SUCH_DATE);
            assertThat(r.month()).isNull();
        });
    }

    @Test
    void parse_noSuchWeek_keepsTheNumber() {
        assertThat(parser.parse("påminn oss om rapporten vecka 60", NOW).rejected()).singleElement()
                .satisfies(r -> assertThat(r.week()).isEqualTo(60));
        assertThat(parser.parse("rapporten v. 0", NOW).rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectedDate.Reason.NO_SUCH_WEEK));
    }

    @Test
    void parse_colonTimeOutOfRange_isRejectedButDecimalNumberIsNot() {
        assertThat(parser.parse("mötet 14:75", NOW).rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectedDate.Reason.NO_SUCH_TIME));
        assertThat(parser.parse("värdet var 14.75", NOW).rejected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"påminn oss om lägesbilden 28 februari kl 10", "påminn oss vecka 12 om budgeten",
            "remind us at 9:30 on 3 March", "påminn om 3 möten den 5/12"})
    void parse_possibleDates_nothingRejected(String text) {
        assertThat(parser.parse(text, NOW).rejected()).isEmpty();
        assertThat(parser.parse(text, NOW).mentions()).isNotEmpty();
    }

    // Time only, and repetition (from the former reflection ScheduleParser and the deadline reader).

    @Test
    void parse_timeOnly_isMarkedSoAFeatureMayCallItPast() {
        DateMention passed = parser.parse("kl 8", NOW).mentions().get(0);
        DateMention withDay = parser.parse("i morgon kl 8", NOW).mentions().get(0);

        assertThat(passed.timeOnly()).isTrue();
        assertThat(passed.valueText()).isEqualTo("2026-11-26T08:00");
        assertThat(withDay.timeOnly()).isFalse();
        assertThat(withDay.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(parser.parse("15 mars", NOW).mentions().get(0).time()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            varje måndag kl 9 i fyra veckor      | WEEKLY  | 1 | MONDAY | 4 | varje
            varannan fredag kl 14.30 3 gånger    | WEEKLY  | 2 | FRIDAY | 3 | varannan
            varannan fredag i fyra veckor        | WEEKLY  | 2 | FRIDAY | 2 | varannan
            every Monday at 9am for 2 weeks      | WEEKLY  | 1 | MONDAY | 2 | every
            every other Tuesday 5 times          | WEEKLY  | 2 | TUESDAY | 5 | every other
            varje måndag kl 9                    | WEEKLY  | 1 | MONDAY | - | varje
            påminn oss varje vecka om mötet      | WEEKLY  | 1 | -      | - | varje vecka
            en gång i veckan                     | WEEKLY  | 1 | -      | - | en gång i veckan
            remind us weekly                     | WEEKLY  | 1 | -      | - | weekly
            styrgruppen varje månad den 12 jan   | MONTHLY | 1 | -      | - | varje månad
            once a month                         | MONTHLY | 1 | -      | - | once a month
            """)
    void parse_repetition_isRead(String text, Repetition.Cadence cadence, int interval, DayOfWeek day, Integer count,
                                 String words) {
        Repetition r = parser.parse(text, NOW).repetition();

        assertThat(r).isNotNull();
        assertThat(r.cadence()).isEqualTo(cadence);
        assertThat(r.interval()).isEqualTo(interval);
        assertThat(r.weekday()).isEqualTo(day);
        assertThat(r.count()).isEqualTo(count);
        assertThat(r.words()).containsExactly(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"på måndag", "varje", "everyone agrees", "i fyra veckor", "kör övning 2"})
    void parse_noRepetition_isNull(String text) {
        assertThat(parser.parse(text, NOW).repetition()).isNull();
    }

    @Test
    void weeklyTimes_sameWeekdayLaterToday_startsTodayAndKeepsLocalTime() {
        Repetition wednesdays = parser.parse("varje onsdag", NOW).repetition();

        assertThat(wednesdays.weeklyTimes(LocalTime.of(15, 0), NOW, 2)).extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-11-25T15:00", "2026-12-02T15:00");
        assertThat(wednesdays.weeklyTimes(LocalTime.of(8, 0), NOW, 1)).extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-12-02T08:00");
    }
}
