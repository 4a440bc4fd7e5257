package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.reflection.Exercise.ExerciseText;
import se.vagvisaren.reflection.Exercise.Option;
import se.vagvisaren.reflection.Exercise.Question;
import se.vagvisaren.reflection.Exercise.QuestionType;

/**
 * Turns one parsed exercise file into an {@link Exercise}, or lists everything wrong with it. Validation
 * is strict on purpose: a coordinator editing YAML on disk should learn about a typo ({@code questons})
 * from the log, not from a half-empty card in front of a team.
 */
final class ExerciseReader {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern SHORT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<String> TOP_KEYS = Set.of("id", "step", "duration", "keywords", "sv", "en", "questions");
    private static final Set<String> TEXT_KEYS = Set.of("title", "purpose", "facilitator_notes", "discussion");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "sv", "en", "options", "low", "high");
    private static final int MAX_TITLE = 120;
    private static final int MAX_TEXT = 2000;
    static final int MAX_QUESTIONS = 5;
    private static final int MAX_OPTIONS = 10;

    private final List<String> problems = new ArrayList<>();

    private ExerciseReader() {
    }

    /**
     * @throws InvalidExercise listing every problem found, when the file is not a valid exercise
     */
    static Exercise read(JsonNode root) {
        ExerciseReader reader = new ExerciseReader();
        Exercise exercise = reader.exercise(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidExercise(reader.problems);
        }
        return exercise;
    }

    private Exercise exercise(JsonNode root) {
        if (!mapping(root, TOP_KEYS, "", "the file is not a YAML mapping")) {
            return null;
        }
        String id = id(root.get("id"), ID, "id");
        int step = integer(root.get("step"), 1, 5, "step");
        int duration = integer(root.get("duration"), 1, 240, "duration");
        Map<Language, List<String>> keywords = keywords(root.get("keywords"));
        Map<Language, ExerciseText> texts = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            ExerciseText text = text(root.get(lang.code()), lang.code());
            if (text != null) {
                texts.put(lang, text);
            }
        }
        List<Question> questions = questions(root.get("questions"));
        return problems.isEmpty() ? new Exercise(id, step, duration, keywords, texts, questions) : null;
    }

    private Map<Language, List<String>> keywords(JsonNode node) {
        Map<Language, List<String>> keywords = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            keywords.put(lang, List.of());
        }
        if (node == null || node.isNull()) {
            return keywords;
        }
        if (!node.isObject()) {
            problems.add("keywords must map sv/en to lists of words");
            return keywords;
        }
        for (Language lang : Language.values()) {
            JsonNode list = node.get(lang.code());
            if (list == null) {
                continue;
            }
            List<String> words = strings(list, "keywords." + lang.code(), 0, 40, 60);
            keywords.put(lang, words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        }
        return keywords;
    }

    private ExerciseText text(JsonNode node, String where) {
        if (!mapping(node, TEXT_KEYS, where + ".", where + " is missing (title, purpose, facilitator_notes, discussion)")) {
            return null;
        }
        String title = string(node.get("title"), where + ".title", MAX_TITLE);
        String purpose = string(node.get("purpose"), where + ".purpose", MAX_TEXT);
        String notes = string(node.get("facilitator_notes"), where + ".facilitator_notes", MAX_TEXT);
        List<String> discussion = strings(node.get("discussion"), where + ".discussion", 1, 10, 400);
        return new ExerciseText(title, purpose, notes, discussion);
    }

    private List<Question> questions(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_QUESTIONS) {
            problems.add("questions must be a list of 1 to " + MAX_QUESTIONS + " questions");
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Question q = question(node.get(i), "questions[" + (i + 1) + "]");
            if (q != null && !ids.add(q.id())) {
                problems.add("question id " + q.id() + " is used twice");
            }
            if (q != null) {
                questions.add(q);
            }
        }
        return questions;
    }

    private Question question(JsonNode node, String where) {
        if (!mapping(node, QUESTION_KEYS, where + ".", where + " is not a mapping")) {
            return null;
        }
        String id = id(node.get("id"), SHORT_ID, where + ".id");
        QuestionType type = type(node.get("type"), where);
        Map<Language, String> text = bilingual(node, where, 400);
        List<Option> options = List.of();
        boolean choice = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
        if (choice) {
            options = options(node.get("options"), where);
        } else if (node.has("options")) {
            problems.add(where + ": only single and multiple questions have options");
        }
        Map<Language, String> low = Map.of();
        Map<Language, String> high = Map.of();
        if (node.has("low") || node.has("high")) {
            if (type != QuestionType.SCALE) {
                problems.add(where + ": only scale questions have low/high labels");
            } else {
                low = bilingual(node.get("low"), where + ".low", 60);
                high = bilingual(node.get("high"), where + ".high", 60);
            }
        }
        return type == null || id == null ? null : new Question(id, type, text, options, low, high);
    }

    private List<Option> options(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > MAX_OPTIONS) {
            problems.add(where + ".options must list 2 to " + MAX_OPTIONS + " options");
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = where + ".options[" + (i + 1) + "]";
            JsonNode option = node.get(i);
            if (option == null || !option.isObject()) {
                problems.add(at + " is not a mapping");
                continue;
            }
            String id = id(option.get("id"), SHORT_ID, at + ".id");
            if (id != null && !ids.add(id)) {
                problems.add(at + ": option id " + id + " is used twice");
            }
            options.add(new Option(id == null ? "" : id, bilingual(option, at, 200)));
        }
        return options;
    }

    private QuestionType type(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            problems.add(where + ".type is missing (scale, single, multiple or text)");
            return null;
        }
        try {
            return QuestionType.valueOf(node.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(where + ".type '" + node.asText() + "' is not scale, single, multiple or text");
            return null;
        }
    }

    private Map<Language, String> bilingual(JsonNode node, String where, int maxLength) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        if (node == null || !node.isObject()) {
            problems.add(where + " needs sv and en texts");
            return texts;
        }
        for (Language lang : Language.values()) {
            String text = string(node.get(lang.code()), where + "." + lang.code(), maxLength);
            if (text != null) {
                texts.put(lang, text);
            }
        }
        return texts;
    }

    private String id(JsonNode node, Pattern pattern, String where) {
        // YAML 1.1 reads unquoted no/yes/on/off as booleans: require a real string.
        if (node == null || !node.isTextual() || !pattern.matcher(node.asText()).matches()) {
            problems.add(where + " must be a string of lower-case letters, digits and dashes"
                    + (node != null && node.isBoolean() ? " (quote it: YAML reads it as a boolean)" : ""));
            return null;
        }
        return node.asText();
    }

    private int integer(JsonNode node, int min, int max, String where) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()
                || node.asInt() < min || node.asInt() > max) {
            problems.add(where + " must be a whole number from " + min + " to " + max);
            return min;
        }
        return node.asInt();
    }

    private String string(JsonNode node, String where, int maxLength) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(where + " is missing or empty");
            return null;
        }
        String text = node.asText().strip();
        if (text.length() > maxLength) {
            problems.add(where + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    private List<String> strings(JsonNode node, String where, int min, int max, int maxLength) {
        if (node == null || !node.isArray() || node.size() < min || node.size() > max) {
            problems.add(where + " must be a list of " + min + " to " + max + " texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String s = string(node.get(i), where + "[" + (i + 1) + "]", maxLength);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether {@code node} is a mapping; notes {@code notMapping} as the problem when it is not, and every
     * key outside {@code allowed} (named with {@code prefix}) when it is.
     */
    private boolean mapping(JsonNode node, Set<String> allowed, String prefix, String notMapping) {
        if (node == null || !node.isObject()) {
            problems.add(notMapping);
            return false;
        }
        unknownKeys(node, allowed, prefix);
        return true;
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add("unknown key " + prefix + key);
            }
        }
    }

    /** A file that is not a valid exercise; the message lists every problem. */
    static final class InvalidExercise extends RuntimeException {
        private final List<String> problems;

        InvalidExercise(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
