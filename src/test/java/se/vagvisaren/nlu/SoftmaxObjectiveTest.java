package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.OnePassDataIndexer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

class SoftmaxObjectiveTest {

    private static final double L2 = 0.2;

    /** Four outcomes over overlapping words, some events repeated so that the indexer counts them. */
    private static DataIndexer indexed() throws IOException {
        String[] words = {"hej", "tack", "möte", "fredag", "och", "du", "hjälp", "nu"};
        String[] labels = {"greeting", "thanks", "deadline", "urgent"};
        Random random = new Random(3);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String label = labels[i % labels.length];
            events.add(new Event(label, new String[] {"w=" + words[(i % 4) * 2], "w=" + words[random.nextInt(words.length)],
                    "w=" + words[random.nextInt(words.length)]}));
        }
        events.addAll(events.subList(0, 10));
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        OnePassDataIndexer indexer = new OnePassDataIndexer();
        indexer.init(p, new HashMap<>());
        indexer.index(ObjectStreamUtils.createObjectStream(events));
        return indexer;
    }

    private static SoftmaxObjective objective(DataIndexer d, double[] start, int threads, ExecutorService pool) {
        return new SoftmaxObjective(d.getContexts(), d.getValues(), d.getOutcomeList(), d.getNumTimesEventsSeen(),
                d.getOutcomeLabels().length, L2, start, threads, pool);
    }

    private static double[] randomVector(int size, long seed) {
        Random random = new Random(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @Test
    void valueAndGradient_equalOpenNlpsMaxentQnObjectiveAtTheShiftedPoint() throws IOException {
        DataIndexer d = indexed();
        int features = d.getPredLabels().length;
        int outcomes = d.getOutcomeLabels().length;
        double[] start = randomVector(features * outcomes, 1);
        double[] shift = randomVector(features * outcomes, 2);
        SoftmaxObjective ours = objective(d, start, 1, null);
        // OpenNLP's layout is outcome-major: index outcome × features + feature.
        double[] openNlpPoint = new double[features * outcomes];
        for (int f = 0; f < features; f++) {
            for (int k = 0; k < outcomes; k++) {
                openNlpPoint[k * features + f] = start[f * outcomes + k] + shift[f * outcomes + k];
            }
        }
        NegLogLikelihood openNlp = new NegLogLikelihood(d);
        double squares = 0;
        for (double w : openNlpPoint) {
            squares += w * w;
        }

        double value = ours.valueAt(shift);
        double[] gradient = ours.gradientAt(shift).clone();

        assertThat(value).isCloseTo(openNlp.valueAt(openNlpPoint) + L2 * squares, within(1e-9 * Math.abs(value)));
        double[] expected = openNlp.gradientAt(openNlpPoint);
        for (int f = 0; f < features; f++) {
            for (int k = 0; k < outcomes; k++) {
                assertThat(gradient[f * outcomes + k])
                        .isCloseTo(expected[k * features + f] + 2 * L2 * openNlpPoint[k * features + f], within(1e-9));
            }
        }
        assertThat(ours.valueAt(new double[shift.length])).as("another point is computed afresh")
                .isCloseTo(objective(d, start, 1, null).valueAt(new double[shift.length]), within(0.0));
    }

    @Test
    void oneOrTwoThreads_giveTheSameNumbersBitForBit() throws IOException {
        DataIndexer d = indexed();
        int size = d.getPredLabels().length * d.getOutcomeLabels().length;
        double[] start = randomVector(size, 5);
        double[] shift = randomVector(size, 6);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SoftmaxObjective one = objective(d, start, 1, null);
            SoftmaxObjective two = objective(d, start, 2, pool);

            assertThat(two.valueAt(shift)).isEqualTo(one.valueAt(shift));
            assertThat(two.gradientAt(shift)).containsExactly(one.gradientAt(shift));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPointOfTheWrongSize_isRefused() throws IOException {
        DataIndexer d = indexed();
        SoftmaxObjective objective = objective(d, new double[d.getPredLabels().length * d.getOutcomeLabels().length],
                1, null);

        assertThatThrownBy(() -> objective.valueAt(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights");
    }
}
