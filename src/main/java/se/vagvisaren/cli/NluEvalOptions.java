package se.vagvisaren.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.vagvisaren.nlu.NluProperties;

/** Options of {@code nlu eval}; unset model and threshold options keep the configured values. */
class NluEvalOptions {

    @Option(names = "--train", paramLabel = "FILE", description = "JSON Lines {\"text\", \"intent\"} to train on (default: the shipped dialogs/intents)")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "JSON Lines to test on; label out_of_scope = should fall back")
    Path test;

    @Option(names = "--cv", paramLabel = "K", description = "stratified K-fold cross-validation over the training data instead of --test")
    Integer cv;

    @Option(names = "--seed", defaultValue = "42", description = "shuffle seed for --cv (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Option(names = "--tune", paramLabel = "FILE", description = "validation JSON Lines to choose the out-of-scope confidence and margin thresholds on")
    Path tune;

    @Option(names = "--target-oos-recall", paramLabel = "R", description = "with --tune: best in-scope accuracy among thresholds reaching this out-of-scope recall on the validation set; unset = best overall validation accuracy")
    Double targetOutOfScopeRecall;

    @Option(names = "--drop-train-intent", paramLabel = "INTENT", description = "leave this intent out of training (e.g. out_of_scope for a threshold-only setting)")
    String dropTrainIntent;

    @Option(names = "--lang", paramLabel = "sv|en", description = "language of JSON Lines without \"lang\" (default: guessed per line; set it for English benchmarks)")
    String language;

    @Option(names = "--oos-weight", paramLabel = "K", defaultValue = "1", description = "count each out_of_scope training example K times (default ${DEFAULT-VALUE})")
    int outOfScopeWeight;

    @Option(names = "--ignore-label", paramLabel = "LABEL", description = "also report micro-F1 without this label (Braun et al.: None)")
    String ignoreLabel;

    @Option(names = "--algorithm", description = "WARM_QN, SPARSE_SOFTMAX, MAXENT_QN, MAXENT or NAIVEBAYES")
    String algorithm;

    @Option(names = "--iterations", description = "training iterations")
    Integer iterations;

    @Option(names = "--l2", description = "L2 cost for WARM_QN, SPARSE_SOFTMAX and MAXENT_QN")
    Double l2;

    @Option(names = "--no-char-ngrams", description = "leave out character n-grams (faster, less accurate training on large corpora)")
    boolean noCharNgrams;

    @Option(names = "--threads", paramLabel = "N", description = "training threads (default: the configured vagvisaren.nlu.training-threads; 0 = every core)")
    Integer threads;

    @Option(names = "--cutoff", paramLabel = "N", description = "use only features occurring at least N times in the training data (default: the configured vagvisaren.nlu.cutoff, 1)")
    Integer cutoff;

    @Option(names = "--lbfgs-corrections", paramLabel = "M", description = "correction pairs the L-BFGS of MAXENT_QN and WARM_QN keeps (default: the configured vagvisaren.nlu.lbfgs-corrections, 15)")
    Integer lbfgsCorrections;

    @Option(names = "--learning-rate", paramLabel = "R", description = "AdaGrad learning rate of SPARSE_SOFTMAX and WARM_QN (default: the configured vagvisaren.nlu.learning-rate)")
    Double learningRate;

    @Option(names = "--min-confidence", description = "out_of_scope below this probability")
    Double minConfidence;

    @Option(names = "--min-margin", description = "out_of_scope below this gap between the two best")
    Double minMargin;

    @Option(names = "--urgent-min-confidence", description = "urgent_help wins at or above this probability")
    Double urgentMinConfidence;

    /** A message for the user when the options do not fit together; {@code null} when they do. */
    String problem() {
        if (cv == null && test == null) {
            return "nlu eval: give --test FILE or --cv K";
        }
        if (cv != null && (test != null || tune != null)) {
            return "nlu eval: --cv evaluates the training data itself; leave out --test and --tune";
        }
        if (outOfScopeWeight < 1) {
            return "nlu eval: --oos-weight needs K >= 1";
        }
        if (threads != null && threads < 0) {
            return "nlu eval: --threads needs N >= 0 (0 = every core)";
        }
        if (cutoff != null && cutoff < 1) {
            return "nlu eval: --cutoff needs N >= 1";
        }
        if (lbfgsCorrections != null && lbfgsCorrections < 1) {
            return "nlu eval: --lbfgs-corrections needs M >= 1";
        }
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            return "nlu eval: --learning-rate needs a number R > 0";
        }
        if (cv != null && cv < 2) {
            return "nlu eval: --cv needs K >= 2";
        }
        for (Path p : new Path[] {train, test, tune}) {
            if (p != null && !Files.isReadable(p)) {
                return "nlu eval: cannot read " + p;
            }
        }
        return null;
    }

    /** The configured properties with the options given on the command line put over them. */
    NluProperties properties(NluProperties d) {
        return new NluProperties(
                minConfidence != null ? minConfidence : d.minConfidence(),
                minMargin != null ? minMargin : d.minMargin(),
                d.ambiguityMargin(),
                urgentMinConfidence != null ? urgentMinConfidence : d.urgentMinConfidence(),
                d.zone(),
                algorithm != null ? algorithm : d.algorithm(),
                iterations != null ? iterations : d.iterations(),
                l2 != null ? l2 : d.l2(),
                !noCharNgrams && d.characterGrams(),
                threads != null ? threads : d.trainingThreads(),
                /* modelCache= */ false,
                d.modelCacheDir(),
                cutoff != null ? cutoff : d.cutoff(),
                lbfgsCorrections != null ? lbfgsCorrections : d.lbfgsCorrections(),
                learningRate != null ? learningRate : d.learningRate());
    }
}
