package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Says dates and times the way people write them ("måndag 15 mars kl. 10:00", "i morgon"). The patterns
 * are reply texts ({@code deadlines.format.*}), so they can be changed without a release. All in the
 * deadline's zone.
 */
@Component
@RequiredArgsConstructor
class DueWords {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

    private final ReplyTexts texts;

    /** The due date and time; the year is added when it is not this year. */
    String when(Due due, Language language, Instant now) {
        boolean sameYear = due.date().getYear() == now.atZone(due.zone()).getYear();
        String key = (due.allDay() ? "deadlines.format.date" : "deadlines.format.dateTime") + (sameYear ? "" : "Year");
        ZonedDateTime at = due.allDay() ? due.date().atStartOfDay(due.zone())
                : ZonedDateTime.of(due.date(), due.time(), due.zone());
        return DateTimeFormatter.ofPattern(texts.get(language, key), locale(language)).format(at);
    }

    /** A moment (a nudge time) in the zone, date and time. */
    String moment(Instant at, java.time.ZoneId zone, Language language, Instant now) {
        ZonedDateTime local = at.atZone(zone);
        return when(new Due(local.toLocalDate(), local.toLocalTime(), zone), language, now);
    }

    /** How far the due date is from {@code at}, in days: "i dag", "i morgon", "om 7 dagar", "i går"... */
    String relative(Due due, Instant at, Language language) {
        LocalDate from = at.atZone(due.zone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(from, due.date());
        if (days == 0) {
            return texts.get(language, "deadlines.relative.today");
        } else if (days == 1) {
            return texts.get(language, "deadlines.relative.tomorrow");
        } else if (days == -1) {
            return texts.get(language, "deadlines.relative.yesterday");
        } else if (days > 1) {
            return texts.get(language, "deadlines.relative.inDays", "days", days);
        }
        return texts.get(language, "deadlines.relative.daysAgo", "days", -days);
    }

    static Locale locale(Language language) {
        return language == Language.EN ? ENGLISH : SWEDISH;
    }
}
