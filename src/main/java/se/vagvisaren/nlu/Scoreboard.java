package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collects gold/predicted pairs and latencies and computes an {@link EvaluationReport}. Not thread-safe. */
final class Scoreboard {

    /** One test utterance: its gold intent, the predicted one and how long the prediction took. */
    private record Prediction(String gold, String predicted, long nanos) {
        boolean right() {
            return gold.equals(predicted);
        }
    }

    /** True positives, false positives and false negatives of one label or of all; F1 0 when undefined. */
    private record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<Prediction> predictions = new ArrayList<>();

    void add(String goldIntent, String predictedIntent, long elapsedNanos) {
        predictions.add(new Prediction(goldIntent, predictedIntent, elapsedNanos));
    }

    int size() {
        return predictions.size();
    }

    EvaluationReport report(long trainMs, Map<String, Object> settings) {
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int correct = 0;
        ScopeTally scope = new ScopeTally();
        for (Prediction prediction : predictions) {
            confusion.computeIfAbsent(prediction.gold(), k -> new TreeMap<>()).merge(prediction.predicted(), 1, Integer::sum);
            correct += prediction.right() ? 1 : 0;
            scope.add(prediction.gold(), prediction.right());
        }
        Map<String, EvaluationReport.IntentScores> perIntent = new LinkedHashMap<>();
        double f1Sum = 0;
        for (String intent : new TreeSet<>(predictions.stream().map(Prediction::gold).toList())) {
            EvaluationReport.IntentScores scores = scores(intent);
            perIntent.put(intent, scores);
            f1Sum += scores.f1();
        }
        int n = predictions.size();
        return new EvaluationReport(
                n == 0 ? 0 : (double) correct / n,
                perIntent.isEmpty() ? 0 : f1Sum / perIntent.size(),
                n, perIntent, confusion, trainMs,
                percentile(0.50), percentile(0.99),
                scope.inScopeAccuracy(),
                scope.hasOutOfScope() ? scope.outOfScopeRecall() : null,
                settings);
    }

    private EvaluationReport.IntentScores scores(String intent) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Prediction prediction : predictions) {
            boolean isGold = prediction.gold().equals(intent);
            boolean isPredicted = prediction.predicted().equals(intent);
            tp += isGold && isPredicted ? 1 : 0;
            fp += !isGold && isPredicted ? 1 : 0;
            fn += isGold && !isPredicted ? 1 : 0;
        }
        Counts counts = new Counts(tp, fp, fn);
        return new EvaluationReport.IntentScores(counts.precision(), counts.recall(), counts.f1(), tp + fn);
    }

    /**
     * Micro-averaged F1 over every intent except {@code ignored}: an {@code ignored} gold utterance predicted as
     * an intent is a false positive, an utterance predicted {@code ignored} a false negative (Braun et al. 2017
     * as re-scored by Botfuel).
     */
    double microF1Excluding(String ignored) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Prediction prediction : predictions) {
            if (prediction.right()) {
                tp += prediction.gold().equals(ignored) ? 0 : 1;
                continue;
            }
            fp += prediction.predicted().equals(ignored) ? 0 : 1;
            fn += prediction.gold().equals(ignored) ? 0 : 1;
        }
        return new Counts(tp, fp, fn).f1();
    }

    /** Nearest-rank percentile of the latencies in milliseconds; 0 when empty. */
    private double percentile(double q) {
        if (predictions.isEmpty()) {
            return 0;
        }
        long[] sorted = predictions.stream().mapToLong(Prediction::nanos).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1_000_000.0;
    }
}
