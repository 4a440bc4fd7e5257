package se.vagvisaren.nlu;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * Intent classification quality on a labelled test set. Label {@code out_of_scope} means "the bot should
 * fall back"; a prediction below the thresholds counts as {@code out_of_scope}.
 *
 * @param accuracy          share of test utterances whose predicted intent equals the gold one
 * @param macroF1           mean F1 over the intents present in the test set
 * @param n                 number of test utterances
 * @param perIntent         precision, recall, F1 and support per gold intent, sorted by name
 * @param confusion         gold intent → predicted intent → count, sorted by name
 * @param trainMs           training wall time in milliseconds (mean per fold for cross-validation)
 * @param predictMsP50      median time to understand one utterance, milliseconds
 * @param predictMsP99      99th percentile of that time, milliseconds
 * @param inScopeAccuracy   accuracy over utterances whose gold intent is not {@code out_of_scope}
 * @param outOfScopeRecall  share of gold {@code out_of_scope} predicted as such; {@code null} when there is none
 * @param settings          how the figures were produced (algorithm, thresholds, folds), for the record
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"accuracy", "macro_f1", "n", "per_intent", "confusion", "train_ms", "predict_ms_p50",
        "predict_ms_p99", "in_scope_accuracy", "out_of_scope_recall", "settings"})
public record EvaluationReport(
        double accuracy,
        double macroF1,
        int n,
        Map<String, IntentScores> perIntent,
        Map<String, Map<String, Integer>> confusion,
        long trainMs,
        double predictMsP50,
        double predictMsP99,
        double inScopeAccuracy,
        Double outOfScopeRecall,
        Map<String, Object> settings) {

    /**
     * One intent's figures.
     *
     * @param precision share of predictions of this intent that were right (0 when never predicted)
     * @param recall    share of this intent's utterances predicted as it
     * @param f1        harmonic mean of the two
     * @param support   number of test utterances with this gold intent
     */
    public record IntentScores(double precision, double recall, double f1, int support) {
    }
}
