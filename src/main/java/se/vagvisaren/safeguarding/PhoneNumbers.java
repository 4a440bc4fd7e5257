package se.vagvisaren.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds Swedish phone numbers: national form with a leading 0 (070-123 45 67, 08-123 456 78,
 * 0920-123 45; 7–10 digits) and international form (+46 70 123 45 67, 0046 8 123 456 78,
 * +46 (0)70-123 45 67). The area code may be written apart from the rest, the whole number together,
 * or spaced out in ones and twos. Dots and slashes are not accepted as separators, which keeps
 * times (08.30–10.00) and dates (06/05/2024) out; the support numbers in the allow-list and numbers
 * right after a reference word ("dnr", "ärende", "faktura") are skipped.
 */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * @param run            one run of digit groups
     * @param taken          which groups of the run already belong to another finding
     * @param allowed        allowed numbers in national digits (020505050)
     * @param referenceWords words after which a number is a reference, not a phone number
     * @return folded {start, end} offsets of each phone number
     */
    static List<int[]> find(DigitRuns.Run run, boolean[] taken, Set<String> allowed, Set<String> referenceWords) {
        List<int[]> found = new ArrayList<>();
        if (referenceWords.contains(run.wordBefore())) {
            return found;
        }
        List<DigitRuns.Group> groups = run.groups();
        int from = 0;
        while (from < groups.size()) {
            int to = taken[from] ? -1 : longestAt(run, from, taken, allowed, found);
            from = to >= 0 ? to + 1 : from + 1;
        }
        return found;
    }

    /** The last group of the longest phone number starting at {@code from}, or -1. */
    private static int longestAt(DigitRuns.Run run, int from, boolean[] taken, Set<String> allowed, List<int[]> found) {
        List<DigitRuns.Group> groups = run.groups();
        String first = groups.get(from).digits();
        boolean international = (from == 0 && run.plusBefore() && first.startsWith("46"))
                || first.startsWith("0046") || (from > 0 && groups.get(from).separator().endsWith("+") && first.startsWith("46"));
        boolean national = !international && first.startsWith("0") && !first.startsWith("00");
        // Inside a run, a number starts only after a space: "2024-01-01" continues, it does not start anew.
        boolean startsFresh = from == 0 || groups.get(from).separator().contains(" ");
        if ((!international && !national) || !startsFresh) {
            return -1;
        }
        int best = -1;
        String bestNumber = null;
        StringBuilder digits = new StringBuilder();
        for (int to = from; to < groups.size() && !taken[to]; to++) {
            DigitRuns.Group group = groups.get(to);
            if (to > from && !group.separator().replace(" ", "").matches("[-()]{0,3}")) {
                break;
            }
            // "+46 (0)70": the trunk zero in brackets is not part of the international number.
            boolean bracketedTrunk = international && to > from && group.digits().equals("0")
                    && group.separator().contains("(");
            if (!bracketedTrunk) {
                digits.append(group.digits());
            }
            String nationalDigits = international ? "0" + stripCountryCode(digits.toString()) : digits.toString();
            if (nationalDigits.length() > 10) {
                break;
            }
            if (nationalDigits.length() >= 7 && nationalDigits.charAt(1) != '0'
                    && layoutFits(groups.subList(from, to + 1), international)) {
                best = to;
                bestNumber = nationalDigits;
            }
        }
        if (best < 0) {
            return -1;
        }
        if (!allowed.contains(bestNumber) && !looksLikeDate(groups.subList(from, best + 1))) {
            found.add(new int[] {groups.get(from).start(), groups.get(best).end()});
        }
        return best;
    }

    private static String stripCountryCode(String digits) {
        return digits.startsWith("0046") ? digits.substring(4) : digits.substring(2);
    }

    /** Together; or an area code of 2–4 digits then longer groups; or spaced out in ones and twos. */
    private static boolean layoutFits(List<DigitRuns.Group> groups, boolean international) {
        if (groups.size() == 1 || international) {
            return true;
        }
        if (groups.stream().allMatch(g -> g.length() <= 2)) {
            return true;
        }
        // Swedish area codes have 3-4 digits with the trunk zero, except Stockholm's 08, and the subscriber
        // number after them has at least five digits: "0830-1000" is a time range, not a phone number.
        String area = groups.get(0).digits();
        boolean areaFits = area.equals("08") || area.length() == 3 || area.length() == 4;
        int subscriber = groups.subList(1, groups.size()).stream().mapToInt(DigitRuns.Group::length).sum();
        return areaFits && subscriber >= 5 && groups.subList(1, groups.size()).stream().allMatch(g -> g.length() >= 2);
    }

    /** 06-05-2024 or 6-5-24 style dates. */
    private static boolean looksLikeDate(List<DigitRuns.Group> groups) {
        if (groups.size() != 3 || groups.get(0).length() > 2 || groups.get(1).length() > 2) {
            return false;
        }
        int a = Integer.parseInt(groups.get(0).digits());
        int b = Integer.parseInt(groups.get(1).digits());
        int yearLength = groups.get(2).length();
        return (yearLength == 2 || yearLength == 4) && a >= 1 && a <= 31 && b >= 1 && b <= 12;
    }
}
