package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import se.vagvisaren.conversation.Language;

/**
 * Measures intent classification: train on one set and test on another, stratified k-fold
 * cross-validation, and threshold tuning on a separate validation set (as for CLINC150). Each run trains
 * fresh models; nothing is shared with the running bot. Not thread-safe.
 */
public final class NluEvaluator {

    private final NluProperties properties;
    private final String ignoredLabel;

    /** @param properties model settings and decision thresholds to evaluate */
    public NluEvaluator(NluProperties properties) {
        this(properties, null);
    }

    /**
     * @param ignoredLabel a label such as {@code None} to leave out of an extra micro-F1 figure
     *                     ({@code settings.micro_f1_excluding}); {@code null} for none
     */
    public NluEvaluator(NluProperties properties, String ignoredLabel) {
        this.properties = properties;
        this.ignoredLabel = ignoredLabel;
    }

    /**
     * A language guesser learnt from {@code reference} (normally the shipped dialogs), for JSON Lines files
     * whose lines carry no {@code lang}.
     */
    public static Function<String, Language> languageGuesser(TrainingData reference) {
        LanguageGuesser guesser = new LanguageGuesser(reference);
        return text -> guesser.guess(text, null);
    }

    /** Trains on {@code train} and classifies every utterance of {@code test}. */
    public EvaluationReport trainAndTest(TrainingData train, TrainingData test) {
        IntentRecognizer recognizer = IntentRecognizer.train(train, properties.modelSettings(), properties.decider());
        Scoreboard board = new Scoreboard();
        classify(recognizer, test, board);
        return report(board, recognizer.trainMillis(), Map.of("train_n", train.size()));
    }

    /**
     * Stratified k-fold cross-validation: every intent's examples are shuffled with {@code seed} and dealt
     * round-robin into {@code folds} folds; each fold is tested on a model trained on the others.
     *
     * @throws IllegalArgumentException when {@code folds < 2}
     */
    public EvaluationReport crossValidate(TrainingData data, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("Cross-validation needs at least 2 folds");
        }
        List<List<TrainingData.Example>> parts = stratify(data, folds, seed);
        Scoreboard board = new Scoreboard();
        long trainMillis = 0;
        for (int f = 0; f < folds; f++) {
            List<TrainingData.Example> train = new ArrayList<>();
            for (int other = 0; other < folds; other++) {
                if (other != f) {
                    train.addAll(parts.get(other));
                }
            }
            IntentRecognizer recognizer = IntentRecognizer.train(new TrainingData(train, data.domainWords()), properties.modelSettings(),
                    properties.decider());
            trainMillis += recognizer.trainMillis();
            classify(recognizer, new TrainingData(parts.get(f)), board);
        }
        return report(board, trainMillis / folds, Map.of("folds", folds, "seed", seed, "n_total", data.size()));
    }

    /**
     * Trains on {@code train}, picks the out-of-scope confidence and margin thresholds on {@code tune}
     * only, then tests once on {@code test}. The thresholds maximise in-scope accuracy on {@code tune}
     * among those reaching {@code targetOutOfScopeRecall} there; with a {@code null} target they maximise
     * overall accuracy on {@code tune}, out-of-scope counted as its own intent (Larson et al. 2019).
     */
    public EvaluationReport trainTuneAndTest(TrainingData train, TrainingData tune, TrainingData test,
                                             Double targetOutOfScopeRecall) {
        IntentRecognizer recognizer = IntentRecognizer.train(train, properties.modelSettings(), properties.decider());
        ThresholdTuner.Gate gate = new ThresholdTuner(recognizer, tune).best(targetOutOfScopeRecall);
        IntentRecognizer tuned = recognizer.withDecider(recognizer.decider().withGate(gate.minConfidence(), gate.minMargin()));
        Scoreboard board = new Scoreboard();
        classify(tuned, test, board);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("train_n", train.size());
        extra.put("tune_n", tune.size());
        extra.put("tuned_min_confidence", gate.minConfidence());
        extra.put("tuned_min_margin", gate.minMargin());
        extra.put("tune_in_scope_accuracy", gate.inScopeAccuracy());
        extra.put("tune_out_of_scope_recall", gate.outOfScopeRecall());
        extra.put("target_out_of_scope_recall", targetOutOfScopeRecall);
        return report(board, recognizer.trainMillis(), extra);
    }

    private static void classify(IntentRecognizer recognizer, TrainingData test, Scoreboard board) {
        for (TrainingData.Example example : test.examples()) {
            long start = System.nanoTime();
            Understanding understanding = recognizer.recognize(example.text(), example.language().code());
            board.add(example.intent(), understanding.intent().name(), System.nanoTime() - start);
        }
    }

    static List<List<TrainingData.Example>> stratify(TrainingData data, int folds, long seed) {
        Map<String, List<TrainingData.Example>> byIntent = new TreeMap<>();
        data.examples().forEach(e -> byIntent.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e));
        List<List<TrainingData.Example>> parts = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            parts.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<TrainingData.Example> examples : byIntent.values()) {
            Collections.shuffle(examples, random);
            for (TrainingData.Example example : examples) {
                parts.get(next++ % folds).add(example);
            }
        }
        return parts;
    }

    private EvaluationReport report(Scoreboard board, long trainMillis, Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(extra);
        if (ignoredLabel != null) {
            all.put("micro_f1_excluding", ignoredLabel);
            all.put("micro_f1", board.microF1Excluding(ignoredLabel));
        }
        return board.report(trainMillis, settings(all));
    }

    private Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", properties.algorithm());
        out.put("iterations", properties.iterations());
        out.put("l2", properties.l2());
        out.put("cutoff", properties.cutoff());
        out.put("lbfgs_corrections", properties.lbfgsCorrections());
        out.put("learning_rate", properties.learningRate());
        out.put("character_grams", properties.characterGrams());
        out.put("training_threads", properties.modelSettings().threads());
        out.put("min_confidence", properties.minConfidence());
        out.put("min_margin", properties.minMargin());
        out.put("urgent_min_confidence", properties.urgentMinConfidence());
        out.putAll(extra);
        return out;
    }
}
