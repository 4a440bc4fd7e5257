package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.reflection.Exercise.Option;
import se.vagvisaren.reflection.Exercise.Question;
import se.vagvisaren.reflection.Exercise.QuestionType;
import se.vagvisaren.reflection.SessionStore.StoredAnswer;

/**
 * Counts the answers of one session per question. Values that do not fit the exercise (which cannot
 * happen through {@link AnswerForm}, but could through a hand-edited database) are skipped, not counted.
 *
 * @param respondents how many people answered at all
 * @param questions   one result per question, in the exercise's order
 */
record Tally(int respondents, List<QuestionTally> questions) {


    /**
     * @param shuffle orders the free-text answers; pass a fresh {@link java.security.SecureRandom} so the
     *                order says nothing about who answered when
     */
    static Tally of(Exercise exercise, List<StoredAnswer> answers, Random shuffle) {
        List<JsonNode> parsed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (StoredAnswer answer : answers) {
            try {
                parsed.add(Mappers.JSON.readTree(answer.answersJson()));
                names.add(answer.name());
            } catch (Exception unreadable) {
                // skipped: one corrupt row must not hide everybody else's answers
            }
        }
        List<QuestionTally> questions = new ArrayList<>();
        for (Question question : exercise.questions()) {
            questions.add(count(question, parsed, names, shuffle));
        }
        return new Tally(answers.size(), List.copyOf(questions));
    }

    private static QuestionTally count(Question question, List<JsonNode> answers, List<String> names, Random shuffle) {
        int[] scale = new int[QuestionType.SCALE_MAX + 1];
        Map<String, Integer> options = new LinkedHashMap<>();
        for (Option option : question.options()) {
            options.put(option.id(), 0);
        }
        List<TextAnswer> texts = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < answers.size(); i++) {
            JsonNode value = answers.get(i).get(question.id());
            if (value == null || value.isNull()) {
                continue;
            }
            boolean counted = switch (question.type()) {
                case SCALE -> countScale(value, scale);
                case SINGLE -> countOption(value, options);
                case MULTIPLE -> countOptions(value, options);
                case TEXT -> value.isTextual() && texts.add(new TextAnswer(names.get(i), value.asText()));
            };
            if (counted) {
                answered++;
            }
        }
        Collections.shuffle(texts, shuffle);
        return new QuestionTally(question, answered, scale, options, texts);
    }

    private static boolean countScale(JsonNode value, int[] scale) {
        int v = value.asInt(-1);
        if (!value.isInt() || v < QuestionType.SCALE_MIN || v > QuestionType.SCALE_MAX) {
            return false;
        }
        scale[v]++;
        return true;
    }

    private static boolean countOption(JsonNode value, Map<String, Integer> options) {
        if (!value.isTextual() || !options.containsKey(value.asText())) {
            return false;
        }
        options.merge(value.asText(), 1, Integer::sum);
        return true;
    }

    private static boolean countOptions(JsonNode value, Map<String, Integer> options) {
        boolean any = false;
        for (JsonNode id : value) {
            if (id.isTextual() && options.containsKey(id.asText())) {
                options.merge(id.asText(), 1, Integer::sum);
                any = true;
            }
        }
        return any;
    }

    /**
     * The result of one question.
     *
     * @param answered how many respondents answered this question
     * @param scale    for scale questions: {@code scale[v]} people chose value v (index 0 unused)
     * @param options  for choice questions: option id to how many chose it, in the exercise's order
     * @param texts    for free-text questions: the answers in random order
     */
    record QuestionTally(Question question, int answered, int[] scale, Map<String, Integer> options,
                         List<TextAnswer> texts) {

        /** Mean of a scale question, or {@code NaN} when nobody answered it. */
        double mean() {
            int sum = 0;
            int n = 0;
            for (int v = QuestionType.SCALE_MIN; v <= QuestionType.SCALE_MAX; v++) {
                sum += v * scale[v];
                n += scale[v];
            }
            return n == 0 ? Double.NaN : (double) sum / n;
        }

        int scaleCount(int value) {
            return scale[value];
        }
    }

    /**
     * One free-text answer.
     *
     * @param name the respondent's name in named mode, otherwise {@code null}
     */
    record TextAnswer(String name, String text) {
    }
}
