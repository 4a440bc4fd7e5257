package se.vagvisaren.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import se.vagvisaren.conversation.TextFolding;

/**
 * Reduces chat text and content phrases to comparable word forms: lower case, Swedish Snowball stems
 * (normer → norm, pyramiden → pyramid), then without diacritics so "ovningen" typed on an English
 * keyboard still matches "övningen". Both sides of every comparison go through the same steps.
 */
final class WordForms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Only the first words matter for commands; bounds the work for a 28,000-character message. */
    private static final int MAX_WORDS = 200;

    private WordForms() {
    }

    /** The word forms of {@code text} in order; empty for blank text. */
    static List<String> of(String text) {
        List<String> forms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return forms;
        }
        // The stemmer keeps state between calls: one per call keeps this thread-safe.
        SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.SWEDISH);
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find() && forms.size() < MAX_WORDS) {
            forms.add(fold(stemmer.stem(words.group()).toString()));
        }
        return forms;
    }

    /** Whether {@code phrase} (already reduced) occurs as consecutive words in {@code text}. */
    static boolean contains(List<String> text, List<String> phrase) {
        if (phrase.isEmpty() || phrase.size() > text.size()) {
            return false;
        }
        for (int start = 0; start + phrase.size() <= text.size(); start++) {
            if (text.subList(start, start + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String word) {
        return TextFolding.withoutAccents(word);
    }
}
