package se.vagvisaren.knowledge;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of questions to leave out of the passages' {@link Passage#examples}, compared without regard to case and
 * spacing: an evaluation measures its questions on a knowledge base that has not seen them as examples, so that a
 * question set the examples were taken from still gives an honest (held-out) figure.
 */
final class ExampleQuestions {

    /** Holds nothing out: the running bot uses every example. */
    static final ExampleQuestions NONE = new ExampleQuestions(Set.of());

    private final Set<String> questions;

    private ExampleQuestions(Set<String> questions) {
        this.questions = questions;
    }

    static ExampleQuestions of(Collection<String> questions) {
        return new ExampleQuestions(questions.stream().map(ExampleQuestions::key).collect(Collectors.toUnmodifiableSet()));
    }

    /** How many distinct questions (after that comparison) are held out. */
    int size() {
        return questions.size();
    }

    boolean contains(String question) {
        return !questions.isEmpty() && questions.contains(key(question));
    }

    /** {@code loaded} with the held-out questions removed from every passage's examples; the same instance if none. */
    PassageLoader.Loaded leftOutOf(PassageLoader.Loaded loaded) {
        if (questions.isEmpty()) {
            return loaded;
        }
        return new PassageLoader.Loaded(loaded.passages().stream().map(p -> p.withoutExamples(this::contains)).toList(),
                loaded.synonyms(), loaded.stopWords(), loaded.problems(), loaded.unstemmed(), loaded.everydayWords());
    }

    private static String key(String question) {
        return question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
