package se.vagvisaren.safeguarding;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds personnummer and samordningsnummer: 10 digits (YYMMDD-NNNC) or 12 (YYYYMMDD-NNNC), written
 * together, with {@code -}, {@code +}, a dot or a space before the last four, or spaced out digit by digit. The date
 * must exist (a samordningsnummer adds 60 to the day) and the last digit must be the Luhn check digit
 * of the other nine, which is what keeps dates, amounts and case numbers out.
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

    private static final Set<Integer> SPLITS_12 = Set.of(4, 6, 8);
    private static final Set<Integer> SPLITS_10 = Set.of(2, 4, 6);

    private IdentityNumbers() {
    }

    static List<Hit> find(DigitRuns.Run run) {
        List<Hit> hits = new ArrayList<>();
        List<DigitRuns.Group> groups = run.groups();
        int from = 0;
        while (from < groups.size()) {
            Hit hit = longestAt(run, from);
            if (hit != null) {
                hits.add(hit);
                from = hit.to() + 1;
            } else {
                from++;
            }
        }
        return hits;
    }

    private static Hit longestAt(DigitRuns.Run run, int from) {
        List<DigitRuns.Group> groups = run.groups();
        int total = 0;
        int best = -1;
        PersonalDataFinding.Kind bestKind = null;
        for (int to = from; to < groups.size() && total < 12; to++) {
            total += groups.get(to).length();
            if (total != 10 && total != 12) {
                continue;
            }
            PersonalDataFinding.Kind kind = classify(run, from, to, total);
            if (kind != null) {
                best = to;
                bestKind = kind;
            }
        }
        return best < 0 ? null : new Hit(run, from, best, bestKind);
    }

    private static PersonalDataFinding.Kind classify(DigitRuns.Run run, int from, int to, int total) {
        List<DigitRuns.Group> groups = run.groups().subList(from, to + 1);
        StringBuilder joined = new StringBuilder(total);
        groups.forEach(g -> joined.append(g.digits()));
        String digits = joined.toString();
        if (!layoutFits(groups, total) || continuesAsDate(run, to)) {
            return null;
        }
        // Glued 07xxxxxxxx is far more often a mobile number than a personnummer from 2007.
        if (groups.size() == 1 && total == 10 && digits.charAt(0) == '0' && digits.charAt(1) == '7') {
            return null;
        }
        String ten = total == 12 ? digits.substring(2) : digits;
        if (total == 12 && !(digits.startsWith("18") || digits.startsWith("19") || digits.startsWith("20"))) {
            return null;
        }
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = Integer.parseInt(ten.substring(4, 6));
        boolean coordination = day > 60;
        int realDay = coordination ? day - 60 : day;
        if (!validDate(total == 12 ? digits.substring(0, 4) : ten.substring(0, 2), month, realDay)
                || !luhnValid(ten)) {
            return null;
        }
        return coordination ? PersonalDataFinding.Kind.SAMORDNINGSNUMMER : PersonalDataFinding.Kind.PERSONNUMMER;
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

    private static boolean validDate(String year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        if (year.length() == 4) {
            return YearMonth.of(Integer.parseInt(year), month).isValidDay(day);
        }
        int yy = Integer.parseInt(year);
        return YearMonth.of(1900 + yy, month).isValidDay(day) || YearMonth.of(2000 + yy, month).isValidDay(day);
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
