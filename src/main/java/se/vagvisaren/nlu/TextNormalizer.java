package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lower-casing, diacritic folding and tokenising for chat text. Folding keeps the string length, so
 * offsets found in folded text point at the same characters in the original.
 */
final class TextNormalizer {

    /** Longer messages are cut: intent words sit at the start and features grow with length. */
    static final int MAX_TOKENS = 120;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    /** Lower-cases with the root locale; {@code null} becomes empty. */
    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /**
     * Lower-cases and folds Latin diacritics ({@code å ä → a}, {@code ö → o}, {@code é → e}...), one
     * character for one, so "paminnelse" and "påminnelse" meet. Other scripts are left as they are.
     */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        // Char by char, not String.toLowerCase: that can change the length ("İ" becomes two chars).
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = foldChar(Character.toLowerCase(out[i]));
        }
        return new String(out);
    }

    static char foldChar(char c) {
        if (c < 0xC0 || c > 0x17F) {
            return c;
        }
        return switch (c) {
            case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą' -> 'a';
            case 'æ' -> 'a';
            case 'ç', 'ć', 'č' -> 'c';
            case 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě' -> 'e';
            case 'ì', 'í', 'î', 'ï' -> 'i';
            case 'ñ', 'ń', 'ň' -> 'n';
            case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ő' -> 'o';
            case 'ù', 'ú', 'û', 'ü', 'ű', 'ů' -> 'u';
            case 'ý', 'ÿ' -> 'y';
            case 'š', 'ś' -> 's';
            case 'ž', 'ź', 'ż' -> 'z';
            case 'ł' -> 'l';
            default -> c;
        };
    }

    /** Lower-cased (not folded) word tokens, at most {@link #MAX_TOKENS}; empty for empty or emoji-only text. */
    static String[] tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(lower(text));
        while (m.find() && out.size() < MAX_TOKENS) {
            out.add(m.group());
        }
        return out.toArray(String[]::new);
    }
}
