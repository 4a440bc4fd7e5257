package se.vagvisaren.reflection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Stems;
import se.vagvisaren.language.Tokens;

/**
 * Finds the exercise a chat message names. A number ("övning 2", "exercise 3", "den andra övningen")
 * picks from the picker's order; otherwise each exercise scores one point per word of every keyword
 * phrase found in the text (both languages), so "normer i vår verksamhet" beats plain "normer".
 */
final class ExerciseMatcher {

    /** Only the first words matter for naming an exercise; bounds the work for a 28,000-character message. */
    private static final int MAX_WORDS = 200;

    private static final Pattern NUMBER = Pattern.compile(
            "(?:övning|ovning|övningen|exercise|nummer|number|nr)\\.?\\s*(\\d{1,2})\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("första", 1), Map.entry("andra", 2), Map.entry("tredje", 3), Map.entry("fjärde", 4),
            Map.entry("femte", 5), Map.entry("sjätte", 6), Map.entry("sjunde", 7), Map.entry("åttonde", 8),
            Map.entry("nionde", 9), Map.entry("tionde", 10), Map.entry("elfte", 11), Map.entry("tolfte", 12),
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12));
    private static final Pattern ORDINAL = Pattern.compile(
            "\\b(\\p{L}+)\\s+(?:övningen|ovningen|exercise|one)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final List<Exercise> exercises;
    /** Each exercise's keyword phrases reduced once at load; forms that coincide ("normer", "norm") count once. */
    private final List<Set<List<String>>> phrases;

    ExerciseMatcher(List<Exercise> exercises) {
        this.exercises = List.copyOf(exercises);
        List<Set<List<String>>> reduced = new ArrayList<>();
        for (Exercise exercise : exercises) {
            Set<List<String>> forms = new HashSet<>();
            for (Language lang : Language.values()) {
                for (String keyword : exercise.keywords().getOrDefault(lang, List.of())) {
                    List<String> form = Stems.foldedStems(keyword, Language.SV, MAX_WORDS);
                    if (!form.isEmpty()) {
                        forms.add(form);
                    }
                }
            }
            reduced.add(Set.copyOf(forms));
        }
        this.phrases = List.copyOf(reduced);
    }

    /** Convenience for a one-off match (tests); the catalog keeps one matcher per load. */
    static List<Exercise> match(String text, List<Exercise> exercises) {
        return new ExerciseMatcher(exercises).match(text);
    }

    /**
     * @return the best-scoring exercises: empty when none is named, one when clear, several when tied
     */
    List<Exercise> match(String text) {
        if (text == null || text.isBlank() || exercises.isEmpty()) {
            return List.of();
        }
        Integer number = number(text);
        if (number != null) {
            return number >= 1 && number <= exercises.size() ? List.of(exercises.get(number - 1)) : List.of();
        }
        List<String> words = Stems.foldedStems(text, Language.SV, MAX_WORDS);
        int best = 0;
        List<Exercise> winners = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            int score = 0;
            for (List<String> phrase : phrases.get(i)) {
                if (Tokens.containsRun(words, phrase)) {
                    score += phrase.size();
                }
            }
            if (score > best) {
                best = score;
                winners.clear();
            }
            if (score == best && score > 0) {
                winners.add(exercises.get(i));
            }
        }
        return List.copyOf(winners);
    }

    private static Integer number(String text) {
        Matcher digits = NUMBER.matcher(text);
        if (digits.find()) {
            return Integer.parseInt(digits.group(1));
        }
        Matcher ordinal = ORDINAL.matcher(text.toLowerCase(Locale.ROOT));
        while (ordinal.find()) {
            Integer n = ORDINALS.get(ordinal.group(1));
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}
