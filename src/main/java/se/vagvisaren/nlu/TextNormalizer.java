package se.vagvisaren.nlu;

import java.util.Locale;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.Tokens;

/**
 * Lower-casing, diacritic folding and tokenising for chat text, as the intent model reads it. Folding is
 * the language layer's one-for-one folding ({@link FoldedText#foldKeepingLength}), so offsets found in
 * folded text point at the same characters in the original.
 */
final class TextNormalizer {

    /** Longer messages are cut: intent words sit at the start and features grow with length. */
    static final int MAX_TOKENS = 120;


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
        return FoldedText.foldKeepingLength(text);
    }

    /** Lower-cased (not folded) word tokens, at most {@link #MAX_TOKENS}; empty for empty or emoji-only text. */
    static String[] tokens(String text) {
        return Tokens.words(text, MAX_TOKENS).toArray(String[]::new);
    }
}
