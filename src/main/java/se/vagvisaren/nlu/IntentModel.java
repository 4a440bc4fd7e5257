package se.vagvisaren.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import se.vagvisaren.conversation.Language;

/**
 * A trained OpenNLP document categorizer over {@link ChatFeatures}. Immutable and thread-safe once built:
 * {@link DocumentCategorizerME#categorize} keeps no per-call state.
 */
final class IntentModel {

    /** OpenNLP wants a language code per model; ours holds Swedish and English. */
    private static final String LANGUAGE_CODE = "mul";

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;
    private final long trainMillis;
    private final boolean fromCache;

    private IntentModel(DoccatModel model, long trainMillis, boolean fromCache) {
        this.model = model;
        this.categorizer = new DocumentCategorizerME(model);
        this.trainMillis = trainMillis;
        this.fromCache = fromCache;
    }

    static final String URGENT_HELP = "urgent_help";
    /**
     * How many times each {@code urgent_help} example counts in training. Since the handbook questions of the question
     * sets became examples of {@code handbook_question} (a third of all examples), a cry for help that uses handbook
     * words ("jag är rädd för min man, vad säger handboken") lost probability to it: cross-validated recall of
     * {@code urgent_help} fell from 0.994 to 0.967–0.978. Counting its examples three times brought it back to 0.983 (twice: 0.978); a
     * support card shown to a handbook question costs less than a missed cry for help (docs/nlu.md).
     */
    static final int URGENT_HELP_WEIGHT = 3;

    /**
     * Trains on all examples, each {@code urgent_help} example {@link #URGENT_HELP_WEIGHT} times. Examples without any
     * word (emoji, punctuation) are skipped.
     *
     * @throws IllegalArgumentException when fewer than two intents have examples
     */
    static IntentModel train(TrainingData data, ModelSettings settings) {
        List<DocumentSample> samples = new ArrayList<>();
        for (TrainingData.Example example : data.weighted(URGENT_HELP, URGENT_HELP_WEIGHT).examples()) {
            String[] tokens = TextNormalizer.tokens(example.text());
            if (tokens.length > 0) {
                samples.add(new DocumentSample(example.intent(), tokens,
                        Map.of(ChatFeatures.LANGUAGE, example.language())));
            }
        }
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("Training needs examples of at least two intents");
        }
        long start = System.nanoTime();
        try {
            DoccatModel model = DocumentCategorizerME.train(LANGUAGE_CODE, ObjectStreamUtils.createObjectStream(samples),
                    settings.toParameters(), factory(settings));
            return new IntentModel(model, (System.nanoTime() - start) / 1_000_000, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Training from memory failed", e);
        }
    }

    /**
     * Reads a model written by {@link #writeTo}. The feature generator comes from {@code settings}, not from the
     * stream: OpenNLP would rebuild it with its no-arg constructor, which always adds character n-grams.
     *
     * @throws IOException when the stream is not a complete OpenNLP document categorizer model
     */
    static IntentModel readFrom(InputStream in, ModelSettings settings) throws IOException {
        DoccatModel stored = new DoccatModel(in);
        return new IntentModel(new DoccatModel(LANGUAGE_CODE, stored.getMaxentModel(), Map.of(), factory(settings)), 0, true);
    }

    /** Writes the model in OpenNLP's own format (a zip); the stream is left open. */
    void writeTo(OutputStream out) throws IOException {
        model.serialize(out);
    }

    private static DoccatFactory factory(ModelSettings settings) {
        return new DoccatFactory(new FeatureGenerator[] {new ChatFeatures(settings.characterGrams())});
    }

    /** All intents with their probabilities, best first; empty for text without words. */
    List<Understanding.IntentScore> rank(String text, Language language) {
        String[] tokens = TextNormalizer.tokens(text);
        if (tokens.length == 0) {
            return List.of();
        }
        double[] scores = categorizer.categorize(tokens, Map.of(ChatFeatures.LANGUAGE, language));
        List<Understanding.IntentScore> ranking = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            ranking.add(new Understanding.IntentScore(categorizer.getCategory(i), scores[i]));
        }
        ranking.sort(Comparator.comparingDouble(Understanding.IntentScore::confidence).reversed());
        return ranking;
    }

    List<String> intents() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            out.add(categorizer.getCategory(i));
        }
        return out;
    }

    /** Wall-clock training time in milliseconds; 0 for a model read from the cache. */
    long trainMillis() {
        return trainMillis;
    }

    /** Whether this model was read from the {@link IntentModelCache} rather than trained now. */
    boolean fromCache() {
        return fromCache;
    }

    /**
     * OpenNLP training settings.
     *
     * @param algorithm  {@code WARM_QN} ({@code SPARSE_SOFTMAX}'s epochs, then L-BFGS), {@code SPARSE_SOFTMAX},
     *                   {@code MAXENT}, {@code MAXENT_QN} or {@code NAIVEBAYES}
     * @param iterations training iterations
     * @param cutoff     minimum feature count; 1 because every example counts on small data
     * @param l2         L2 cost for {@code MAXENT_QN}, {@code SPARSE_SOFTMAX} and {@code WARM_QN}; ignored by the others
     * @param threads    training threads for {@code MAXENT_QN}, {@code SPARSE_SOFTMAX} and {@code WARM_QN}
     * @param characterGrams whether features include character n-grams
     * @param lbfgsCorrections correction pairs L-BFGS keeps ({@code MAXENT_QN}'s and {@code WARM_QN}'s {@code NumOfUpdates})
     * @param learningRate   AdaGrad learning rate of {@code SPARSE_SOFTMAX} and {@code WARM_QN}
     */
    record ModelSettings(String algorithm, int iterations, int cutoff, double l2, int threads, boolean characterGrams,
                         int lbfgsCorrections, double learningRate) {

        /** With OpenNLP's default number of L-BFGS correction pairs and the default learning rate. */
        ModelSettings(String algorithm, int iterations, int cutoff, double l2, int threads, boolean characterGrams) {
            this(algorithm, iterations, cutoff, l2, threads, characterGrams, NluProperties.DEFAULT_LBFGS_CORRECTIONS);
        }

        /** With the default learning rate. */
        ModelSettings(String algorithm, int iterations, int cutoff, double l2, int threads, boolean characterGrams,
                      int lbfgsCorrections) {
            this(algorithm, iterations, cutoff, l2, threads, characterGrams, lbfgsCorrections,
                    NluProperties.DEFAULT_LEARNING_RATE);
        }

        TrainingParameters toParameters() {
            TrainingParameters parameters = new TrainingParameters();
            boolean warmStart = SparseSoftmaxTrainer.WARM_QN.equals(algorithm);
            // OpenNLP loads a trainer that is not built in by its class name.
            parameters.put(TrainingParameters.ALGORITHM_PARAM,
                    warmStart || SparseSoftmaxTrainer.ALGORITHM.equals(algorithm)
                            ? SparseSoftmaxTrainer.class.getName() : algorithm);
            parameters.put(SparseSoftmaxTrainer.LEARNING_RATE_PARAM, learningRate);
            parameters.put(SparseSoftmaxTrainer.QN_ITERATIONS_PARAM,
                    warmStart ? SparseSoftmaxTrainer.WARM_QN_ITERATIONS : 0);
            parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
            parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            parameters.put(TrainingParameters.THREADS_PARAM, threads);
            parameters.put("L2Cost", l2);
            parameters.put("L1Cost", 0.0);
            parameters.put("NumOfUpdates", lbfgsCorrections);
            return parameters;
        }
    }
}
