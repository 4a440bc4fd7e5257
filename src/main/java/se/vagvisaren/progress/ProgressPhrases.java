package se.vagvisaren.progress;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.language.PhraseMatcher;
import se.vagvisaren.language.Tokens;

/**
 * Reads what a progress message asks for, beyond its intent: the record prefix to drop
 * ("uppdatering: …"), step numbers ("steg 2"), a period ("denna månad") and whether the county
 * board asks for the overview or its link. Words come from {@code dialogs/progress/phrases.yaml}.
 */
@Component
@RequiredArgsConstructor
class ProgressPhrases {

    /** A number this long can never be a step; shown back as written. */
    private static final int MAX_NUMBER_DIGITS = 6;
    /** A form request is a short sentence; longer texts are updates that happen to use the words. */
    private static final int MAX_REQUEST_WORDS = 8;
    /** Words read from a message; the phrases sit near the start and this bounds the work for long texts. */
    private static final int MAX_WORDS = 500;

    private final ProgressVocabulary vocabulary;

    /** The text without a leading "uppdatering:"/"framsteg -" prefix, trimmed; the text itself when there is none. */
    String withoutRecordPrefix(String text) {
        String trimmed = text == null ? "" : text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String best = null;
        for (String prefix : vocabulary.get().recordPrefixes()) {
            if (lower.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                String rest = lower.substring(prefix.length()).stripLeading();
                if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("-") || rest.startsWith("–")) {
                    best = prefix;
                }
            }
        }
        if (best == null) {
            return trimmed;
        }
        String rest = trimmed.substring(best.length()).stripLeading();
        if (!rest.isEmpty()) {
            rest = rest.substring(1);
        }
        return rest.strip();
    }

    /**
     * Whether a message without a record prefix asks for the form ("jag vill rapportera framsteg")
     * rather than being an update itself: short, and containing a request phrase.
     */
    boolean asksForForm(String text) {
        return Tokens.words(text).size() <= MAX_REQUEST_WORDS && containsAny(text, vocabulary.get().recordRequests());
    }

    /** Whether the text starts with a record prefix ("uppdatering:"). */
    boolean hasRecordPrefix(String text) {
        return !withoutRecordPrefix(text).equals(text == null ? "" : text.strip());
    }

    /** Step numbers written after a step word ("steg 2 och 4", "step three"), split into valid and not. */
    StepMentions steps(String text) {
        ProgressVocabulary.Snapshot words = vocabulary.get();
        List<String> tokens = Tokens.foldedWords(text, MAX_WORDS);
        SortedSet<Integer> valid = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!words.stepWords().contains(tokens.get(i))) {
                continue;
            }
            for (int j = i + 1; j < tokens.size(); j++) {
                String token = tokens.get(j);
                Integer number = number(token, words.numberWords());
                if (number != null && ProgressUpdate.isStep(number)) {
                    valid.add(number);
                } else if (number != null || isLongNumber(token)) {
                    invalid.add(token);
                } else if (!words.stepConnectors().contains(token)) {
                    break;
                }
            }
        }
        return new StepMentions(valid, List.copyOf(invalid));
    }

    /** The period named in the text, longest phrase first; empty when none. */
    Optional<ReportingPeriod> period(String text, ZonedDateTime now) {
        PhraseMatcher periods = vocabulary.get().periods();
        PhraseMatcher.Match best = null;
        for (PhraseMatcher.Match match : periods.find(periods.read(text, MAX_WORDS))) {
            if (best == null || match.phrase().length() > best.phrase().length()) {
                best = match;
            }
        }
        return best == null ? Optional.empty()
                : ReportingPeriod.of(best.label().substring(ProgressVocabulary.Snapshot.PERIOD.length()), now);
    }

    boolean asksOverview(String text) {
        return containsAny(text, vocabulary.get().overviewWords());
    }

    boolean asksLink(String text) {
        return containsAny(text, vocabulary.get().linkWords());
    }

    /** Whether one of the matcher's phrases occurs in the text as whole words. */
    private static boolean containsAny(String text, PhraseMatcher phrases) {
        return !phrases.find(phrases.read(text, MAX_WORDS)).isEmpty();
    }

    private static Integer number(String token, Map<String, Integer> numberWords) {
        if (numberWords.containsKey(token)) {
            return numberWords.get(token);
        }
        if (!token.isEmpty() && token.length() <= MAX_NUMBER_DIGITS && token.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token);
        }
        return null;
    }

    private static boolean isLongNumber(String token) {
        return token.length() > MAX_NUMBER_DIGITS && token.chars().allMatch(Character::isDigit);
    }

    /**
     * Step numbers found in a message.
     *
     * @param valid   steps 1–5, ascending
     * @param invalid numbers written after a step word that are no handbook step ("9"), as written
     */
    record StepMentions(SortedSet<Integer> valid, List<String> invalid) {
        boolean any() {
            return !valid.isEmpty() || !invalid.isEmpty();
        }
    }
}
