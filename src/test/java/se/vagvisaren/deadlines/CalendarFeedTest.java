package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;

/** Issue 20: the calendar feed is valid RFC 5545, checked with ical4j's own validator after parsing it back. */
class CalendarFeedTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final CalendarFeed feed = new CalendarFeed(new ReplyTexts(new ContentSource("dialogs", Path.of("dialogs"))));

    static Deadline deadline(long id, String title, Due due, Recurrence recurrence, int anchorDay) {
        return new Deadline(id, "19:team@thread.tacv2", "tenant", "19:team@thread.tacv2", Scope.CHANNEL,
                Deadline.Target.CONVERSATION, "owner", title, due, List.of(), recurrence, anchorDay, Language.SV,
                Deadline.Status.OPEN, true, 1, null);
    }

    private String fourKinds() {
        return feed.write(List.of(
                deadline(1, "Lägesbilden till styrgruppen", new Due(LocalDate.of(2027, 3, 15), LocalTime.of(10, 0), STOCKHOLM), Recurrence.NONE, 15),
                deadline(2, "Kommunstyrelsen; beslut, mandat\noch budget 🗓️", new Due(LocalDate.of(2027, 4, 1), null, STOCKHOLM), Recurrence.NONE, 1),
                deadline(3, "Styrgruppsmöte", new Due(LocalDate.of(2027, 1, 11), LocalTime.of(9, 0), STOCKHOLM), Recurrence.WEEKLY, 11),
                deadline(4, "Månadsrapport", new Due(LocalDate.of(2027, 1, 31), null, STOCKHOLM), Recurrence.MONTHLY, 31)),
                STOCKHOLM, Language.SV, NOW);
    }

    @Test
    void write_timedAllDayWeeklyAndMonthly_passesIcal4jValidation() throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(fourKinds()));

        ValidationResult result = parsed.validate(true);

        assertThat(result.getEntries()).isEmpty();
        assertThat(result.hasErrors()).isFalse();
        assertThat(parsed.<VEvent>getComponents(Component.VEVENT)).hasSize(4);
    }

    @Test
    void write_eachEvent_hasExactlyOneDtstampAndOneUid() throws Exception {
        String ics = fourKinds();
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));

        for (VEvent event : parsed.<VEvent>getComponents(Component.VEVENT)) {
            assertThat(event.getProperties("DTSTAMP")).as(event.getUid().map(Object::toString).orElse("?")).hasSize(1);
            assertThat(event.getProperties("UID")).hasSize(1);
            assertThat(event.getProperty("DTSTAMP").orElseThrow().getValue()).isEqualTo("20261204T100000Z");
        }
        // also in the raw text: RFC 5545 allows DTSTAMP once per VEVENT
        assertThat(Pattern.compile("^DTSTAMP", Pattern.MULTILINE).matcher(ics).results().count()).isEqualTo(4);
    }

    @Test
    void write_titleWithSemicolonCommaNewlineAndEmoji_survivesTheRoundTrip() throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(fourKinds()));

        assertThat(parsed.<VEvent>getComponents(Component.VEVENT))
                .extracting(e -> e.getSummary().getValue())
                .contains("Kommunstyrelsen; beslut, mandat\noch budget 🗓️");
    }

    @Test
    void write_noDeadlines_isStillAValidCalendar() throws Exception {
        String ics = feed.write(List.of(), STOCKHOLM, Language.EN, NOW);

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));

        assertThat(parsed.validate(true).hasErrors()).isFalse();
        assertThat(ics).contains("X-WR-CALNAME:").contains("TZID:Europe/Stockholm").doesNotContain("TZURL");
    }

    @Test
    void write_noDeadlines_namesTheTeamsOwnZone() {
        String ics = feed.write(List.of(), ZoneId.of("Europe/Helsinki"), Language.SV, NOW);

        assertThat(ics).contains("TZID:Europe/Helsinki").doesNotContain("Europe/Stockholm");
    }
}
