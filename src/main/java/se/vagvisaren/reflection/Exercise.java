package se.vagvisaren.reflection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagvisaren.conversation.Language;

/**
 * One reflection exercise, read from {@code dialogs/reflections/<id>.yaml} and validated by
 * {@link ExerciseReader}. Every text exists in Swedish and English.
 *
 * @param id              stable id, also the file name ({@code normer-boxen})
 * @param step            the handbook step (1–5) the exercise belongs to
 * @param durationMinutes how long the exercise takes in a meeting, in minutes
 * @param keywords        words that name the exercise in chat ("kör övningen om normer"), per language
 * @param texts           title, purpose, facilitator notes and discussion questions per language
 * @param questions       1–5 questions answered on the card
 */
record Exercise(String id, int step, int durationMinutes, Map<Language, List<String>> keywords,
                Map<Language, ExerciseText> texts, List<Question> questions) {

    Exercise {
        keywords = Map.copyOf(keywords);
        texts = Map.copyOf(texts);
        questions = List.copyOf(questions);
    }

    /** Texts in {@code language}, falling back to Swedish. */
    ExerciseText text(Language language) {
        ExerciseText text = texts.get(language);
        return text != null ? text : texts.get(Language.SV);
    }

    Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /**
     * The language-specific parts of an exercise.
     *
     * @param discussion questions for the facilitator to raise after the results, never empty
     */
    record ExerciseText(String title, String purpose, String facilitatorNotes, List<String> discussion) {
        ExerciseText {
            discussion = List.copyOf(discussion);
        }
    }

    /**
     * One question on the card.
     *
     * @param options choices for {@link QuestionType#SINGLE} and {@link QuestionType#MULTIPLE}; empty otherwise
     * @param low     label of scale value 1 per language; empty when the file gives none
     * @param high    label of scale value 5 per language; empty when the file gives none
     */
    record Question(String id, QuestionType type, Map<Language, String> text, List<Option> options,
                    Map<Language, String> low, Map<Language, String> high) {

        Question {
            text = Map.copyOf(text);
            options = List.copyOf(options);
            low = Map.copyOf(low);
            high = Map.copyOf(high);
        }

        String text(Language language) {
            return text.getOrDefault(language, text.get(Language.SV));
        }

        Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }
    }

    /** One choice of a single- or multiple-choice question. */
    record Option(String id, Map<Language, String> text) {
        Option {
            text = Map.copyOf(text);
        }

        String text(Language language) {
            return text.getOrDefault(language, text.get(Language.SV));
        }
    }

    /** The kinds of questions a card can ask. */
    enum QuestionType {
        /** A value from 1 to 5. */
        SCALE,
        /** Exactly one option. */
        SINGLE,
        /** Any number of options. */
        MULTIPLE,
        /** Free text, shown anonymously in random order. */
        TEXT;

        static final int SCALE_MIN = 1;
        static final int SCALE_MAX = 5;
    }
}
