package se.vagvisaren.conversation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower case without accents: "Fjärde STEGET" and "fjarde steget" both become {@code fjarde steget}. People
 * typing on an English keyboard or a phone drop å, ä and ö; the handbook search's question cues and the
 * reflection command words are compared this way.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {
    }

    /** {@code text} in lower case with accents and other combining marks removed (å → a, ö → o, é → e). */
    public static String fold(String text) {
        return withoutAccents(text.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with accents removed but case kept (for regular expressions, where {@code \W} is not {@code \w}). */
    public static String withoutAccents(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The folded words of {@code text}: runs of letters and digits, so "I'm" gives {@code i}, {@code m}. */
    public static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(fold(text))).filter(w -> !w.isEmpty()).toList();
    }
}
