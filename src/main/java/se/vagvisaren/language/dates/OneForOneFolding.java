package se.vagvisaren.language.dates;

import java.text.Normalizer;

/**
 * The one folding that keeps length: lower case with Latin diacritics removed one character for one
 * ({@code å ä → a}, {@code ö ø → o}, {@code é → e}, {@code æ → a}, {@code ł → l}, and the accented letters of
 * Latin Extended-B such as {@code ș → s}), so an offset found in the folded text points at the same character
 * in the original ("PÅ FREDAG" and "pa fredag" meet). Other scripts, signs and emoji are left as they are.
 *
 * <p>It lives in this leaf package, not beside {@link se.vagvisaren.language.FoldedText}, because the date
 * rules are written for this form and {@code language.dates} may import nothing of the bot (the conversation
 * types carry date mentions, and {@code language} reads {@code conversation}); {@code FoldedText.foldKeepingLength}
 * hands over to it, so there is one implementation.
 */
public final class OneForOneFolding {

    private OneForOneFolding() {
    }

    /** {@code text} lower-cased and folded, exactly as long as {@code text}; {@code null} gives the empty text. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // Char by char, not String.toLowerCase: that can change the length ("İ" becomes two chars).
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = foldLatinLetter(Character.toLowerCase(out[i]));
        }
        return new String(out);
    }

    /** A lower-case Latin letter (Latin-1 Supplement to Latin Extended-B) without its diacritic; others unchanged. */
    private static char foldLatinLetter(char c) {
        if (c < 0xC0 || c > 0x24F) {
            return c;
        }
        // letters with a stroke or ligatures have no decomposition, but read as their base letter in names
        switch (c) {
            case 'æ':
                return 'a';
            case 'ø':
                return 'o';
            case 'ł':
                return 'l';
            default:
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char base = decomposed.charAt(0);
                return decomposed.length() > 1 && base >= 'a' && base <= 'z' ? base : c;
        }
    }
}
