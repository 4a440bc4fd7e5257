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

    private final List<String> gold = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();

    void add(String goldIntent, String predictedIntent, long elapsedNanos) {
        gold.add(goldIntent);
        predicted.add(predictedIntent);
        nanos.add(elapsedNanos);
    }

    int size() {
        return gold.size();
    }

    EvaluationReport report(long trainMs, Map<String, Object> settings) {
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int correct = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        int outOfScope = 0;
        int outOfScopeFound = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            confusion.computeIfAbsent(g, k -> new TreeMap<>()).merge(p, 1, Integer::sum);
            boolean right = g.equals(p);
            correct += right ? 1 : 0;
            if (g.equals(IntentDecider.OUT_OF_SCOPE)) {
                outOfScope++;
                outOfScopeFound += right ? 1 : 0;
            } else {
                inScope++;
                inScopeCorrect += right ? 1 : 0;
            }
        }
        Map<String, EvaluationReport.IntentScores> perIntent = new LinkedHashMap<>();
        double f1Sum = 0;
        for (String intent : new TreeSet<>(gold)) {
            EvaluationReport.IntentScores scores = scores(intent);
            perIntent.put(intent, scores);
            f1Sum += scores.f1();
        }
        int n = gold.size();
        return new EvaluationReport(
                n == 0 ? 0 : (double) correct / n,
                perIntent.isEmpty() ? 0 : f1Sum / perIntent.size(),
                n, perIntent, confusion, trainMs,
                percentile(0.50), percentile(0.99),
                inScope == 0 ? 0 : (double) inScopeCorrect / inScope,
                outOfScope == 0 ? null : (double) outOfScopeFound / outOfScope,
                settings);
    }

    private EvaluationReport.IntentScores scores(String intent) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean isGold = gold.get(i).equals(intent);
            boolean isPredicted = predicted.get(i).equals(intent);
            tp += isGold && isPredicted ? 1 : 0;
            fp += !isGold && isPredicted ? 1 : 0;
            fn += isGold && !isPredicted ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EvaluationReport.IntentScores(precision, recall, f1, tp + fn);
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
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            if (g.equals(p)) {
                tp += g.equals(ignored) ? 0 : 1;
                continue;
            }
            fp += p.equals(ignored) ? 0 : 1;
            fn += g.equals(ignored) ? 0 : 1;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Nearest-rank percentile of the latencies in milliseconds; 0 when empty. */
    private double percentile(double q) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1_000_000.0;
    }
}
