package se.vagvisaren.nlu;

import java.util.List;

/**
 * Turns a probability ranking into one intent: out-of-scope by the trained class, by a confidence
 * threshold or by a margin between the two best; {@code urgent_help} first whenever it is likely enough.
 *
 * @param minConfidence       best probability below this means {@code out_of_scope}
 * @param minMargin           gap to the second below this means {@code out_of_scope}; 0 = off
 * @param ambiguityMargin     gap to the second below this flags the result ambiguous
 * @param urgentMinConfidence {@code urgent_help} at or above this wins outright; above 1 = off
 */
record IntentDecider(double minConfidence, double minMargin, double ambiguityMargin, double urgentMinConfidence) {

    static final String OUT_OF_SCOPE = "out_of_scope";
    static final String URGENT = "urgent_help";

    /**
     * The decision.
     *
     * @param intent     chosen intent name
     * @param confidence its probability; for a threshold fall-back, 1 minus the best intent's probability
     * @param ambiguous  whether the two best in-scope intents were too close
     */
    record Decision(String intent, double confidence, boolean ambiguous) {
    }

    /** @param ranking best first; empty means no words, which is {@code out_of_scope} */
    Decision decide(List<Understanding.IntentScore> ranking) {
        if (ranking.isEmpty()) {
            return new Decision(OUT_OF_SCOPE, 1.0, false);
        }
        Understanding.IntentScore best = ranking.get(0);
        double second = ranking.size() > 1 ? ranking.get(1).confidence() : 0.0;
        for (Understanding.IntentScore score : ranking) {
            if (score.name().equals(URGENT) && score.confidence() >= urgentMinConfidence) {
                return new Decision(URGENT, score.confidence(), false);
            }
        }
        if (best.name().equals(OUT_OF_SCOPE)) {
            return new Decision(OUT_OF_SCOPE, best.confidence(), false);
        }
        if (best.confidence() < minConfidence || best.confidence() - second < minMargin) {
            return new Decision(OUT_OF_SCOPE, 1.0 - best.confidence(), false);
        }
        boolean ambiguous = ranking.size() > 1 && !ranking.get(1).name().equals(OUT_OF_SCOPE)
                && best.confidence() - second < ambiguityMargin;
        return new Decision(best.name(), best.confidence(), ambiguous);
    }

    IntentDecider withGate(double newMinConfidence, double newMinMargin) {
        return new IntentDecider(newMinConfidence, newMinMargin, ambiguityMargin, urgentMinConfidence);
    }
}
