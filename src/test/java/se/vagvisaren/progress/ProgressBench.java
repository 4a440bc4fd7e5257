package se.vagvisaren.progress;

import java.util.SortedSet;

/** Gives benchmarks in {@code progress.bench} access to the package-private step suggester. */
public final class ProgressBench {

    private final StepSuggester suggester = new StepSuggester(ProgressFixtures.vocabulary());

    public SortedSet<Integer> suggest(String text) {
        return suggester.suggest(text);
    }
}
