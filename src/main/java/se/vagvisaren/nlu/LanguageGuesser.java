package se.vagvisaren.nlu;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import se.vagvisaren.conversation.Language;

/**
 * Tells Swedish from English with a word model learnt from the training utterances themselves, so no
 * word list lives in code. The Teams locale is a prior that the text can outweigh; when the text has no
 * known word (emoji, Finnish, Arabic) the locale decides, and Swedish when there is none.
 */
final class LanguageGuesser {

    /** Log-odds the locale adds to its language: about two distinctive words outweigh it. */
    private static final double LOCALE_PRIOR = 2.0;
    /** Log-odds for å, ä or ö in the text: strong evidence for Swedish, weak enough for a quoted name. */
    private static final double SWEDISH_LETTERS = 3.0;
    private static final double SMOOTHING = 0.5;
    /** Known words a message needs before its words alone may change a conversation's language. */
    static final int CLEAR_MIN_WORDS = 3;
    /** Log-odds the words need together to count as clearly one language. */
    static final double CLEAR_ODDS = 4.0;
    /** Log-odds that make one word a vote for its language (used to spot mixed messages). */
    private static final double VOTE_ODDS = 1.0;

    private final Map<Language, Map<String, Integer>> counts = new EnumMap<>(Language.class);
    private final Map<Language, Integer> totals = new EnumMap<>(Language.class);
    private final int vocabulary;

    LanguageGuesser(TrainingData data) {
        Set<String> words = new HashSet<>();
        for (Language language : Language.values()) {
            counts.put(language, new HashMap<>());
            totals.put(language, 0);
        }
        for (TrainingData.Example example : data.examples()) {
            for (String token : TextNormalizer.tokens(TextNormalizer.fold(example.text()))) {
                counts.get(example.language()).merge(token, 1, Integer::sum);
                totals.merge(example.language(), 1, Integer::sum);
                words.add(token);
            }
        }
        vocabulary = Math.max(1, words.size());
    }

    /**
     * @param text   the message; may be empty
     * @param locale a Teams locale such as {@code en-US}, or {@code null}
     */
    Language guess(String text, String locale) {
        Evidence evidence = evidence(text);
        Language prior = locale == null || locale.isBlank() ? null : Language.fromCode(locale);
        if (evidence.known() == 0) {
            return prior != null ? prior : Language.SV;
        }
        double swedishOdds = evidence.swedishOdds();
        if (prior != null) {
            swedishOdds += prior == Language.SV ? LOCALE_PRIOR : -LOCALE_PRIOR;
        }
        return swedishOdds >= 0 ? Language.SV : Language.EN;
    }

    /**
     * What the words alone say, without a locale: {@link TextLanguage.Strength#CLEAR} needs at least
     * {@value #CLEAR_MIN_WORDS} known words, log-odds of at least {@value #CLEAR_ODDS} and no more than one
     * word pulling the other way, so a Swedish sentence with "deadline" in it stays clearly Swedish
     * while "kan du help me med deadlinen" is mixed.
     */
    TextLanguage judge(String text) {
        Evidence evidence = evidence(text);
        if (evidence.known() == 0) {
            return TextLanguage.unknown();
        }
        Language leaning = evidence.swedishOdds() >= 0 ? Language.SV : Language.EN;
        int against = leaning == Language.SV ? evidence.forEnglish() : evidence.forSwedish();
        boolean clear = evidence.known() >= CLEAR_MIN_WORDS && Math.abs(evidence.swedishOdds()) >= CLEAR_ODDS
                && against <= 1;
        return new TextLanguage(leaning, clear ? TextLanguage.Strength.CLEAR : TextLanguage.Strength.WEAK);
    }

    /**
     * What a text's known words and letters say.
     *
     * @param swedishOdds summed log-odds for Swedish over the known words, plus the weight of å, ä or ö
     * @param known       known words, with å/ä/ö counted as one more
     * @param forSwedish  known words (and å/ä/ö) voting for Swedish with log-odds of at least VOTE_ODDS
     * @param forEnglish  known words voting for English likewise
     */
    private record Evidence(double swedishOdds, int known, int forSwedish, int forEnglish) {
    }

    private Evidence evidence(String text) {
        double swedishOdds = 0;
        int known = 0;
        int forSwedish = 0;
        int forEnglish = 0;
        for (String token : TextNormalizer.tokens(TextNormalizer.fold(text))) {
            int sv = counts.get(Language.SV).getOrDefault(token, 0);
            int en = counts.get(Language.EN).getOrDefault(token, 0);
            if (sv + en == 0) {
                continue;
            }
            known++;
            double odds = logProbability(Language.SV, sv) - logProbability(Language.EN, en);
            swedishOdds += odds;
            if (odds >= VOTE_ODDS) {
                forSwedish++;
            } else if (odds <= -VOTE_ODDS) {
                forEnglish++;
            }
        }
        String lower = TextNormalizer.lower(text);
        if (lower.indexOf('å') >= 0 || lower.indexOf('ä') >= 0 || lower.indexOf('ö') >= 0) {
            swedishOdds += SWEDISH_LETTERS;
            forSwedish++;
            known++;
        }
        return new Evidence(swedishOdds, known, forSwedish, forEnglish);
    }

    private double logProbability(Language language, int count) {
        return Math.log((count + SMOOTHING) / (totals.get(language) + SMOOTHING * vocabulary));
    }
}
