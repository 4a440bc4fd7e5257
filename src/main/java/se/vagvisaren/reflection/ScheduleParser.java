package se.vagvisaren.reflection;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when to launch from a chat message, in Swedish or English: a weekly series ("varje måndag kl 9 i
 * fyra veckor", "varannan fredag kl 14.30 3 gånger", "every Monday at 9 for four weeks") or one point in
 * time ("den 3 december kl 10", "2026-12-03 10:00", "i morgon kl 9", "på fredag kl 13", "kl 15").
 * No maintained Java library parses Swedish dates, hence this small rule set. A date without a time
 * means 09:00; a day and month without a year that has passed means next year.
 */
final class ScheduleParser {

    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private static final String WEEKDAY = "(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday)(?:ar|en|s)?";
    private static final String NUMBER = "(\\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String MONTH = "(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
            + "|december|january|february|march|may|june|july|august|october|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct"
            + "|nov|dec)";

    private static final Pattern SERIES = unicode("\\b(varje|varannan|every other|every)\\s+" + WEEKDAY + "\\b");
    private static final Pattern WEEKS = unicode("\\b(?:i|for|under)\\s+" + NUMBER + "\\s+(?:veckor|vecka|weeks|week)\\b");
    private static final Pattern TIMES = unicode("\\b" + NUMBER + "\\s+(?:gånger|times|tillfällen)\\b");
    private static final Pattern CLOCK = unicode("\\b(?:kl|klockan|at)\\.?\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\b");
    private static final Pattern HH_MM = unicode("\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern AM_PM = unicode("\\b(\\d{1,2})\\s*(am|pm)\\b");
    private static final Pattern ISO = unicode("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2}))?\\b");
    private static final Pattern DAY_MONTH = unicode("\\b(\\d{1,2})(?:e|a|st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b");
    private static final Pattern MONTH_DAY = unicode("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern SLASH = unicode("\\b(\\d{1,2})/(\\d{1,2})\\b");
    private static final Pattern RELATIVE = unicode("\\b(i dag|idag|today|i morgon|imorgon|tomorrow|i övermorgon|iövermorgon)\\b");
    private static final Pattern NAMED_DAY = unicode("\\b(?:på|nästa|on|next)\\s+" + WEEKDAY + "\\b");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("en", 1), Map.entry("ett", 1), Map.entry("två", 2), Map.entry("tre", 3), Map.entry("fyra", 4),
            Map.entry("fem", 5), Map.entry("sex", 6), Map.entry("sju", 7), Map.entry("åtta", 8), Map.entry("nio", 9),
            Map.entry("tio", 10), Map.entry("elva", 11), Map.entry("tolv", 12), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private ScheduleParser() {
    }

    /** Word boundaries that know å, ä and ö on every JDK (JDK 19 made {@code \\b} ASCII-only by default). */
    private static Pattern unicode(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * A schedule read from text: launch times in order, or why they cannot be used.
     *
     * @param times   launch times in the conversation's zone, soonest first; empty when there is a problem
     * @param problem {@code null} when the times can be used
     */
    record Parsed(List<ZonedDateTime> times, Problem problem) {
        enum Problem { PAST, TOO_MANY, COUNT_MISSING }

        static Parsed of(Problem problem) {
            return new Parsed(List.of(), problem);
        }
    }

    /**
     * @param now            the current time in the conversation's zone
     * @param maxOccurrences most launches a series may have
     * @return empty when the text names no time at all
     */
    static Optional<Parsed> parse(String text, ZonedDateTime now, int maxOccurrences) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.forLanguageTag("sv"));
        LocalTime time = time(lower);
        Matcher series = SERIES.matcher(lower);
        if (series.find()) {
            return Optional.of(series(lower, series, time, now, maxOccurrences));
        }
        LocalDate date = date(lower, now.toLocalDate());
        if (date == null && time == null) {
            return Optional.empty();
        }
        ZonedDateTime at = ZonedDateTime.of(date != null ? date : now.toLocalDate(), time != null ? time : DEFAULT_TIME,
                now.getZone());
        if (!at.isAfter(now)) {
            return Optional.of(Parsed.of(Parsed.Problem.PAST));
        }
        return Optional.of(new Parsed(List.of(at), null));
    }

    private static Parsed series(String lower, Matcher series, LocalTime time, ZonedDateTime now, int maxOccurrences) {
        int interval = series.group(1).startsWith("varannan") || series.group(1).equals("every other") ? 2 : 1;
        DayOfWeek day = weekday(series.group(2));
        Integer count = null;
        Matcher weeks = WEEKS.matcher(lower);
        Matcher times = TIMES.matcher(lower);
        if (times.find()) {
            count = number(times.group(1));
        } else if (weeks.find()) {
            count = (number(weeks.group(1)) + interval - 1) / interval;
        }
        if (count == null || count < 1) {
            return Parsed.of(Parsed.Problem.COUNT_MISSING);
        }
        if (count > maxOccurrences) {
            return Parsed.of(Parsed.Problem.TOO_MANY);
        }
        LocalTime at = time != null ? time : DEFAULT_TIME;
        ZonedDateTime first = ZonedDateTime.of(now.toLocalDate().with(TemporalAdjusters.nextOrSame(day)), at, now.getZone());
        if (!first.isAfter(now)) {
            first = first.plusWeeks(1);
        }
        List<ZonedDateTime> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Built from the local date each time, so a series keeps "kl 9" across the switch to summer time.
            out.add(ZonedDateTime.of(first.toLocalDate().plusWeeks((long) i * interval), at, now.getZone()));
        }
        return new Parsed(List.copyOf(out), null);
    }

    private static LocalTime time(String lower) {
        Matcher clock = CLOCK.matcher(lower);
        if (clock.find()) {
            return clock(clock.group(1), clock.group(2), clock.group(3));
        }
        Matcher hhmm = HH_MM.matcher(lower);
        if (hhmm.find()) {
            return clock(hhmm.group(1), hhmm.group(2), null);
        }
        Matcher ampm = AM_PM.matcher(lower);
        if (ampm.find()) {
            return clock(ampm.group(1), null, ampm.group(2));
        }
        Matcher iso = ISO.matcher(lower);
        if (iso.find() && iso.group(4) != null) {
            return clock(iso.group(4), iso.group(5), null);
        }
        return null;
    }

    private static LocalTime clock(String hours, String minutes, String amPm) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if ("pm".equals(amPm) && h < 12) {
            h += 12;
        } else if ("am".equals(amPm) && h == 12) {
            h = 0;
        }
        return h > 23 || m > 59 ? null : LocalTime.of(h, m);
    }

    private static LocalDate date(String lower, LocalDate today) {
        try {
            Matcher iso = ISO.matcher(lower);
            if (iso.find()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            Matcher dayMonth = DAY_MONTH.matcher(lower);
            if (dayMonth.find()) {
                return upcoming(today, month(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)));
            }
            Matcher monthDay = MONTH_DAY.matcher(lower);
            if (monthDay.find()) {
                return upcoming(today, month(monthDay.group(1)), Integer.parseInt(monthDay.group(2)));
            }
            Matcher slash = SLASH.matcher(lower);
            if (slash.find()) {
                return upcoming(today, Integer.parseInt(slash.group(2)), Integer.parseInt(slash.group(1)));
            }
        } catch (DateTimeException invalidDate) {
            return null;
        }
        Matcher relative = RELATIVE.matcher(lower);
        if (relative.find()) {
            String word = relative.group(1).replace(" ", "");
            return word.contains("över") ? today.plusDays(2)
                    : word.equals("imorgon") || word.equals("tomorrow") ? today.plusDays(1) : today;
        }
        Matcher named = NAMED_DAY.matcher(lower);
        if (named.find()) {
            return today.with(TemporalAdjusters.next(weekday(named.group(1))));
        }
        return null;
    }

    private static LocalDate upcoming(LocalDate today, int month, int day) {
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isBefore(today) ? date.plusYears(1) : date;
    }

    private static int month(String name) {
        return switch (name.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "maj", "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "okt", "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static DayOfWeek weekday(String name) {
        return switch (name.substring(0, 3)) {
            case "mån", "mon" -> DayOfWeek.MONDAY;
            case "tis", "tue" -> DayOfWeek.TUESDAY;
            case "ons", "wed" -> DayOfWeek.WEDNESDAY;
            case "tor", "thu" -> DayOfWeek.THURSDAY;
            case "fre", "fri" -> DayOfWeek.FRIDAY;
            case "lör", "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static int number(String word) {
        Integer n = NUMBERS.get(word);
        return n != null ? n : Integer.parseInt(word);
    }
}
