package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.reflection.Exercise.Question;
import se.vagvisaren.reflection.Exercise.QuestionType;

/**
 * Reads the inputs of a submitted exercise card ({@code a_<questionId>} fields) against the exercise the
 * session was launched with. Card data is client-controlled, so every value is checked: a scale value
 * must be 1–5, options must exist, free text must fit. Anything wrong rejects the whole answer; unknown
 * fields are ignored and never stored.
 */
final class AnswerForm {

    static final String INPUT_PREFIX = "a_";
    // Invisible control characters (except line breaks and tabs) could hide text in the results card.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}]");

    private AnswerForm() {
    }

    /**
     * @param maxTextChars the longest free text accepted
     * @return the validated answers, or the first problem found
     */
    static Result read(Exercise exercise, JsonNode data, int maxTextChars) {
        ObjectNode answers = Mappers.JSON.createObjectNode();
        List<String> texts = new ArrayList<>();
        int number = 0;
        for (Question question : exercise.questions()) {
            number++;
            JsonNode raw = data == null ? null : data.get(INPUT_PREFIX + question.id());
            if (raw == null || raw.isNull() || (raw.isTextual() && raw.asText().isBlank())) {
                continue;
            }
            Problem problem = switch (question.type()) {
                case SCALE -> scale(raw, question, answers);
                case SINGLE -> single(raw, question, answers);
                case MULTIPLE -> multiple(raw, question, answers);
                case TEXT -> text(raw, question, answers, texts, maxTextChars);
            };
            if (problem != null) {
                return Result.problem(problem.withQuestion(number));
            }
        }
        if (answers.isEmpty()) {
            return Result.problem(new Problem(Problem.Kind.EMPTY, 0, 0));
        }
        return new Result(answers, texts, null);
    }

    private static Problem scale(JsonNode raw, Question q, ObjectNode answers) {
        String text = raw.asText().trim();
        if (!text.matches("[0-9]{1,2}")) {
            return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
        }
        int value = Integer.parseInt(text);
        if (value < QuestionType.SCALE_MIN || value > QuestionType.SCALE_MAX) {
            return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
        }
        answers.put(q.id(), value);
        return null;
    }

    private static Problem single(JsonNode raw, Question q, ObjectNode answers) {
        String id = raw.isTextual() ? raw.asText().trim() : "";
        if (q.option(id).isEmpty()) {
            return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
        }
        answers.put(q.id(), id);
        return null;
    }

    private static Problem multiple(JsonNode raw, Question q, ObjectNode answers) {
        if (!raw.isTextual() || raw.asText().length() > 1000) {
            return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
        }
        // Teams sends a multi-select ChoiceSet as one comma-separated string.
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : raw.asText().split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (q.option(id).isEmpty()) {
                return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            return null;
        }
        ArrayNode list = answers.putArray(q.id());
        chosen.forEach(list::add);
        return null;
    }

    private static Problem text(JsonNode raw, Question q, ObjectNode answers, List<String> texts, int maxTextChars) {
        if (!raw.isTextual()) {
            return new Problem(Problem.Kind.INVALID_VALUE, 0, 0);
        }
        String text = CONTROL.matcher(raw.asText()).replaceAll("").strip();
        if (text.codePointCount(0, text.length()) > maxTextChars) {
            return new Problem(Problem.Kind.TOO_LONG, 0, maxTextChars);
        }
        if (!text.isEmpty()) {
            answers.put(q.id(), text);
            texts.add(text);
        }
        return null;
    }

    /**
     * What the card submitted.
     *
     * @param answers question id to validated value, ready to store; {@code null} when there is a problem
     * @param texts   the free-text parts, for the personal-data screen
     * @param problem why the answer was rejected, or {@code null}
     */
    record Result(ObjectNode answers, List<String> texts, Problem problem) {
        static Result problem(Problem problem) {
            return new Result(null, List.of(), problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    /**
     * Why an answer was rejected.
     *
     * @param question 1-based number of the question, 0 when not about one question
     * @param limit    the character limit for {@link Kind#TOO_LONG}
     */
    record Problem(Kind kind, int question, int limit) {
        enum Kind { EMPTY, INVALID_VALUE, TOO_LONG }

        Problem withQuestion(int number) {
            return new Problem(kind, number, limit);
        }
    }
}
