package se.vagvisaren.nlu;

import java.util.List;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * One trained snapshot: intent model, language guesser and decision rules. Immutable and thread-safe,
 * so a reload swaps the whole snapshot at once.
 */
final class IntentRecognizer {

    private final IntentModel model;
    private final LanguageGuesser languages;
    private final IntentDecider decider;
    private final int trainingSize;
    private final DomainSpelling spelling;

    private IntentRecognizer(IntentModel model, LanguageGuesser languages, IntentDecider decider, int trainingSize,
                             DomainSpelling spelling) {
        this.spelling = spelling;
        this.model = model;
        this.languages = languages;
        this.decider = decider;
        this.trainingSize = trainingSize;
    }

    /**
     * Trains a recognizer; the language guesser learns from the same examples.
     *
     * @throws IllegalArgumentException when the data has fewer than two intents
     */
    static IntentRecognizer train(TrainingData data, IntentModel.ModelSettings settings, IntentDecider decider) {
        return of(IntentModel.train(data, settings), data, decider);
    }

    /** A recognizer around a model already trained on {@code data} (for example one read from the cache). */
    static IntentRecognizer of(IntentModel model, TrainingData data, IntentDecider decider) {
        return new IntentRecognizer(model, new LanguageGuesser(data), decider, data.size(), spellingFor(data));
    }

    /** Typo mending towards the data's domain words; words the examples use are never changed. */
    private static DomainSpelling spellingFor(TrainingData data) {
        if (data.domainWords().isEmpty()) {
            return DomainSpelling.none();
        }
        java.util.Set<String> tokens = new java.util.HashSet<>();
        data.examples().forEach(e -> tokens.addAll(List.of(TextNormalizer.tokens(e.text()))));
        return new DomainSpelling(data.domainWords(), tokens);
    }

    /** The same model with other decision rules (for threshold tuning without retraining). */
    IntentRecognizer withDecider(IntentDecider other) {
        return new IntentRecognizer(model, languages, other, trainingSize, spelling);
    }

    /** Language and intent without entities. Never throws for any text. */
    Understanding recognize(String text, String locale) {
        Language language = languages.guess(text, locale);
        // Typos in domain words are mended for the model only; the language guess keeps the original letters.
        List<Understanding.IntentScore> ranking = model.rank(spelling.correct(text), language);
        IntentDecider.Decision decision = decider.decide(ranking);
        return new Understanding(language, new RecognizedIntent(decision.intent(), decision.confidence(), List.of()),
                ranking, decision.ambiguous());
    }

    /** Probabilities only, best first; for evaluation that tunes the decision rules itself. */
    List<Understanding.IntentScore> rank(String text, Language language) {
        return model.rank(spelling.correct(text), language);
    }

    Language language(String text, String locale) {
        return languages.guess(text, locale);
    }

    String mended(String text) {
        return spelling.correct(text);
    }

    TextLanguage textLanguage(String text) {
        return languages.judge(text);
    }

    IntentDecider decider() {
        return decider;
    }

    List<String> intents() {
        return model.intents();
    }

    long trainMillis() {
        return model.trainMillis();
    }

    int trainingSize() {
        return trainingSize;
    }
}
