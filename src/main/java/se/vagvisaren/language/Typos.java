package se.vagvisaren.language;

/**
 * Decides whether a typed word is the intended word with a small typo. Short words are strict
 * because Swedish has many near neighbours: for four letters a missing, extra or swapped letter
 * counts ("slr", "slaar" for "slår"), but a changed letter only when its key is next to the intended
 * one on a Swedish keyboard ("slåt" is "slår", but "står" is not).
 */
public final class Typos {

    private static final String[] KEY_ROWS = {"qwertyuiopa", "asdfghjkloa", "zxcvbnm"};

    private Typos() {
    }

    /**
     * @param expected the folded, lower-case word of a phrase
     * @param typed    a folded, lower-case word from the text
     * @return {@code true} when equal, or within one edit (words of 4–7 letters) or two edits (8 or
     *         more); the first letter must always match
     */
    public static boolean similar(String expected, String typed) {
        if (expected.equals(typed)) {
            return true;
        }
        int n = expected.length();
        if (n < 4 || typed.isEmpty() || typed.charAt(0) != expected.charAt(0)) {
            return false;
        }
        int allowed = n >= 8 ? 2 : 1;
        if (Math.abs(typed.length() - n) > allowed) {
            return false;
        }
        int distance = distance(expected, typed, allowed);
        if (distance > allowed) {
            return false;
        }
        if (n == 4 && typed.length() == 4) {
            return isTransposition(expected, typed) || isNeighbourKeySubstitution(expected, typed);
        }
        return true;
    }

    private static boolean isNeighbourKeySubstitution(String a, String b) {
        int differing = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differing >= 0) {
                    return false;
                }
                differing = i;
            }
        }
        return differing >= 0 && neighbours(a.charAt(differing), b.charAt(differing));
    }

    /** Whether two keys touch on a Swedish QWERTY keyboard (å/ä/ö are already folded to a/o). */
    static boolean neighbours(char x, char y) {
        for (int r = 0; r < KEY_ROWS.length; r++) {
            int i = KEY_ROWS[r].indexOf(x);
            if (i < 0) {
                continue;
            }
            if (Math.abs(KEY_ROWS[r].indexOf(y) - i) == 1 && KEY_ROWS[r].indexOf(y) >= 0) {
                return true;
            }
            int above = r > 0 ? KEY_ROWS[r - 1].indexOf(y) : -1;
            int below = r + 1 < KEY_ROWS.length ? KEY_ROWS[r + 1].indexOf(y) : -1;
            if ((above >= 0 && (above == i || above == i + 1)) || (below >= 0 && (below == i || below == i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransposition(String a, String b) {
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        return first >= 0 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent swaps), exact up to {@code cap}; a larger result
     * only says "more than {@code cap}" (the rows stop early once all exceed it). Keeps only the
     * three rows the recurrence reads instead of the whole matrix: the crisis check compares every word of every
     * message with its phrases, and one array per row was the largest allocation of its own (JFR, docs/performance.md).
     */
    static int distance(String a, String b, int cap) {
        int m = b.length();
        int[] beforePrevious = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, beforePrevious[j - 2] + 1);
                }
                current[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] reused = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = reused;
        }
        return previous[m];
    }
}
