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

    private IntentRecognizer(IntentModel model, LanguageGuesser languages, IntentDecider decider, int trainingSize) {
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
        return new IntentRecognizer(IntentModel.train(data, settings), new LanguageGuesser(data), decider, data.size());
    }

    /** The same model with other decision rules (for threshold tuning without retraining). */
    IntentRecognizer withDecider(IntentDecider other) {
        return new IntentRecognizer(model, languages, other, trainingSize);
    }

    /** Language and intent without entities. Never throws for any text. */
    Understanding recognize(String text, String locale) {
        Language language = languages.guess(text, locale);
        List<Understanding.IntentScore> ranking = model.rank(text, language);
        IntentDecider.Decision decision = decider.decide(ranking);
        return new Understanding(language, new RecognizedIntent(decision.intent(), decision.confidence(), List.of()),
                ranking, decision.ambiguous());
    }

    /** Probabilities only, best first; for evaluation that tunes the decision rules itself. */
    List<Understanding.IntentScore> rank(String text, Language language) {
        return model.rank(text, language);
    }

    Language language(String text, String locale) {
        return languages.guess(text, locale);
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
