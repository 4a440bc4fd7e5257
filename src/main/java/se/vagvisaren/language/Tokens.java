package se.vagvisaren.language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenizer: a word is a run of letters and digits ({@code [\p{L}\p{N}]+}), so "I'm" gives
 * {@code i}, {@code m} and "steg 2," gives {@code steg}, {@code 2}. Punctuation, emoji and spaces separate words.
 */
public final class Tokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Tokens() {
    }

    /** One word and where it is in the text it was read from. */
    public record Token(String text, int start, int end) {
    }

    /** The lower-case (Swedish locale), unfolded words of {@code text}; empty for {@code null} or blank text. */
    public static List<String> words(String text) {
        return words(text, Integer.MAX_VALUE);
    }

    /** As {@link #words(String)}, at most {@code maxWords} words. */
    public static List<String> words(String text, int maxWords) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text.toLowerCase(FoldedText.SWEDISH));
        while (out.size() < maxWords && m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The folded, lower-case words of {@code text} ({@link FoldedText}), at most {@code maxWords}. */
    public static List<String> foldedWords(String text, int maxWords) {
        return tokens(FoldedText.fold(text), maxWords).stream().map(Token::text).toList();
    }

    /** The words of {@code text} as it is (no case change), with their offsets; at most {@code maxWords}. */
    public static List<Token> tokens(String text, int maxWords) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (out.size() < maxWords && m.find()) {
            out.add(new Token(m.group(), m.start(), m.end()));
        }
        return out;
    }

    /** Whether {@code phrase} occurs as consecutive words in {@code words}; never for an empty phrase. */
    public static boolean containsRun(List<String> words, List<String> phrase) {
        if (phrase.isEmpty() || phrase.size() > words.size()) {
            return false;
        }
        for (int start = 0; start + phrase.size() <= words.size(); start++) {
            if (words.subList(start, start + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
