package se.vagvisaren.language;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import se.vagvisaren.conversation.Language;

/**
 * The one Snowball stemmer wrapper (OpenNLP's Snowball, as the project used before): Swedish or English
 * stems of lower-case words ("övningen" → "övning", "pyramiden" → "pyramid"). OpenNLP's Swedish stemmer
 * keeps "kommun" whole where Lucene's light stemmer cuts it. Snowball stemmers keep state between calls,
 * so each thread gets its own: this class is thread-safe. (The handbook search's Lucene analysers use
 * Lucene's Snowball filter, the same algorithm, inside their token streams.)
 */
public final class Stems {

    private static final ThreadLocal<SnowballStemmer> SWEDISH =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.SWEDISH));
    private static final ThreadLocal<SnowballStemmer> ENGLISH =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    private Stems() {
    }

    /** The stem of one lower-case word in {@code language}. */
    public static String of(String lowerCaseWord, Language language) {
        return stemmer(language).stem(lowerCaseWord).toString();
    }

    /** The stems of the lower-case words of {@code text} ({@link Tokens#words}), in order. */
    public static List<String> ofText(String text, Language language) {
        SnowballStemmer stemmer = stemmer(language);
        List<String> words = Tokens.words(text);
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            out.add(stemmer.stem(word).toString());
        }
        return out;
    }

    /**
     * Stemmed, then folded word forms of {@code text}: both sides of a comparison go through the same steps,
     * so "ovningen" typed without å/ä/ö meets "övningen" ({@code ovning}). At most {@code maxWords} words.
     */
    public static List<String> foldedStems(String text, Language language, int maxWords) {
        SnowballStemmer stemmer = stemmer(language);
        List<String> out = new ArrayList<>();
        for (String word : Tokens.words(text)) {
            if (out.size() == maxWords) {
                break;
            }
            out.add(FoldedText.fold(stemmer.stem(word).toString()));
        }
        return out;
    }

    private static SnowballStemmer stemmer(Language language) {
        return language == Language.EN ? ENGLISH.get() : SWEDISH.get();
    }
}
