package se.vagvisaren.nlu;

/**
 * Counts right predictions separately for in-scope utterances and for out-of-scope ones (gold
 * {@link IntentDecider#OUT_OF_SCOPE}), the two figures an evaluation and the threshold tuning both report.
 * Not thread-safe.
 */
final class ScopeTally {

    private int inScope;
    private int inScopeRight;
    private int outOfScope;
    private int outOfScopeRight;

    /** Counts one utterance with gold intent {@code gold}; {@code right} when the prediction matched it. */
    void add(String gold, boolean right) {
        if (gold.equals(IntentDecider.OUT_OF_SCOPE)) {
            outOfScope++;
            outOfScopeRight += right ? 1 : 0;
        } else {
            inScope++;
            inScopeRight += right ? 1 : 0;
        }
    }

    /** Share of in-scope utterances predicted right; 0 when there were none. */
    double inScopeAccuracy() {
        return inScope == 0 ? 0 : (double) inScopeRight / inScope;
    }

    /** Whether any out-of-scope utterance was counted. */
    boolean hasOutOfScope() {
        return outOfScope > 0;
    }

    /** Share of out-of-scope utterances that fell back; 0 when there were none. */
    double outOfScopeRecall() {
        return outOfScope == 0 ? 0 : (double) outOfScopeRight / outOfScope;
    }
}
