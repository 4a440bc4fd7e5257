package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Stems;

/**
 * OpenNLP features for short chat messages: folded words, Snowball stems (Swedish or English, chosen by
 * the {@value #LANGUAGE} entry of the extra information), stem bigrams and character 3–5-grams of each
 * word. Character n-grams carry typos and Swedish compounds ("styrgruppsmötet" shares "styr", "grupp" and
 * "mot" with "styrgrupp" and "möte"). Public with a no-arg constructor so a saved model can reload it.
 */
public class ChatFeatures implements FeatureGenerator {

    /** Extra-information key holding the {@link Language} of the text; Swedish when absent. */
    public static final String LANGUAGE = "language";


    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;
    /** Character n-grams of longer "words" (pasted URLs, key mashing) add cost, not signal. */
    private static final int MAX_GRAM_WORD = 40;

    private final boolean characterGrams;

    /** All features; the no-arg constructor OpenNLP's extension loader needs. */
    public ChatFeatures() {
        this(true);
    }

    /**
     * @param characterGrams whether to add character n-grams; without them large corpora train several times
     *                       faster (CLINC150, 15,000 utterances: about 2 instead of 12 minutes) but less accurately
     */
    public ChatFeatures(boolean characterGrams) {
        this.characterGrams = characterGrams;
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        Language language = extraInformation != null && extraInformation.get(LANGUAGE) instanceof Language l
                ? l : Language.SV;
        List<String> features = new ArrayList<>(text.length * 12);
        String previous = "^";
        for (String token : text) {
            String folded = TextNormalizer.fold(token);
            String stem = TextNormalizer.fold(stem(token, language));
            features.add("w=" + folded);
            if (!stem.equals(folded)) {
                features.add("s=" + stem);
            }
            features.add("b=" + previous + "_" + stem);
            if (characterGrams) {
                String bounded = folded.length() > MAX_GRAM_WORD ? folded.substring(0, MAX_GRAM_WORD) : folded;
                addCharGrams("_" + bounded + "_", features);
            }
            previous = stem;
        }
        if (text.length > 0) {
            features.add("b=" + previous + "_$");
        }
        return features;
    }

    static String stem(String token, Language language) {
        return Stems.of(token, language);
    }

    private static void addCharGrams(String word, List<String> features) {
        int length = word.length();
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int start = 0; start + n <= length; start++) {
                features.add("c=" + word.substring(start, start + n));
            }
        }
    }
}
