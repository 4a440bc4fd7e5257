package se.vagvisaren.progress;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Stems;
import se.vagvisaren.language.Tokens;

/**
 * Suggests the handbook steps an update is about by scoring the step keywords in
 * {@code dialogs/progress/steps.yaml} against the stemmed text. Swedish and English keywords are
 * both tried, since Swedish updates often carry English names (MVP) and vice versa. A keyword counts
 * once per text, so a long update does not outweigh a short one. Steps scoring at least half the best
 * score are suggested, so "styrgruppen har fattat beslut om handlingsplanen" gives step 1, not 1 and 4.
 */
@Component
@RequiredArgsConstructor
class StepSuggester {

    /** Stems and words this long also match inside compounds ("skolkartläggning" contains "kartläggning"). */
    private static final int MIN_COMPOUND_STEM = 5;

    private final ProgressVocabulary vocabulary;

    /** Suggested steps, ascending; empty when no keyword matched. */
    SortedSet<Integer> suggest(String text) {
        int[] scores = scores(text);
        int best = 0;
        for (int s : scores) {
            best = Math.max(best, s);
        }
        SortedSet<Integer> out = new TreeSet<>();
        if (best == 0) {
            return out;
        }
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            if (scores[step] > 0 && scores[step] * 2 >= best) {
                out.add(step);
            }
        }
        return out;
    }

    /** Score per step, index 1–5 (index 0 unused). */
    int[] scores(String text) {
        int[] scores = new int[ProgressUpdate.LAST_STEP + 1];
        ProgressVocabulary.Snapshot words = vocabulary.get();
        for (Language lang : Language.values()) {
            List<String> stems = Stems.ofText(text, lang);
            List<String> plain = Tokens.words(text);
            for (ProgressVocabulary.Keyword keyword : words.keywords().get(lang)) {
                if (occurs(keyword, stems, plain)) {
                    scores[keyword.step()] += keyword.weight();
                }
            }
        }
        return scores;
    }

    private static boolean occurs(ProgressVocabulary.Keyword keyword, List<String> stems, List<String> plain) {
        List<String> k = keyword.stems();
        if (k.size() == 1) {
            String stem = k.get(0);
            String word = keyword.words().get(0);
            for (int i = 0; i < stems.size(); i++) {
                if (stems.get(i).equals(stem)
                        || (stem.length() >= MIN_COMPOUND_STEM && stems.get(i).contains(stem))
                        || (word.length() >= MIN_COMPOUND_STEM && plain.get(i).contains(word))) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i + k.size() <= stems.size(); i++) {
            if (stems.subList(i, i + k.size()).equals(k)) {
                return true;
            }
        }
        return false;
    }
}
