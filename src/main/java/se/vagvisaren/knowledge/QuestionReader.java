package se.vagvisaren.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.Tokens;

/**
 * Reads what kind of answer a question wants from its wording, using the cues in
 * {@code knowledge/question-types.yaml}: a named step ("steg 3", "tredje steget", "the final step", "och i
 * steg 4?"), a section number ("2.1"), a question about the steps as a whole, a definition or list question,
 * or a person speaking about violence in their own relationship. Works on folded words ({@link Folding}),
 * so a missing å, ä or ö does not matter; misspellings are corrected before ({@link QuestionSpelling}).
 */
@RequiredArgsConstructor
final class QuestionReader {

    /** The handbook's last step: a move past it ("efter steg 5") leaves the step as named. */
    private static final int LAST_STEP = 5;
    /** "2.1", "avsnitt 4.3": a handbook section number (steps 1–5), not a date or a decimal in a longer number. */
    private static final Pattern SECTION = Pattern.compile("(?<![\\d.,])([1-5])\\.([1-9]\\d?)(?![\\d,]|\\.\\d)");
    /** "3:e steget", "3rd step": what may follow a digit to make it an ordinal. */
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("e", "a", "st", "nd", "rd", "th", "dje");

    /** A question of at most this many words may name a step by an ordinal alone ("och den fjärde?"). */
    static final int MAX_FOLLOW_UP_WORDS = 6;

    private final QuestionCues cues;

    /**
     * @param question the question (spelling already corrected)
     * @param namesTopic tells whether a text names a topic of the knowledge base; it is given the question's
     *                   words minus the cue words
     */
    QuestionShape read(String question, Predicate<String> namesTopic) {
        List<String> originals = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (String word : Tokens.words(question)) {
            originals.add(word);
            folded.add(FoldedText.fold(word));
        }
        String joined = String.join(" ", folded);
        QuestionShape.Concern concern = cues.concernOf(joined);

        boolean[] cueWord = new boolean[folded.size()];
        boolean stepWord = false;
        Integer step = null;
        for (int i = 0; i < folded.size(); i++) {
            if (!cues.stepWords().contains(folded.get(i))) {
                continue;
            }
            stepWord = true;
            cueWord[i] = true;
            Integer named = stepAfter(folded, i, cueWord);
            int firstCue = i;
            if (named == null) {
                named = stepBefore(folded, i, cueWord);
                firstCue = named == null ? i : i - 1;
            }
            if (step == null && named != null) {
                step = moved(named, folded, firstCue, cueWord);
            }
        }
        if (step == null && folded.size() <= MAX_FOLLOW_UP_WORDS) {
            step = ordinalAlone(folded, cueWord);
        }
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < folded.size(); i++) {
            String f = folded.get(i);
            if (!cueWord[i] && !cues.notTopic().contains(f) && !cues.stepWords().contains(f)) {
                rest.append(originals.get(i)).append(' ');
            }
        }
        boolean topic = !rest.isEmpty() && namesTopic.test(rest.toString().strip());
        String section = section(question);
        boolean overview = step == null && section == null && !topic && (stepWord || matches(cues.overview(), joined));
        return new QuestionShape(concern, step, section, overview, matches(cues.definition(), joined),
                matches(cues.list(), joined), topic, rest.toString().strip());
    }

    /**
     * A short follow-up that names a step by its ordinal alone ("och den fjärde?", "and the fourth?", "what about the
     * last one"): the ordinal is the step when every other word is a filler ({@code not-topic}). Only in short
     * questions: in a longer one "andra" is far more often "other" than "second".
     */
    private Integer ordinalAlone(List<String> folded, boolean[] cueWord) {
        int at = -1;
        for (int i = 0; i < folded.size(); i++) {
            if (cues.ordinals().containsKey(folded.get(i))) {
                if (at >= 0) {
                    return null;
                }
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        for (int i = 0; i < folded.size(); i++) {
            // Any other word but a filler makes it a question about something else ("who won the game last night").
            if (i != at && !cues.notTopic().contains(folded.get(i))) {
                return null;
            }
        }
        cueWord[at] = true;
        return cues.ordinals().get(folded.get(at));
    }

    /**
     * The step {@code named}, moved by the word right before its first cue word at {@code at}: "efter steg 3" and
     * "the one after step 3" are step 4, "före sista steget" step 4. A move past the first or the last step leaves the
     * step as named.
     */
    private Integer moved(int named, List<String> words, int at, boolean[] cueWord) {
        int before = at - 1;
        if (before > 0 && !cues.offsets().containsKey(words.get(before)) && cues.notTopic().contains(words.get(before))) {
            before--; // "before the last step", "efter det tredje steget"
        }
        Integer offset = before >= 0 ? cues.offsets().get(words.get(before)) : null;
        if (offset == null || named + offset < 1 || named + offset > LAST_STEP) {
            return named;
        }
        cueWord[before] = true;
        return named + offset;
    }

    /** "steg 3", "steg nr tre", "step four": the step named right after the step word at {@code i}. */
    private Integer stepAfter(List<String> words, int i, boolean[] cueWord) {
        int j = i + 1;
        while (j < words.size() && cues.between().contains(words.get(j)) && j - i <= 2) {
            j++;
        }
        if (j >= words.size()) {
            return null;
        }
        Integer step = cues.numbers().getOrDefault(words.get(j), cues.ordinals().get(words.get(j)));
        if (step != null) {
            for (int k = i + 1; k <= j; k++) {
                cueWord[k] = true;
            }
        }
        return step;
    }

    /** "tredje steget", "the final step", "3:e steget": the ordinal right before the step word at {@code i}. */
    private Integer stepBefore(List<String> words, int i, boolean[] cueWord) {
        if (i == 0) {
            return null;
        }
        String before = words.get(i - 1);
        Integer step = cues.ordinals().get(before);
        if (step != null) {
            cueWord[i - 1] = true;
            return step;
        }
        if (i >= 2 && ORDINAL_SUFFIXES.contains(before) && words.get(i - 2).matches("[1-5]")) {
            cueWord[i - 1] = true;
            cueWord[i - 2] = true;
            return Integer.parseInt(words.get(i - 2));
        }
        return null;
    }

    private static String section(String question) {
        Matcher m = SECTION.matcher(question);
        return m.find() ? m.group(1) + "." + m.group(2) : null;
    }

    private static boolean matches(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
