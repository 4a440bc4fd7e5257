package se.vagvisaren.safeguarding;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personnummer and samordningsnummer: 10 digits (YYMMDD-NNNC) or 12 (YYYYMMDD-NNNC), written
 * together, with {@code -}, {@code +}, a dot or a space before the last four, or spaced out digit by digit. The date
 * must exist (a samordningsnummer adds 60 to the day).
 *
 * <p>How a number is written decides whether the check digit matters. The usual written form is personal
 * data whatever its last digit, because people mistype: a date and four digits split by {@code -}, {@code +}
 * (people aged 100 or more) or a space, twelve digits written together that start with a real birth date
 * that is not in the future, and ten digits together right after a word such as "personnummer" or "pnr".
 * Everything else (ten digits together, digits spaced out one by one, a dot before the last four, and any
 * number right after a reference word such as "ärende" or "faktura") counts only when the last digit is
 * the Luhn check digit of the other nine, which keeps order numbers, amounts and case numbers out.
 */
final class IdentityNumbers {

    /** Where a number was found: groups {@code from..to} (inclusive) of a run. */
    record Hit(DigitRuns.Run run, int from, int to, PersonalDataFinding.Kind kind) {
        int start() {
            return run.groups().get(from).start();
        }

        int end() {
            return run.groups().get(to).end();
        }
    }

    /**
     * What surrounds a run, beyond its digits.
     *
     * @param today          the local date; a birth date after it is no birth date
     * @param identityCue    a word such as "personnummer" or "pnr" stands among the few words before the run
     * @param referenceCue   a reference word ("ärende", "faktura") stands right before the run
     */
    record Cues(LocalDate today, boolean identityCue, boolean referenceCue) {
    }

    private static final Set<Integer> SPLITS_12 = Set.of(4, 6, 8);
    private static final Set<Integer> SPLITS_10 = Set.of(2, 4, 6);
    /** How far back an identity word may stand: "pnr är 850101…", "personnumret till eleven: 850101…". */
    private static final int CUE_WORDS = 4;
    private static final int CUE_CHARS = 60;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private IdentityNumbers() {
    }

    /** Whether one of {@code words} is among the last few words before {@code start} in the folded text. */
    static boolean wordBefore(String folded, int start, Set<String> words) {
        String before = folded.substring(Math.max(0, start - CUE_CHARS), start);
        Matcher m = WORD.matcher(before);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group().toLowerCase(Locale.ROOT));
        }
        for (int k = Math.max(0, seen.size() - CUE_WORDS); k < seen.size(); k++) {
            if (words.contains(seen.get(k))) {
                return true;
            }
        }
        return false;
    }

    static List<Hit> find(DigitRuns.Run run, Cues cues) {
        List<Hit> hits = new ArrayList<>();
        List<DigitRuns.Group> groups = run.groups();
        int from = 0;
        while (from < groups.size()) {
            Hit hit = longestAt(run, from, cues);
            if (hit != null) {
                hits.add(hit);
                from = hit.to() + 1;
            } else {
                from++;
            }
        }
        return hits;
    }

    private static Hit longestAt(DigitRuns.Run run, int from, Cues cues) {
        List<DigitRuns.Group> groups = run.groups();
        int total = 0;
        int best = -1;
        PersonalDataFinding.Kind bestKind = null;
        for (int to = from; to < groups.size() && total < 12; to++) {
            total += groups.get(to).length();
            if (total != 10 && total != 12) {
                continue;
            }
            PersonalDataFinding.Kind kind = classify(run, from, to, total, cues);
            if (kind != null) {
                best = to;
                bestKind = kind;
            }
        }
        return best < 0 ? null : new Hit(run, from, best, bestKind);
    }

    private static PersonalDataFinding.Kind classify(DigitRuns.Run run, int from, int to, int total, Cues cues) {
        List<DigitRuns.Group> groups = run.groups().subList(from, to + 1);
        StringBuilder joined = new StringBuilder(total);
        groups.forEach(g -> joined.append(g.digits()));
        String digits = joined.toString();
        if (!layoutFits(groups, total) || continuesAsDate(run, to)) {
            return null;
        }
        if (total == 12 && !(digits.startsWith("18") || digits.startsWith("19") || digits.startsWith("20"))) {
            return null;
        }
        String ten = total == 12 ? digits.substring(2) : digits;
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = Integer.parseInt(ten.substring(4, 6));
        boolean coordination = day > 60;
        int realDay = coordination ? day - 60 : day;
        boolean centenarian = groups.size() == 2 && groups.get(1).separator().contains("+");
        String year = total == 12 ? digits.substring(0, 4) : ten.substring(0, 2);
        LocalDate born = birthDate(year, month, realDay, centenarian, cues.today());
        if (born == null) {
            return null;
        }
        boolean found = luhnValid(ten) ? !gluedMobileNumber(groups, digits)
                : !cues.referenceCue() && writtenAsIdentityNumber(groups, total, cues) && endsTheNumber(run, to)
                        && !born.isAfter(cues.today());
        if (!found) {
            return null;
        }
        return coordination ? PersonalDataFinding.Kind.SAMORDNINGSNUMMER : PersonalDataFinding.Kind.PERSONNUMMER;
    }

    /** Glued 07xxxxxxxx is far more often a mobile number than a personnummer from 2007. */
    private static boolean gluedMobileNumber(List<DigitRuns.Group> groups, String digits) {
        return groups.size() == 1 && digits.length() == 10 && digits.startsWith("07");
    }

    /**
     * The usual written form, which counts whatever the check digit: date and four digits split by
     * {@code -}, {@code +} or a space; twelve digits together; ten together after a word like "pnr".
     */
    private static boolean writtenAsIdentityNumber(List<DigitRuns.Group> groups, int total, Cues cues) {
        if (groups.size() == 1) {
            return total == 12 || cues.identityCue();
        }
        if (groups.size() != 2 || groups.get(1).length() != 4) {
            return false;
        }
        String separator = groups.get(1).separator().replace(" ", "");
        return separator.isEmpty() || separator.equals("-") || separator.equals("+");
    }

    /**
     * Whether the four last digits end the number: "20261204 1000-1200" is a date and a time range, so the
     * form alone does not make it a personnummer (its check digit still can).
     */
    private static boolean endsTheNumber(DigitRuns.Run run, int to) {
        return to + 1 >= run.groups().size() || run.groups().get(to + 1).separator().isBlank();
    }

    /**
     * The birth date, or {@code null} when there is none. A two-digit year is the latest century that puts
     * the date on or before today, one century earlier after {@code +}.
     */
    private static LocalDate birthDate(String year, int month, int day, boolean centenarian, LocalDate today) {
        if (month < 1 || month > 12 || day < 1) {
            return null;
        }
        if (year.length() == 4) {
            return date(Integer.parseInt(year), month, day);
        }
        int yy = Integer.parseInt(year);
        int century = today.getYear() / 100 * 100;
        LocalDate candidate = date(century + yy, month, day);
        if (candidate == null || candidate.isAfter(today)) {
            candidate = date(century - 100 + yy, month, day);
        }
        if (candidate != null && centenarian) {
            candidate = date(candidate.getYear() - 100, month, day);
        }
        return candidate;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return YearMonth.of(year, month).isValidDay(day) ? LocalDate.of(year, month, day) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Written together, split only at date boundaries, or spaced out in ones and twos. */
    private static boolean layoutFits(List<DigitRuns.Group> groups, int total) {
        if (groups.size() == 1) {
            return true;
        }
        for (int k = 1; k < groups.size(); k++) {
            // A dot is accepted only before the last four digits (YYMMDD.NNNC), never inside the date.
            String allowed = k == groups.size() - 1 ? "[-+.]?" : "[-+]?";
            if (!groups.get(k).separator().replace(" ", "").matches(allowed)) {
                return false;
            }
        }
        if (groups.stream().allMatch(g -> g.length() <= 2)) {
            return true;
        }
        Set<Integer> splits = total == 12 ? SPLITS_12 : SPLITS_10;
        int position = 0;
        for (int k = 0; k < groups.size() - 1; k++) {
            position += groups.get(k).length();
            if (!splits.contains(position)) {
                return false;
            }
        }
        String last = groups.get(groups.size() - 1).separator();
        return groups.get(groups.size() - 1).length() == 4 && (last.trim().matches("[-+.]") || last.equals(" "));
    }

    /** "2024-01-01 - 2024-12-31": the 4-digit tail is a year followed by month and day. */
    private static boolean continuesAsDate(DigitRuns.Run run, int to) {
        if (to + 1 >= run.groups().size()) {
            return false;
        }
        DigitRuns.Group next = run.groups().get(to + 1);
        return next.length() <= 2 && next.separator().trim().matches("[-/.]");
    }

    /** Luhn check over ten digits (weights 2,1,2,1… from the left), as Skatteverket defines it. */
    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
