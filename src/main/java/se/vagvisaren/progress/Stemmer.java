package se.vagvisaren.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import se.vagvisaren.conversation.Language;

/**
 * Lower-cases, tokenises ({@code [\p{L}\p{N}]+}) and stems text with Snowball. OpenNLP's Swedish
 * stemmer keeps "kommun" whole where Lucene's light stemmer cuts it. Not thread-safe: Snowball
 * stemmers keep state, so each call creates its own.
 */
final class Stemmer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Stemmer() {
    }

    /** Lower-case words of {@code text} in order; empty for blank text. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Stems of the words of {@code text} in {@code language}. */
    static List<String> stems(String text, Language language) {
        SnowballStemmer stemmer = stemmerFor(language);
        List<String> words = words(text);
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(stemmer.stem(w).toString());
        }
        return out;
    }

    private static SnowballStemmer stemmerFor(Language language) {
        return new SnowballStemmer(language == Language.EN
                ? SnowballStemmer.ALGORITHM.ENGLISH : SnowballStemmer.ALGORITHM.SWEDISH);
    }
}
