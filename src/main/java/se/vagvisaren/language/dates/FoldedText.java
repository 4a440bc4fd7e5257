package se.vagvisaren.language.dates;

import java.text.Normalizer;

/**
 * Lower case without accents, one character for one, so an offset found in the folded text points at the
 * same character in the message ("PÅ FREDAG" and "pa fredag" meet). The date rules are written for this
 * form. Kept here until the shared normaliser with offsets lands in {@code language}; then this calls it.
 */
final class FoldedText {

    private FoldedText() {
    }

    static String fold(String text) {
        // Char by char, not String.toLowerCase: that can change the length ("İ" becomes two chars).
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = foldChar(Character.toLowerCase(out[i]));
        }
        return new String(out);
    }

    /** A Latin letter with an accent becomes its base letter (å → a, é → e); other characters stay. */
    private static char foldChar(char c) {
        if (c < 0xC0 || c > 0x24F) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return decomposed.charAt(0) < 0x80 ? decomposed.charAt(0) : c;
    }
}
