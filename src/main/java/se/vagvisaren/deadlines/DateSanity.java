package se.vagvisaren.deadlines;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;

/**
 * Finds dates and times in a message that cannot exist ("31 februari", "vecka 60", "kl 25"), so the bot
 * can say exactly what is wrong instead of silently ignoring them. Pure; only explicit numbers are
 * checked, relative words are the NLU's business.
 */
final class DateSanity {

    /**
     * What is wrong, as a reply text key under {@code deadlines.invalid} and its placeholder values.
     */
    record Finding(String key, List<Object> args) {
        Object[] nameValuePairs() {
            return args.toArray();
        }
    }

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("januari", Month.JANUARY), Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("februari", Month.FEBRUARY), Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("mars", Month.MARCH), Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("maj", Month.MAY), Map.entry("may", Month.MAY),
            Map.entry("juni", Month.JUNE), Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("juli", Month.JULY), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("augusti", Month.AUGUST), Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("oktober", Month.OCTOBER), Map.entry("october", Month.OCTOBER), Map.entry("okt", Month.OCTOBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));
    private static final String MONTH = "(januari|january|februari|february|mars|march|april|maj|may|juni|june|juli|july"
            + "|augusti|august|september|oktober|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)";
    /** Unicode classes: since Java 19, \b without them treats å, ä and ö as non-letters (JDK-8282129). */
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d:./-])(\\d{1,3})(?::e|e|a|st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b", F);
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,3})(?:st|nd|rd|th)?\\b(?![:.]\\d)", F);
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SLASH = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");
    private static final Pattern WEEK = Pattern.compile("\\b(?:vecka|veckan|v\\.?|week|wk)\\s*(\\d{1,4})\\b", F);
    private static final Pattern CLOCK = Pattern.compile("\\b(?:kl\\.?|klockan|at)\\s*(\\d{1,3})(?:[:.](\\d{2}))?\\b", F);
    private static final Pattern HH_MM = Pattern.compile("(?<![\\d:.])(\\d{1,2}):(\\d{2})(?![\\d:])");

    private DateSanity() {
    }

    /** The first impossible date or time in the text, if any. */
    static Optional<Finding> check(String text, Language language, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Locale locale = DueWords.locale(language);
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            Optional<Finding> f = dayInMonth(m.group(), Integer.parseInt(m.group(1)), month(m.group(2)), locale);
            if (f.isPresent()) {
                return f;
            }
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            Optional<Finding> f = dayInMonth(m.group(), Integer.parseInt(m.group(2)), month(m.group(1)), locale);
            if (f.isPresent()) {
                return f;
            }
        }
        m = ISO.matcher(text);
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return Optional.of(new Finding("deadlines.invalid.unreadable", List.of("text", m.group())));
            }
            try {
                LocalDate.of(Integer.parseInt(m.group(1)), month, Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return dayInMonth(m.group(), Integer.parseInt(m.group(3)), Month.of(month), locale);
            }
        }
        m = SLASH.matcher(text);
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return Optional.of(new Finding("deadlines.invalid.unreadable", List.of("text", m.group())));
            }
            Optional<Finding> f = dayInMonth(m.group(), Integer.parseInt(m.group(1)), Month.of(month), locale);
            if (f.isPresent()) {
                return f;
            }
        }
        m = WEEK.matcher(text);
        while (m.find()) {
            int week = Integer.parseInt(m.group(1));
            if (week < 1 || week > 53 || week == 53 && !has53Weeks(today.getYear()) && !has53Weeks(today.getYear() + 1)) {
                return Optional.of(new Finding("deadlines.invalid.noSuchWeek", List.of("week", week)));
            }
        }
        m = CLOCK.matcher(text);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour > 24 || minute > 59 || hour == 24 && minute > 0) {
                return Optional.of(new Finding("deadlines.invalid.noSuchTime", List.of("text", m.group())));
            }
        }
        m = HH_MM.matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
                return Optional.of(new Finding("deadlines.invalid.noSuchTime", List.of("text", m.group())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> dayInMonth(String text, int day, Month month, Locale locale) {
        if (day >= 1 && day <= month.maxLength()) {
            return Optional.empty();
        }
        if (day == 0 || day > 31) {
            return Optional.of(new Finding("deadlines.invalid.unreadable", List.of("text", text.trim())));
        }
        return Optional.of(new Finding("deadlines.invalid.noSuchDate", List.of("text", text.trim(),
                "month", month.getDisplayName(TextStyle.FULL, locale), "days", month.maxLength())));
    }

    private static Month month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static boolean has53Weeks(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == 53;
    }
}
