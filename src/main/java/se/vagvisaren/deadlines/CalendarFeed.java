package se.vagvisaren.deadlines;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * A team's open deadlines as an iCalendar (RFC 5545) feed for Outlook and other calendars, written with
 * ical4j. Timed deadlines are 30-minute events in UTC; whole-day deadlines are all-day events; weekly
 * and monthly series carry an RRULE (a monthly series on the 29th–31st falls on the last day of shorter
 * months, like the reminders do).
 */
@Component
@RequiredArgsConstructor
class CalendarFeed {

    /**
     * ical4j's bundled zone definitions (no network look-ups), created at the first feed: a holder class, because
     * creating the registry loads ical4j (about 80 classes), which the service's start need not wait for.
     */
    private static final class Zones {
        static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    }

    private final ReplyTexts texts;

    /**
     * The feed of {@code deadlines}.
     *
     * @param teamZone the team's zone ({@code admin.WorkspaceZones}), named in the feed when it has no deadline
     */
    String write(List<Deadline> deadlines, ZoneId teamZone, Language language, Instant now) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Vägvisaren//Deadlines//SV"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", texts.get(language, "deadlines.calendar.name")));
        // RFC 5545 wants at least one component: the zone's VTIMEZONE keeps an empty feed valid and tells
        // clients where the team works (events themselves are in UTC or whole days)
        deadlines.stream().map(d -> d.due().zone().getId()).distinct().sorted()
                .forEach(zone -> timeZone(zone).ifPresent(calendar::add));
        if (deadlines.isEmpty()) {
            timeZone(teamZone.getId()).ifPresent(calendar::add);
        }
        for (Deadline d : deadlines) {
            calendar.add(event(d, now));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Calendar feed did not validate", e);
        }
        return out.toString();
    }

    private static Optional<VTimeZone> timeZone(String zoneId) {
        TimeZone zone = Zones.REGISTRY.getTimeZone(zoneId);
        if (zone == null) {
            return Optional.empty();
        }
        // a copy without TZURL (the definition is complete; clients need not fetch anything) and named as asked:
        // ical4j's tz data resolves links, so Europe/Stockholm comes back as Europe/Berlin (same rules since 1980)
        VTimeZone copy = zone.getVTimeZone().copy();
        copy.removeAll("TZURL", "X-LIC-LOCATION");
        copy.replace(new TzId(zoneId));
        return Optional.of(copy);
    }

    private VEvent event(Deadline d, Instant now) {
        VEvent event = d.due().allDay()
                ? new VEvent(d.due().date(), Period.ofDays(1), d.title())
                : new VEvent(d.due().instant(), Duration.ofMinutes(30), d.title());
        event.add(new Uid("deadline-" + d.id() + "@vagvisaren"));
        // the VEvent constructor already stamped it with the wall clock; RFC 5545 allows one DTSTAMP
        event.replace(new DtStamp(now));
        event.add(new Description(texts.get(d.language(), "deadlines.calendar.description")));
        if (d.recurrence() == Recurrence.WEEKLY) {
            event.add(new RRule<>("FREQ=WEEKLY"));
        } else if (d.recurrence() == Recurrence.MONTHLY) {
            event.add(new RRule<>(monthlyRule(d.anchorDay())));
        }
        return event;
    }

    static String monthlyRule(int anchorDay) {
        if (anchorDay <= 28) {
            return "FREQ=MONTHLY;BYMONTHDAY=" + anchorDay;
        }
        String days = IntStream.rangeClosed(28, anchorDay).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return "FREQ=MONTHLY;BYMONTHDAY=" + days + ";BYSETPOS=-1";
    }
}
