package se.vagvisaren.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;

/**
 * Finds the exercise a chat message names. A number ("övning 2", "exercise 3", "den andra övningen")
 * picks from the picker's order; otherwise each exercise scores one point per word of every keyword
 * phrase found in the text (both languages), so "normer i vår verksamhet" beats plain "normer".
 */
final class ExerciseMatcher {

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

    private ExerciseMatcher() {
    }

    /**
     * @return the best-scoring exercises: empty when none is named, one when clear, several when tied
     */
    static List<Exercise> match(String text, List<Exercise> exercises) {
        if (text == null || text.isBlank() || exercises.isEmpty()) {
            return List.of();
        }
        Integer number = number(text);
        if (number != null) {
            return number >= 1 && number <= exercises.size() ? List.of(exercises.get(number - 1)) : List.of();
        }
        List<String> words = WordForms.of(text);
        int best = 0;
        List<Exercise> winners = new ArrayList<>();
        for (Exercise exercise : exercises) {
            int score = score(words, exercise);
            if (score > best) {
                best = score;
                winners.clear();
            }
            if (score == best && score > 0) {
                winners.add(exercise);
            }
        }
        return List.copyOf(winners);
    }

    private static int score(List<String> words, Exercise exercise) {
        // Keywords that reduce to the same forms ("normer", "norm", "norms") count once.
        java.util.Set<List<String>> phrases = new java.util.HashSet<>();
        for (Language lang : Language.values()) {
            for (String keyword : exercise.keywords().getOrDefault(lang, List.of())) {
                phrases.add(WordForms.of(keyword));
            }
        }
        int score = 0;
        for (List<String> phrase : phrases) {
            if (WordForms.contains(words, phrase)) {
                score += phrase.size();
            }
        }
        return score;
    }

    private static Integer number(String text) {
        Matcher digits = NUMBER.matcher(text);
        if (digits.find()) {
            return Integer.parseInt(digits.group(1));
        }
        Matcher ordinal = ORDINAL.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (ordinal.find()) {
            Integer n = ORDINALS.get(ordinal.group(1));
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}
