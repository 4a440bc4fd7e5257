package se.vagvisaren.language.dates;

import static se.vagvisaren.language.dates.DateWords.MONTH_PATTERN;
import static se.vagvisaren.language.dates.DateWords.NUMBER_PATTERN;
import static se.vagvisaren.language.dates.DateWords.WEEKDAY_PATTERN;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of date and time expressions, Swedish and English, matched on folded lower-case text
 * ("nästa" is seen as "nasta"). Each row is a pattern and how to read a match against "now"; the
 * conventions are documented in docs/dates.md.
 */
final class DateRules {

    /** Reads one match; {@code null} when the match turns out not to be a date at all. */
    interface Reader {
        DatePiece read(Matcher m, ZonedDateTime now);
    }

    record Rule(String name, Pattern pattern, Reader reader) {
    }

    private static final String NUM = "(" + NUMBER_PATTERN + ")";
    private static final String ORDINAL = "(?::?e|:a|st|nd|rd|th)?";

    static final List<Rule> RULES = List.of(
            rule("iso date", "(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])",
                    (m, now) -> explicitDate(m, ints(m, 1), ints(m, 2), ints(m, 3))),
            rule("numeric day/month", "\\b(?:den\\s+)?(?<![\\d/.])(\\d{1,2})/(\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?![\\d/])",
                    (m, now) -> dayMonth(m, now, ints(m, 1), ints(m, 2), m.group(3))),
            rule("day month name", "\\b(?:den\\s+|the\\s+)?(\\d{1,2})" + ORDINAL + "(?:\\s+of)?\\s+(" + MONTH_PATTERN
                            + ")\\b\\.?(?:,?\\s+(\\d{4})(?!\\d))?",
                    (m, now) -> dayMonth(m, now, ints(m, 1), DateWords.month(m.group(2)), m.group(3))),
            rule("month name day", "\\b(" + MONTH_PATTERN + ")\\.?\\s+(?:the\\s+)?(\\d{1,2})" + ORDINAL
                            + "(?![\\d:.]\\d)(?:,?\\s+(\\d{4})(?!\\d))?\\b",
                    (m, now) -> dayMonth(m, now, ints(m, 2), DateWords.month(m.group(1)), m.group(3))),
            rule("relative day", "\\b(i\\s?dag|today|i\\s?morgon|imorn|imorron|i morron|tomorrow|i\\s?overmorgon"
                            + "|overmorgon|(?:the\\s+)?day after tomorrow|i\\s?gar|yesterday)\\b",
                    (m, now) -> DatePiece.date(m.start(), m.end(), now.toLocalDate().plusDays(dayOffset(m.group(1))))),
            rule("weekday next week", "\\b(" + WEEKDAY_PATTERN + ")\\s+(?:nasta vecka|next week)\\b",
                    (m, now) -> DatePiece.date(m.start(), m.end(), nextWeek(now, DateWords.weekday(m.group(1))))),
            rule("weekday", "\\b(?:(nasta|next|kommande|pa|on|this|this coming|nu pa)\\s+)?(" + WEEKDAY_PATTERN + ")\\b",
                    (m, now) -> DatePiece.date(m.start(), m.end(), weekday(now, m.group(1), DateWords.weekday(m.group(2))))),
            rule("next week", "\\b(?:nasta vecka|next week)\\b",
                    (m, now) -> DatePiece.date(m.start(), m.end(), nextWeek(now, DayOfWeek.MONDAY))),
            rule("iso week", "\\b(?:vecka|veckan|week|wk|v)(?:\\.\\s*|\\s*)(\\d{1,2})(?![\\d.:/])(?:,?\\s+(\\d{4})(?!\\d))?",
                    (m, now) -> isoWeek(m, now, ints(m, 1), m.group(2))),
            rule("end of month", "\\b(?:(?:i\\s+)?slutet\\s+(?:av|pa)\\s+|(?:at\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?"
                            + "|(?:den\\s+)?sista\\s+dagen\\s+(?:i|av|pa)\\s+|(?:on\\s+)?(?:the\\s+)?last\\s+day\\s+of\\s+(?:the\\s+)?)"
                            + "(manaden|month|" + MONTH_PATTERN + ")\\b",
                    (m, now) -> endOfMonth(m, now, m.group(1))),
            // Only with a month name: "sista månaden" alone means the past month, not a day.
            rule("last of month", "\\b(?:den\\s+)?sista\\s+(" + MONTH_PATTERN + ")\\b",
                    (m, now) -> endOfMonth(m, now, m.group(1))),
            rule("in n days", "\\b(?:om|in)\\s+" + NUM + "\\s+(dagar|dag|days?|veckor|vecka|weeks?|manader|manad"
                            + "|months?|ar|years?)\\b",
                    (m, now) -> inDays(m, now, DateWords.number(m.group(1)), m.group(2))),
            rule("in n minutes", "\\b(?:om|in)\\s+(?:(?:en|an|a)\\s+)?(halvtimme|halvtimma|kvart|half an hour)\\b",
                    (m, now) -> elapsed(m, now, m.group(1).startsWith("kvart") ? 15 : 30)),
            rule("in n minutes or hours", "\\b(?:om|in)\\s+" + NUM + "\\s+(minuter|minut|min|minutes?|mins?|timmar"
                            + "|timme|timma|tim|hours?|hrs?|h)\\b",
                    (m, now) -> elapsed(m, now, DateWords.number(m.group(1)) * (m.group(2).startsWith("m") ? 1 : 60))),
            rule("klockan", "\\b(?:kl|klockan)\\.?\\s*(\\d{1,2})(?:[.:](\\d{2}))?(?![\\d])",
                    (m, now) -> clock(m, ints(m, 1), m.group(2) == null ? 0 : ints(m, 2), null)),
            rule("am pm", "\\b(?:at\\s+)?(\\d{1,2})(?:[.:](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])",
                    (m, now) -> clock(m, ints(m, 1), m.group(2) == null ? 0 : ints(m, 2), m.group(3).substring(0, 1))),
            rule("at hour", "\\bat\\s+(\\d{1,2})(?:[.:](\\d{2}))?(?![\\d.:%])(?!\\s*(?:%|percent|procent))",
                    (m, now) -> clock(m, officeHour(ints(m, 1)), m.group(2) == null ? 0 : ints(m, 2), null)),
            rule("hour dot minute", "(?<![\\d.:/,-])(\\d{1,2})[.:](\\d{2})(?![\\d])(?![.:/,]\\d)(?!\\s*(?:kr|sek|%|procent|percent))",
                    (m, now) -> ints(m, 1) > 23 || ints(m, 2) > 59 ? impossibleClock(m) : clock(m, ints(m, 1), ints(m, 2), null)));

    private DateRules() {
    }

    private static Rule rule(String name, String regex, Reader reader) {
        // Unicode classes keep \b as it was before Java 19 (JDK-8282129), also for letters that folding keeps.
        return new Rule(name, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS), reader);
    }

    private static int ints(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static DatePiece explicitDate(Matcher m, int year, int month, int day) {
        try {
            return DatePiece.date(m.start(), m.end(), LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return noSuchDate(m, month, day, year);
        }
    }

    /** "31 april" names a real month (its length is worth telling); "40 mars" or month 13 does not. */
    private static DatePiece noSuchDate(Matcher m, int month, int day, Integer year) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return DatePiece.rejected(m.start(), m.end(), RejectedDate.Reason.NO_SUCH_DATE);
        }
        Month named = Month.of(month);
        int days = year == null ? named.maxLength() : YearMonth.of(year, month).lengthOfMonth();
        return DatePiece.noSuchDay(m.start(), m.end(), named, days);
    }

    /** Day and month with an optional year; without one, the next such day from today (bare past → next year). */
    private static DatePiece dayMonth(Matcher m, ZonedDateTime now, int day, int month, String yearText) {
        if (yearText != null) {
            int year = Integer.parseInt(yearText);
            return explicitDate(m, yearText.length() == 2 ? 2000 + year : year, month, day);
        }
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
            return noSuchDate(m, month, day, null);
        }
        MonthDay monthDay = MonthDay.of(month, day);
        LocalDate today = now.toLocalDate();
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            // 29 February waits for the next leap year.
            if (monthDay.isValidYear(year) && !monthDay.atYear(year).isBefore(today)) {
                return DatePiece.date(m.start(), m.end(), monthDay.atYear(year));
            }
        }
        return DatePiece.rejected(m.start(), m.end(), RejectedDate.Reason.NO_SUCH_DATE);
    }

    private static int dayOffset(String word) {
        String w = word.replace(" ", "");
        if (w.equals("idag") || w.equals("today")) {
            return 0;
        }
        if (w.equals("igar") || w.equals("yesterday")) {
            return -1;
        }
        return w.contains("over") || w.contains("after") ? 2 : 1;
    }

    /** "nästa fredag" / "next Friday" = Friday of next week; otherwise the coming one, never today. */
    private static LocalDate weekday(ZonedDateTime now, String qualifier, DayOfWeek day) {
        if (qualifier != null && (qualifier.equals("nasta") || qualifier.equals("next"))) {
            return nextWeek(now, day);
        }
        return now.toLocalDate().with(TemporalAdjusters.next(day));
    }

    private static LocalDate nextWeek(ZonedDateTime now, DayOfWeek day) {
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        return monday.plusDays(day.getValue() - 1L);
    }

    /** Monday of ISO week N; without a year, this year's unless that week is over, then next year's. */
    private static DatePiece isoWeek(Matcher m, ZonedDateTime now, int week, String yearText) {
        LocalDate today = now.toLocalDate();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int year = yearText != null ? Integer.parseInt(yearText) : today.get(IsoFields.WEEK_BASED_YEAR);
        LocalDate monday = mondayOfWeek(year, week);
        if (monday != null && yearText == null && monday.isBefore(thisMonday)) {
            monday = mondayOfWeek(year + 1, week);
        }
        return monday == null ? DatePiece.noSuchWeek(m.start(), m.end(), week)
                : DatePiece.date(m.start(), m.end(), monday);
    }

    private static LocalDate mondayOfWeek(int weekBasedYear, int week) {
        LocalDate mid = LocalDate.of(weekBasedYear, 7, 1);
        if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return null;
        }
        return mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    /** Last day of this month, or of the named month (this year's, or next year's once it is over). */
    private static DatePiece endOfMonth(Matcher m, ZonedDateTime now, String which) {
        LocalDate today = now.toLocalDate();
        LocalDate last = today.with(TemporalAdjusters.lastDayOfMonth());
        if (!which.equals("manaden") && !which.equals("month")) {
            last = today.withDayOfMonth(1).withMonth(DateWords.month(which)).with(TemporalAdjusters.lastDayOfMonth());
            if (last.isBefore(today)) {
                last = last.plusYears(1).with(TemporalAdjusters.lastDayOfMonth());
            }
        }
        return DatePiece.date(m.start(), m.end(), last);
    }

    /** Calendar arithmetic: "om två veckor" is the same weekday two weeks on, whatever DST does. */
    private static DatePiece inDays(Matcher m, ZonedDateTime now, int amount, String unit) {
        if (amount < 0) {
            return null;
        }
        ChronoUnit chrono = switch (unit.charAt(0)) {
            case 'd' -> ChronoUnit.DAYS;
            case 'v', 'w' -> ChronoUnit.WEEKS;
            case 'm' -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        return DatePiece.date(m.start(), m.end(), now.toLocalDate().plus(Math.min(amount, 100), chrono));
    }

    /** Elapsed time: "om 24 timmar" is 24 real hours on, so the wall clock moves across a DST change. */
    private static DatePiece elapsed(Matcher m, ZonedDateTime now, int minutes) {
        if (minutes < 0) {
            return null;
        }
        ZonedDateTime then = now.plus(Duration.ofMinutes(Math.min(minutes, 60L * 24 * 366)));
        return DatePiece.moment(m.start(), m.end(), then.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    }

    /** A time of day; {@code meridiem} is {@code a}, {@code p} or {@code null} for the 24-hour clock. */
    private static DatePiece clock(Matcher m, int hour, int minute, String meridiem) {
        int h = hour;
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return DatePiece.rejected(m.start(), m.end(), RejectedDate.Reason.NO_SUCH_TIME);
            }
            h = hour % 12 + (meridiem.equals("p") ? 12 : 0);
        }
        if (h > 23 || minute > 59) {
            return DatePiece.rejected(m.start(), m.end(), RejectedDate.Reason.NO_SUCH_TIME);
        }
        return DatePiece.time(m.start(), m.end(), LocalTime.of(h, minute));
    }

    /** "14:75" with a colon is a time that does not exist; "14.75" with a dot may just be a number. */
    private static DatePiece impossibleClock(Matcher m) {
        return m.group().contains(":") ? DatePiece.rejected(m.start(), m.end(), RejectedDate.Reason.NO_SUCH_TIME) : null;
    }

    /** English "at 3" without am/pm: 1–6 are read as afternoon office hours (15:00), 7–23 as written. */
    private static int officeHour(int hour) {
        return hour >= 1 && hour <= 6 ? hour + 12 : hour;
    }
}
