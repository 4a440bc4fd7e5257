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
        double swedishOdds = 0;
        boolean evidence = false;
        for (String token : TextNormalizer.tokens(TextNormalizer.fold(text))) {
            int sv = counts.get(Language.SV).getOrDefault(token, 0);
            int en = counts.get(Language.EN).getOrDefault(token, 0);
            if (sv + en == 0) {
                continue;
            }
            evidence = true;
            swedishOdds += logProbability(Language.SV, sv) - logProbability(Language.EN, en);
        }
        String lower = TextNormalizer.lower(text);
        if (lower.indexOf('å') >= 0 || lower.indexOf('ä') >= 0 || lower.indexOf('ö') >= 0) {
            swedishOdds += SWEDISH_LETTERS;
            evidence = true;
        }
        Language prior = locale == null || locale.isBlank() ? null : Language.fromCode(locale);
        if (!evidence) {
            return prior != null ? prior : Language.SV;
        }
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
        if (known == 0) {
            return TextLanguage.unknown();
        }
        Language leaning = swedishOdds >= 0 ? Language.SV : Language.EN;
        int against = leaning == Language.SV ? forEnglish : forSwedish;
        boolean clear = known >= CLEAR_MIN_WORDS && Math.abs(swedishOdds) >= CLEAR_ODDS && against <= 1;
        return new TextLanguage(leaning, clear ? TextLanguage.Strength.CLEAR : TextLanguage.Strength.WEAK);
    }

    private double logProbability(Language language, int count) {
        return Math.log((count + SMOOTHING) / (totals.get(language) + SMOOTHING * vocabulary));
    }
}
