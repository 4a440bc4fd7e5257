package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Grid search over the out-of-scope gate (minimum confidence × minimum margin) on a validation set,
 * reusing one ranking per utterance so no model is retrained.
 */
final class ThresholdTuner {

    private static final double STEP = 0.01;

    private final List<Case> cases = new ArrayList<>();

    /** One validation utterance reduced to what the gate looks at. */
    private record Case(String gold, String best, double top, double second, String fixed) {
    }

    /**
     * The chosen gate and what it gave on the validation set.
     *
     * @param minConfidence     best probability below this means out of scope
     * @param minMargin         gap to the second below this means out of scope
     * @param inScopeAccuracy   on the validation set
     * @param outOfScopeRecall  on the validation set; 0 when it has no out-of-scope utterances
     */
    record Gate(double minConfidence, double minMargin, double inScopeAccuracy, double outOfScopeRecall) {
    }

    ThresholdTuner(IntentRecognizer recognizer, TrainingData validation) {
        IntentDecider open = recognizer.decider().withGate(0, 0);
        for (TrainingData.Example example : validation.examples()) {
            List<Understanding.IntentScore> ranking = recognizer.rank(example.text(),
                    recognizer.language(example.text(), example.language().code()));
            if (ranking.isEmpty()) {
                cases.add(new Case(example.intent(), IntentDecider.OUT_OF_SCOPE, 1, 0, IntentDecider.OUT_OF_SCOPE));
                continue;
            }
            // Decisions the gate cannot change (urgent override, trained out-of-scope class) are fixed once.
            String ungated = open.decide(ranking).intent();
            boolean gateable = ungated.equals(ranking.get(0).name()) && !ungated.equals(IntentDecider.OUT_OF_SCOPE)
                    && !ungated.equals(IntentDecider.URGENT);
            cases.add(new Case(example.intent(), ranking.get(0).name(), ranking.get(0).confidence(),
                    ranking.size() > 1 ? ranking.get(1).confidence() : 0, gateable ? null : ungated));
        }
    }

    /** See {@link NluEvaluator#trainTuneAndTest}; ties go to the lower thresholds. */
    Gate best(Double targetOutOfScopeRecall) {
        Gate best = null;
        double bestScore = -1;
        for (double margin = 0; margin <= 0.6 + 1e-9; margin += STEP) {
            for (double confidence = 0; confidence <= 0.95 + 1e-9; confidence += STEP) {
                Gate gate = measure(round(confidence), round(margin));
                double score = score(gate, targetOutOfScopeRecall);
                if (score > bestScore + 1e-12) {
                    bestScore = score;
                    best = gate;
                }
            }
        }
        return best;
    }

    private double score(Gate gate, Double target) {
        if (target == null) {
            return overallAccuracy(gate);
        }
        // Meeting the target dominates; among those, in-scope accuracy decides.
        return gate.outOfScopeRecall() + 1e-9 >= target ? 2 + gate.inScopeAccuracy() : gate.outOfScopeRecall();
    }

    private double overallAccuracy(Gate gate) {
        long outOfScope = cases.stream().filter(c -> c.gold().equals(IntentDecider.OUT_OF_SCOPE)).count();
        long inScope = cases.size() - outOfScope;
        return (gate.inScopeAccuracy() * inScope + gate.outOfScopeRecall() * outOfScope) / Math.max(1, cases.size());
    }

    private Gate measure(double minConfidence, double minMargin) {
        ScopeTally scope = new ScopeTally();
        for (Case c : cases) {
            String predicted = c.fixed() != null ? c.fixed()
                    : c.top() < minConfidence || c.top() - c.second() < minMargin ? IntentDecider.OUT_OF_SCOPE : c.best();
            scope.add(c.gold(), predicted.equals(c.gold()));
        }
        return new Gate(minConfidence, minMargin, scope.inScopeAccuracy(), scope.outOfScopeRecall());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
