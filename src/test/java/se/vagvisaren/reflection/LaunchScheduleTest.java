package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Optional;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.reflection.LaunchSchedule.Parsed;

/** The schedule cases of the former ScheduleParser, now read by the one date parser plus reflection's policy. */
class LaunchScheduleTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Wednesday 25 November 2026, 10:00 in Stockholm. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, STOCKHOLM);

    private static final DateParser DATES = new DateParser();

    private static Optional<Parsed> schedule(String text, ZonedDateTime now) {
        return LaunchSchedule.from(DATES.parse(text, now), now, 52);
    }

    private static Parsed parse(String text) {
        return schedule(text, NOW).orElseThrow();
    }

    private static List<String> times(String text) {
        return parse(text).times().stream().map(t -> t.toLocalDateTime().toString()).toList();
    }

    @Test
    void parse_everyMondayForFourWeeks_givesFourMondaysAtNine() {
        assertThat(times("kör övningen om normer varje måndag kl 9 i fyra veckor"))
                .containsExactly("2026-11-30T09:00", "2026-12-07T09:00", "2026-12-14T09:00", "2026-12-21T09:00");
    }

    @Test
    void parse_everyOtherFridayThreeTimes_skipsAWeekBetween() {
        assertThat(times("varannan fredag kl 14.30 3 gånger"))
                .containsExactly("2026-11-27T14:30", "2026-12-11T14:30", "2026-12-25T14:30");
    }

    @Test
    void parse_englishSeries_isRead() {
        assertThat(times("every Monday at 9am for 2 weeks")).containsExactly("2026-11-30T09:00", "2026-12-07T09:00");
    }

    @Test
    void parse_sameWeekdayLaterToday_startsToday() {
        assertThat(times("varje onsdag kl 15 i två veckor")).first().isEqualTo("2026-11-25T15:00");
        assertThat(times("varje onsdag kl 8 i två veckor")).first().isEqualTo("2026-12-02T08:00");
    }

    @Test
    void parse_seriesAcrossSummerTime_keepsLocalTime() {
        ZonedDateTime march = ZonedDateTime.of(2027, 3, 20, 10, 0, 0, 0, STOCKHOLM);
        List<ZonedDateTime> times = schedule("varje måndag kl 9 i två veckor", march).orElseThrow().times();

        assertThat(times).extracting(t -> t.toLocalTime().toString()).containsExactly("09:00", "09:00");
        assertThat(times.get(0).getOffset()).isNotEqualTo(times.get(1).getOffset());
    }

    @Test
    void parse_singleDates_inSwedishAndEnglish() {
        assertThat(times("starta övningen den 3 december kl 10")).containsExactly("2026-12-03T10:00");
        assertThat(times("2026-12-03 13:15")).containsExactly("2026-12-03T13:15");
        assertThat(times("i morgon kl 9")).containsExactly("2026-11-26T09:00");
        assertThat(times("på fredag kl 13")).containsExactly("2026-11-27T13:00");
        assertThat(times("kl 15")).containsExactly("2026-11-25T15:00");
        assertThat(times("on December 3 at 2pm")).containsExactly("2026-12-03T14:00");
        assertThat(times("3/12")).containsExactly("2026-12-03T09:00");
    }

    @Test
    void parse_dayAndMonthAlreadyPassed_meansNextYear() {
        assertThat(times("den 1 mars kl 10")).containsExactly("2027-03-01T10:00");
    }

    @Test
    void parse_problems_areNamed() {
        assertThat(parse("kl 8").problem()).isEqualTo(Parsed.Problem.PAST);
        assertThat(parse("2025-01-01 10:00").problem()).isEqualTo(Parsed.Problem.PAST);
        assertThat(parse("varje måndag kl 9").problem()).isEqualTo(Parsed.Problem.COUNT_MISSING);
        assertThat(parse("varje måndag kl 9 i 60 veckor").problem()).isEqualTo(Parsed.Problem.TOO_MANY);
    }

    @Test
    void parse_noTimeInText_isEmpty() {
        assertThat(schedule("kör övning 2", NOW)).isEmpty();
        assertThat(schedule("starta reflektionen för steg 3", NOW)).isEmpty();
        assertThat(schedule("", NOW)).isEmpty();
        assertThat(schedule(null, NOW)).isEmpty();
    }

    @Test
    void parse_impossibleValues_areIgnoredNotThrown() {
        assertThat(schedule("kl 25", NOW)).isEmpty();
        assertThat(schedule("den 31 februari", NOW)).isEmpty();
        assertThat(schedule("2026-13-45", NOW)).isEmpty();
        assertThat(schedule("varje måndag ".repeat(3_000), NOW)).isPresent();
    }
}
