package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import opennlp.tools.ml.maxent.quasinewton.Function;

/**
 * {@code MAXENT_QN}'s training objective (summed log-loss of the indexed events, each counted as often as seen,
 * + {@code l2} × ‖w‖², no bias), seen from a start point x₀: {@code valueAt(y)} = f(x₀ + y). OpenNLP's
 * {@code QNMinimizer} always starts at the origin, so handing it this shifted function is how its L-BFGS
 * continues from the weights mini-batch AdaGrad reached instead of from zero.
 *
 * <p>Why not OpenNLP's {@code NegLogLikelihood}: it lays the weights out outcome by outcome, so one event's
 * features × outcomes are read scattered over the whole vector; here the weights of one feature for all outcomes
 * are adjacent (index {@code feature × outcomes + outcome}, the layout of {@link SparseSoftmaxTrainer}), which
 * keeps each event's reads in a few cache lines.
 *
 * <p>Threads and determinism: the forward pass (each event's probabilities) is split over events, the gradient
 * over outcomes (each part adds the events in their order); sums over events and weights run in one fixed order.
 * So every thread count gives the same numbers, bit for bit.
 *
 * <p>{@code gradientAt} reuses the forward pass of the preceding {@code valueAt} when it is asked about the same
 * point, as OpenNLP's line search always does; any other point is computed afresh. Not thread-safe.
 */
final class SoftmaxObjective implements Function {

    private final int[][] contexts;
    private final float[][] values;
    private final int[] outcomes;
    private final int[] counts;
    private final int numOutcomes;
    private final double l2;
    private final double[] start;
    private final int threads;
    private final ExecutorService pool;
    /** x₀ + y of the last forward pass. */
    private final double[] point;
    private final double[] gradient;
    /** Per event: count × (probability − is-its-outcome) per outcome, at the last forward pass. */
    private final double[][] coefficients;
    private final double[] eventLoss;
    private boolean forwardDone;
    private double value;

    /**
     * @param start   x₀, read and never changed here
     * @param threads parts the work is split into; {@code pool} runs them ({@code null} = this thread)
     */
    SoftmaxObjective(int[][] contexts, float[][] values, int[] outcomes, int[] counts, int numOutcomes, double l2,
                     double[] start, int threads, ExecutorService pool) {
        this.contexts = contexts;
        this.values = values;
        this.outcomes = outcomes;
        this.counts = counts;
        this.numOutcomes = numOutcomes;
        this.l2 = l2;
        this.start = start;
        this.threads = Math.max(1, threads);
        this.pool = pool;
        this.point = new double[start.length];
        this.gradient = new double[start.length];
        this.coefficients = new double[contexts.length][numOutcomes];
        this.eventLoss = new double[contexts.length];
    }

    @Override
    public int getDimension() {
        return start.length;
    }

    @Override
    public double valueAt(double[] shift) {
        prepare(shift);
        return value;
    }

    /** The gradient at x₀ + {@code shift}; the returned array is reused by the next call. */
    @Override
    public double[] gradientAt(double[] shift) {
        prepare(shift);
        Arrays.fill(gradient, 0);
        int parts = Math.min(threads, numOutcomes);
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = part * numOutcomes / parts;
            int to = (part + 1) * numOutcomes / parts;
            tasks.add(() -> {
                addLossGradient(from, to);
                return null;
            });
        }
        SparseSoftmaxTrainer.runAll(pool, tasks, "Evaluating the training objective");
        double twiceL2 = 2 * l2;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += twiceL2 * point[i];
        }
        return gradient;
    }

    /** Makes {@link #point}, {@link #value} and the coefficients those of x₀ + {@code shift}, reusing them when unchanged. */
    private void prepare(double[] shift) {
        if (shift.length != start.length) {
            throw new IllegalArgumentException("Expected " + start.length + " weights, got " + shift.length);
        }
        boolean same = forwardDone;
        for (int i = 0; i < point.length; i++) {
            double w = start[i] + shift[i];
            if (w != point[i]) {
                point[i] = w;
                same = false;
            }
        }
        if (same) {
            return;
        }
        forwardDone = false;
        int events = contexts.length;
        int parts = Math.max(1, Math.min(threads, events));
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = part * events / parts;
            int to = (part + 1) * events / parts;
            tasks.add(() -> {
                double[] scores = new double[numOutcomes];
                for (int e = from; e < to; e++) {
                    forward(e, scores);
                }
                return null;
            });
        }
        SparseSoftmaxTrainer.runAll(pool, tasks, "Evaluating the training objective");
        double loss = 0;
        for (double l : eventLoss) {
            loss += l;
        }
        double squares = 0;
        for (double w : point) {
            squares += w * w;
        }
        value = loss + l2 * squares;
        forwardDone = true;
    }

    /** Softmax of one event at {@link #point}: its loss and gradient coefficients. */
    private void forward(int event, double[] scores) {
        eventLoss[event] = eventSoftmax(contexts[event], values != null ? values[event] : null, outcomes[event],
                counts[event], point, numOutcomes, scores, coefficients[event]);
    }

    /**
     * The softmax of one event (its active features {@code context} with {@code value}s, or 1 each when
     * {@code null}) under {@code weights} laid out feature by feature, {@code numOutcomes} per feature. Writes the
     * gradient coefficients {@code count × (p_k − [k = gold])} into {@code coefficients} and returns the event's
     * log loss times {@code count}; {@code scores} is scratch space of {@code numOutcomes}. Shared by this objective
     * and {@link SparseSoftmaxTrainer}'s AdaGrad steps, so both fit exactly the same model.
     */
    static double eventSoftmax(int[] context, float[] value, int gold, double count, double[] weights, int numOutcomes,
                               double[] scores, double[] coefficients) {
        Arrays.fill(scores, 0);
        for (int j = 0; j < context.length; j++) {
            int base = context[j] * numOutcomes;
            double v = value != null ? value[j] : 1;
            for (int k = 0; k < numOutcomes; k++) {
                scores[k] += v * weights[base + k];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < numOutcomes; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < numOutcomes; k++) {
            coefficients[k] = count * (scores[k] / sum - (k == gold ? 1 : 0));
        }
        return count * -Math.log(Math.max(scores[gold] / sum, Double.MIN_NORMAL));
    }

    /** Adds the log-loss gradient of outcomes [from, to), event by event in order. */
    private void addLossGradient(int from, int to) {
        for (int event = 0; event < contexts.length; event++) {
            int[] context = contexts[event];
            float[] value = values != null ? values[event] : null;
            double[] c = coefficients[event];
            for (int j = 0; j < context.length; j++) {
                int base = context[j] * numOutcomes;
                double v = value != null ? value[j] : 1;
                for (int k = from; k < to; k++) {
                    gradient[base + k] += v * c[k];
                }
            }
        }
    }
}
