package se.vagvisaren.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits folded text into runs of digit groups for the number detectors. A group is a maximal
 * sequence of digits; groups joined by at most three separator characters (space, {@code - + ( ) . /})
 * form one run, so "19850101-1234", "070-123 45 67" and the spaced-out "8 5 0 1 0 1 1 2 3 4" are each
 * one run. Inside a number-like token bounded by non-letters, the look-alike letters O/o (zero) and
 * l/I/| (one) are read as digits: "l985O1O1" is "19850101".
 */
final class DigitRuns {

    private static final int MAX_SEPARATOR = 3;
    private static final String SEPARATOR_CHARS = " -+().\t/";

    /**
     * One group of digits.
     *
     * @param digits    the digits, ASCII
     * @param start     folded offset of the first digit
     * @param end       folded offset after the last digit
     * @param separator the characters between the previous group of the run and this one; empty for the first
     */
    record Group(String digits, int start, int end, String separator) {
        int length() {
            return digits.length();
        }
    }

    /**
     * Groups that belong together.
     *
     * @param groups     in text order, never empty
     * @param plusBefore whether a {@code +} (country code marker) stands right before the first group
     * @param wordBefore the lower-cased word just before the run, or empty
     */
    record Run(List<Group> groups, boolean plusBefore, String wordBefore) {
    }

    private DigitRuns() {
    }

    static List<Run> find(String folded) {
        char[] chars = withLookAlikeDigits(folded);
        List<Run> runs = new ArrayList<>();
        List<Group> current = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            if (!isDigit(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && isDigit(chars[i])) {
                i++;
            }
            String digits = new String(chars, start, i - start);
            if (!current.isEmpty()) {
                Group previous = current.get(current.size() - 1);
                String between = folded.substring(previous.end(), start);
                if (isSeparator(between)) {
                    current.add(new Group(digits, start, i, between));
                    continue;
                }
                runs.add(run(current, folded));
                current = new ArrayList<>();
            }
            current.add(new Group(digits, start, i, ""));
        }
        if (!current.isEmpty()) {
            runs.add(run(current, folded));
        }
        return runs;
    }

    private static Run run(List<Group> groups, String folded) {
        int start = groups.get(0).start();
        int p = start - 1;
        while (p >= 0 && folded.charAt(p) == ' ') {
            p--;
        }
        boolean plus = p >= 0 && folded.charAt(p) == '+';
        int wordEnd = plus ? p : p + 1;
        int q = wordEnd - 1;
        while (q >= 0 && (folded.charAt(q) == ' ' || folded.charAt(q) == ':')) {
            q--;
        }
        int wordStart = q;
        while (wordStart >= 0 && Character.isLetter(folded.charAt(wordStart))) {
            wordStart--;
        }
        String word = folded.substring(wordStart + 1, q + 1).toLowerCase(Locale.ROOT);
        return new Run(List.copyOf(groups), plus, word);
    }

    private static boolean isSeparator(String between) {
        if (between.isEmpty() || between.length() > MAX_SEPARATOR) {
            return false;
        }
        for (int k = 0; k < between.length(); k++) {
            if (SEPARATOR_CHARS.indexOf(between.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A copy of the text where O/o/l/I/| inside number-like tokens are replaced by digits (same length). */
    private static char[] withLookAlikeDigits(String folded) {
        char[] chars = folded.toCharArray();
        int i = 0;
        while (i < chars.length) {
            if (!isDigitLike(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            boolean hasDigit = false;
            while (i < chars.length && isDigitLike(chars[i])) {
                hasDigit |= isDigit(chars[i]);
                i++;
            }
            boolean bounded = (start == 0 || !Character.isLetter(chars[start - 1]))
                    && (i == chars.length || !Character.isLetter(chars[i]));
            if (hasDigit && bounded) {
                for (int k = start; k < i; k++) {
                    chars[k] = switch (chars[k]) {
                        case 'O', 'o' -> '0';
                        case 'l', 'I', '|' -> '1';
                        default -> chars[k];
                    };
                }
            }
        }
        return chars;
    }

    private static boolean isDigitLike(char c) {
        return isDigit(c) || c == 'O' || c == 'o' || c == 'l' || c == 'I' || c == '|';
    }
}
