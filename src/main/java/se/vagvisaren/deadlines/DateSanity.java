package se.vagvisaren.deadlines;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.dates.RejectedDate;

/**
 * Which reply explains a date the parser rejected ("31 februari", "vecka 60", "kl 25"), so the bot can
 * say exactly what is wrong instead of silently ignoring it. Only the wording is decided here; what
 * counts as impossible is the date parser's.
 */
final class DateSanity {

    /**
     * What is wrong, as a reply text key under {@code deadlines.invalid} and its placeholder values.
     */
    record Finding(String key, List<Object> args) {
        Object[] nameValuePairs() {
            return args.toArray();
        }

        static Finding unreadable(String text) {
            return new Finding("deadlines.invalid.unreadable", List.of("text", text));
        }
    }

    private DateSanity() {
    }

    /** The reply for the first impossible date or time in the message, if any. */
    static Optional<Finding> first(List<RejectedDate> rejected, Language language) {
        return rejected.stream().findFirst().map(r -> finding(r, language));
    }

    private static Finding finding(RejectedDate rejected, Language language) {
        String text = rejected.text().strip();
        return switch (rejected.reason()) {
            case NO_SUCH_DATE -> rejected.month() == null ? Finding.unreadable(text)
                    : new Finding("deadlines.invalid.noSuchDate", List.of("text", text,
                            "month", rejected.month().getDisplayName(TextStyle.FULL, DueWords.locale(language)),
                            "days", rejected.monthDays()));
            case NO_SUCH_WEEK -> new Finding("deadlines.invalid.noSuchWeek", List.of("week", rejected.week()));
            case NO_SUCH_TIME -> new Finding("deadlines.invalid.noSuchTime", List.of("text", text));
        };
    }
}
