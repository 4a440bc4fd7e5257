package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The typo tolerance the crisis check and the phrase files rely on. */
class TyposTest {

    @Test
    void similar_acceptsOneOrTwoSlipsButNotAnotherWord() {
        assertThat(Typos.similar("slagit", "slagti")).isTrue();      // swapped letters
        assertThat(Typos.similar("slagit", "slagt")).isTrue();       // one letter missing
        assertThat(Typos.similar("misshandel", "mishandell")).isTrue(); // two slips in a long word
        assertThat(Typos.similar("hota", "hots")).isTrue();          // neighbouring key in a four-letter word
        assertThat(Typos.similar("hota", "hotb")).isFalse();         // not a neighbouring key
        assertThat(Typos.similar("slagit", "flagit")).isFalse();     // the first letter must match
        assertThat(Typos.similar("slagit", "sagoti")).isFalse();     // too far
        assertThat(Typos.similar("kniv", "")).isFalse();
    }

    @Test
    void distance_isTheOptimalStringAlignmentDistanceUpToTheCap() {
        Random random = new Random(18);
        for (int n = 0; n < 20_000; n++) {
            String a = word(random);
            String b = random.nextInt(3) == 0 ? a : word(random);
            int cap = random.nextInt(4);
            // Exact up to the cap; above it only "more than cap" matters (the row loop may stop early).
            assertThat(Math.min(Typos.distance(a, b, cap), cap + 1)).as("%s / %s, cap %d", a, b, cap)
                    .isEqualTo(Math.min(fullMatrix(a, b), cap + 1));
        }
        assertThat(Typos.distance("ab", "ba", 2)).isEqualTo(1);
        assertThat(Typos.distance("ca", "abc", 5)).isEqualTo(3); // OSA, not Damerau: no edit after a swap
    }

    private static String word(Random random) {
        char[] letters = new char[1 + random.nextInt(8)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = "abcst".charAt(random.nextInt(5));
        }
        return new String(letters);
    }

    /** The whole-matrix recurrence, written out plainly, as the reference. */
    private static int fullMatrix(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
