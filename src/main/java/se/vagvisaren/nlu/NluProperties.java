package se.vagvisaren.nlu;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the language understanding ({@code vagvisaren.nlu.*}).
 *
 * @param minConfidence       below this probability of the best intent the message is {@code out_of_scope}
 * @param minMargin           below this gap between the two best intents the message is {@code out_of_scope}; 0 = off
 * @param ambiguityMargin     below this gap the result is flagged ambiguous and the bot asks which was meant
 * @param urgentMinConfidence {@code urgent_help} wins whenever its probability reaches this, even when not best:
 *                            a missed disclosure is the worst error the bot can make
 * @param zone                zone for "now" when a caller gives none; dates are resolved in it
 * @param algorithm           trainer: {@code WARM_QN} (the default; ours, {@link SparseSoftmaxTrainer}: {@code MAXENT_QN}'s
 *                            model and objective, fitted by multi-threaded mini-batch AdaGrad and then L-BFGS from
 *                            there to convergence; much faster on large corpora), {@code SPARSE_SOFTMAX} (the same
 *                            without the L-BFGS part), or OpenNLP's {@code MAXENT_QN} (L-BFGS from zero), {@code MAXENT}
 *                            or {@code NAIVEBAYES}
 * @param iterations          training iterations ({@code WARM_QN} and {@code SPARSE_SOFTMAX}: AdaGrad epochs)
 * @param l2                  L2 cost for {@code WARM_QN}, {@code SPARSE_SOFTMAX} and {@code MAXENT_QN}
 * @param characterGrams      character 3–5-grams as features (typos, compounds); off trains faster on large corpora
 * @param trainingThreads     threads the {@code WARM_QN}, {@code SPARSE_SOFTMAX} and {@code MAXENT_QN} trainers use; 0 = one per
 *                            available core
 * @param modelCache          keep the trained intent model on disk and load it at the next start when the
 *                            training data, the model settings and the feature code are unchanged
 * @param modelCacheDir       folder of that cache; empty = {@code vagvisaren/nlu-model-cache} under
 *                            {@code java.io.tmpdir}
 * @param cutoff              a feature must occur at least this many times in the training data to be used; 1 (all) because
 *                            on small data every example counts; a large corpus trains faster with 2
 * @param lbfgsCorrections    correction pairs the L-BFGS of {@code MAXENT_QN} and {@code WARM_QN} keeps (OpenNLP's {@code NumOfUpdates}); each
 *                            pair holds two vectors of (features × intents) numbers, so on a large corpus fewer
 *                            pairs mean much less memory and work per iteration
 * @param learningRate        AdaGrad learning rate of {@code WARM_QN} and {@code SPARSE_SOFTMAX}; ignored by the others
 */
@ConfigurationProperties("vagvisaren.nlu")
@Validated
public record NluProperties(
        @DefaultValue("0.3") @DecimalMin("0") @DecimalMax("1") double minConfidence,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double minMargin,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double ambiguityMargin,
        @DefaultValue("0.25") @DecimalMin("0") @DecimalMax("1") double urgentMinConfidence,
        @DefaultValue("Europe/Stockholm") @NotNull ZoneId zone,
        @DefaultValue("WARM_QN") @NotBlank String algorithm,
        @DefaultValue("50") @Min(1) int iterations,
        @DefaultValue("0.2") @DecimalMin("0") double l2,
        @DefaultValue("true") boolean characterGrams,
        @DefaultValue("0") @Min(0) int trainingThreads,
        @DefaultValue("true") boolean modelCache,
        Path modelCacheDir,
        @DefaultValue("1") @Min(1) int cutoff,
        @DefaultValue("15") @Min(1) int lbfgsCorrections,
        @DefaultValue("0.2") @DecimalMin(value = "0", inclusive = false) double learningRate) {

    /** OpenNLP's own default number of L-BFGS correction pairs, which the bot has always trained with. */
    public static final int DEFAULT_LBFGS_CORRECTIONS = 15;

    @ConstructorBinding
    public NluProperties {
    }

    /** AdaGrad learning rate of {@code WARM_QN} and {@code SPARSE_SOFTMAX} when none is configured. */
    public static final double DEFAULT_LEARNING_RATE = 0.2;

    /** The settings before {@code learningRate} existed, with it at its default. */
    public NluProperties(double minConfidence, double minMargin, double ambiguityMargin, double urgentMinConfidence,
                         ZoneId zone, String algorithm, int iterations, double l2, boolean characterGrams,
                         int trainingThreads, boolean modelCache, Path modelCacheDir, int cutoff, int lbfgsCorrections) {
        this(minConfidence, minMargin, ambiguityMargin, urgentMinConfidence, zone, algorithm, iterations, l2,
                characterGrams, trainingThreads, modelCache, modelCacheDir, cutoff, lbfgsCorrections,
                DEFAULT_LEARNING_RATE);
    }

    /** The settings before {@code cutoff} and {@code lbfgsCorrections} existed, with those two at their defaults. */
    public NluProperties(double minConfidence, double minMargin, double ambiguityMargin, double urgentMinConfidence,
                         ZoneId zone, String algorithm, int iterations, double l2, boolean characterGrams,
                         int trainingThreads, boolean modelCache, Path modelCacheDir) {
        this(minConfidence, minMargin, ambiguityMargin, urgentMinConfidence, zone, algorithm, iterations, l2,
                characterGrams, trainingThreads, modelCache, modelCacheDir, 1, DEFAULT_LBFGS_CORRECTIONS);
    }

    /** The defaults without the model cache, for tests and tools that run without Spring: they always train. */
    public static NluProperties defaults() {
        return new NluProperties(0.3, 0, 0.1, 0.25, ZoneId.of("Europe/Stockholm"), SparseSoftmaxTrainer.WARM_QN, 50, 0.2, true, 0,
                false, null);
    }

    IntentModel.ModelSettings modelSettings() {
        int threads = trainingThreads > 0 ? trainingThreads : Runtime.getRuntime().availableProcessors();
        return new IntentModel.ModelSettings(algorithm, iterations, cutoff, l2, threads, characterGrams, lbfgsCorrections,
                learningRate);
    }

    /** Where the trained model is kept between starts; empty when the cache is off. */
    Optional<Path> modelCacheFolder() {
        if (!modelCache) {
            return Optional.empty();
        }
        return Optional.of(modelCacheDir != null && !modelCacheDir.toString().isBlank() ? modelCacheDir
                : Path.of(System.getProperty("java.io.tmpdir"), "vagvisaren", "nlu-model-cache"));
    }

    IntentDecider decider() {
        return new IntentDecider(minConfidence, minMargin, ambiguityMargin, urgentMinConfidence);
    }
}
