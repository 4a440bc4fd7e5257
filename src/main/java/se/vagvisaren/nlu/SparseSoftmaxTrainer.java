package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenNLP event trainer for the same model as {@code MAXENT_QN} (multinomial logistic regression over
 * feature counts, no bias, objective: summed log-loss of the events + {@code L2Cost} × ‖w‖²), fitted by
 * mini-batch AdaGrad instead of L-BFGS.
 *
 * <p>Why: L-BFGS updates (features × outcomes)-sized vectors, 15 correction pairs of them, every iteration; on
 * CLINC150 that is tens of millions of numbers per vector and most of the training time. A mini-batch step
 * here touches only the features that occur in its events (about 150 of a 15-word message), so one epoch costs
 * about one pass over the data.
 *
 * <p>Algorithm: epochs over the events in an order shuffled with a fixed seed; per mini-batch of
 * {@value #BATCH_SIZE_PARAM} events the summed gradient of their log-loss (each event counted as often as
 * OpenNLP's indexer saw it), plus the L2 gradient that the batch's features have owed since they were last
 * touched (lazy L2: each batch owes {@code 2 × L2Cost / batches per epoch × w}, so one epoch applies the
 * objective's full L2 gradient once), then an AdaGrad step per touched weight. Training stops after
 * {@code Iterations} epochs, or earlier when {@value #TOLERANCE_PARAM} is set and an epoch lowers the objective
 * by less than that share (an epoch that ends higher, which mini-batch noise can cause, does not stop it).
 *
 * <p>Warm start ({@value #QN_ITERATIONS_PARAM} &gt; 0, the {@value #WARM_QN} algorithm): AdaGrad stops short of the
 * optimum (on CLINC150 about 8 % above the objective L-BFGS converges to), and how confident the model is on
 * unseen text depends on that last stretch. So after the epochs, OpenNLP's {@link QNMinimizer} (L-BFGS, the
 * optimiser of {@code MAXENT_QN}, with {@code NumOfUpdates} correction pairs and its own convergence test)
 * continues from the AdaGrad weights on the same objective ({@link SoftmaxObjective}: the L2 term is inside the
 * function, the minimizer's own L1 and L2 are 0, as {@code MAXENT_QN} here uses no L1), for at most that many
 * iterations. Its line search only accepts steps that lower the objective; should the result still be no lower
 * than the start, the start is kept.
 *
 * <p>Deterministic and independent of the thread count: the forward pass is split over events (each event's
 * probabilities are computed alone), the update over outcomes (each thread sums the batch's events in batch
 * order for its own outcomes), so any thread count gives the same bytes. Threads: OpenNLP's {@code Threads}
 * parameter.
 *
 * <p>Result: a {@link QNModel}, the model type {@code MAXENT_QN} produces, so the document categorizer
 * evaluates, writes and reads it unchanged. OpenNLP finds this class by its name in the {@code Algorithm}
 * parameter ({@code ExtensionLoader}: public no-arg constructor, then {@link #init}).
 */
public final class SparseSoftmaxTrainer extends AbstractEventTrainer {

    /** Our name of this trainer in {@code vagvisaren.nlu.algorithm}; OpenNLP itself gets the class name. */
    public static final String ALGORITHM = "SPARSE_SOFTMAX";
    /** AdaGrad's base learning rate (the largest first step of a weight); default {@value #DEFAULT_LEARNING_RATE}. */
    public static final String LEARNING_RATE_PARAM = "LearningRate";
    /** Events per mini-batch; default {@value #DEFAULT_BATCH_SIZE}. */
    public static final String BATCH_SIZE_PARAM = "BatchSize";
    /** Stop when an epoch lowers the objective by less than this share; default {@value #DEFAULT_TOLERANCE} = off. */
    public static final String TOLERANCE_PARAM = "Tolerance";
    /** Seed of the epochs' shuffles; default {@value #DEFAULT_SEED}. */
    public static final String SEED_PARAM = "Seed";
    /** The same L2 parameter {@code MAXENT_QN} reads. */
    public static final String L2_PARAM = "L2Cost";
    /** At most this many L-BFGS iterations after the epochs; default {@value #DEFAULT_QN_ITERATIONS} = none. */
    public static final String QN_ITERATIONS_PARAM = "QnIterations";
    /** L-BFGS correction pairs of the warm start, the parameter {@code MAXENT_QN} reads. */
    public static final String CORRECTIONS_PARAM = "NumOfUpdates";
    /**
     * Our name of this trainer with the L-BFGS warm start in {@code vagvisaren.nlu.algorithm}: AdaGrad epochs, then
     * up to {@link #WARM_QN_ITERATIONS} L-BFGS iterations.
     */
    public static final String WARM_QN = "WARM_QN";
    /** The L-BFGS iteration cap of {@link #WARM_QN}; L-BFGS normally stops earlier, by its convergence test. */
    public static final int WARM_QN_ITERATIONS = 100;

    static final double DEFAULT_LEARNING_RATE = 0.2;
    static final int DEFAULT_BATCH_SIZE = 64;
    static final double DEFAULT_TOLERANCE = 0;
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_QN_ITERATIONS = 0;
    /** OpenNLP's default; the bound on objective evaluations of the warm start. */
    private static final int MAX_EVALUATIONS = QNMinimizer.MAX_FCT_EVAL_DEFAULT;
    private static final double DEFAULT_L2 = 0.2;
    private static final int DEFAULT_EPOCHS = 50;
    /** Keeps AdaGrad's first step finite for a weight whose gradient so far was zero. */
    private static final double EPSILON = 1e-8;

    private static final Logger log = LoggerFactory.getLogger(SparseSoftmaxTrainer.class);

    /** For OpenNLP's extension loader; {@link #init} sets the parameters. */
    public SparseSoftmaxTrainer() {
    }

    /** A trainer with these parameters, for direct use. */
    public SparseSoftmaxTrainer(TrainingParameters parameters) {
        super(parameters);
    }

    /** Identical events are merged and counted, as for {@code MAXENT_QN}. */
    @Override
    public boolean isSortAndMerge() {
        return true;
    }

    /** @throws IllegalArgumentException naming the parameter that is out of range or not a number */
    @Override
    public void validate() {
        super.validate();
        settings();
    }

    @Override
    public MaxentModel doTrain(DataIndexer indexer) {
        Settings settings = settings();
        return new Run(indexer, settings).train();
    }

    private Settings settings() {
        TrainingParameters p = trainingParameters;
        try {
            Settings s = new Settings(
                    p.getIntParameter(TrainingParameters.ITERATIONS_PARAM, DEFAULT_EPOCHS),
                    p.getDoubleParameter(LEARNING_RATE_PARAM, DEFAULT_LEARNING_RATE),
                    p.getIntParameter(BATCH_SIZE_PARAM, DEFAULT_BATCH_SIZE),
                    p.getDoubleParameter(L2_PARAM, DEFAULT_L2),
                    p.getDoubleParameter(TOLERANCE_PARAM, DEFAULT_TOLERANCE),
                    p.getIntParameter(TrainingParameters.THREADS_PARAM, 1),
                    Long.parseLong(p.getStringParameter(SEED_PARAM, Long.toString(DEFAULT_SEED))),
                    p.getIntParameter(QN_ITERATIONS_PARAM, DEFAULT_QN_ITERATIONS),
                    p.getIntParameter(CORRECTIONS_PARAM, QNMinimizer.M_DEFAULT));
            s.check();
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SPARSE_SOFTMAX: a training parameter is not a number: " + e.getMessage(), e);
        }
    }

    /** The trainer's parameters after validation. */
    record Settings(int epochs, double learningRate, int batchSize, double l2, double tolerance, int threads, long seed,
                    int qnIterations, int corrections) {

        void check() {
            require(epochs >= 1, TrainingParameters.ITERATIONS_PARAM + " (epochs) must be at least 1, was " + epochs);
            require(learningRate > 0 && Double.isFinite(learningRate),
                    LEARNING_RATE_PARAM + " must be a positive number, was " + learningRate);
            require(batchSize >= 1, BATCH_SIZE_PARAM + " must be at least 1, was " + batchSize);
            require(l2 >= 0 && Double.isFinite(l2), L2_PARAM + " must be 0 or more, was " + l2);
            require(tolerance >= 0 && Double.isFinite(tolerance), TOLERANCE_PARAM + " must be 0 or more, was " + tolerance);
            require(threads >= 1, TrainingParameters.THREADS_PARAM + " must be at least 1, was " + threads);
            require(qnIterations >= 0, QN_ITERATIONS_PARAM + " must be 0 or more, was " + qnIterations);
            require(corrections >= 1, CORRECTIONS_PARAM + " must be at least 1, was " + corrections);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("SPARSE_SOFTMAX: " + message);
            }
        }
    }

    /** One training run: the indexed data, the weights and AdaGrad's state. */
    /**
     * Runs {@code tasks} on {@code pool}, or in order on this thread when there is no pool or one task; a task's
     * failure is rethrown as an {@link IllegalStateException} that says {@code what} failed.
     */
    static void runAll(ExecutorService pool, List<Callable<Void>> tasks, String what) {
        if (pool == null || tasks.size() == 1) {
            for (Callable<Void> task : tasks) {
                try {
                    task.call();
                } catch (Exception e) {
                    throw new IllegalStateException(what + " failed", e);
                }
            }
            return;
        }
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    private static final class Run {

        private final Settings settings;
        private final int[][] contexts;
        private final float[][] values;
        private final int[] outcomes;
        private final int[] counts;
        private final String[] predicates;
        private final String[] outcomeLabels;
        private final int numOutcomes;
        /** Weight of predicate f for outcome k at {@code f * numOutcomes + k}. */
        private final double[] weights;
        /** AdaGrad's sum of squared gradients, same layout; dropped before the warm start. */
        private double[] squaredGradients;
        /** The current batch's summed gradient, same layout; zero outside the touched predicates; dropped likewise. */
        private double[] gradient;
        /** Batch number up to which predicate f has paid its L2 gradient. */
        private final int[] regularizedUpTo;
        private final int[] touchedStamp;
        /** Per batch position: the event's count × (probability − is-its-outcome) per outcome. */
        private final double[][] coefficients;
        private final double[] eventLoss;
        private final double l2PerBatch;

        Run(DataIndexer indexer, Settings settings) {
            this.settings = settings;
            this.contexts = indexer.getContexts();
            this.values = indexer.getValues();
            this.outcomes = indexer.getOutcomeList();
            this.counts = indexer.getNumTimesEventsSeen();
            this.predicates = indexer.getPredLabels();
            this.outcomeLabels = indexer.getOutcomeLabels();
            this.numOutcomes = outcomeLabels.length;
            long size = (long) predicates.length * numOutcomes;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("SPARSE_SOFTMAX: " + predicates.length + " features × " + numOutcomes
                        + " outcomes exceed one array; raise the cutoff");
            }
            this.weights = new double[(int) size];
            this.squaredGradients = new double[(int) size];
            this.gradient = new double[(int) size];
            this.regularizedUpTo = new int[predicates.length];
            this.touchedStamp = new int[predicates.length];
            int batch = Math.min(settings.batchSize(), Math.max(1, contexts.length));
            this.coefficients = new double[batch][numOutcomes];
            this.eventLoss = new double[batch];
            int batchesPerEpoch = (contexts.length + batch - 1) / batch;
            this.l2PerBatch = 2 * settings.l2() / Math.max(1, batchesPerEpoch);
        }

        QNModel train() {
            int threads = settings.threads();
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
            try {
                fit(pool);
                if (settings.qnIterations() > 0) {
                    continueWithLbfgs(pool);
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            return toModel();
        }

        private void fit(ExecutorService pool) {
            int[] order = new int[contexts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Random random = new Random(settings.seed());
            int batchSize = coefficients.length;
            int step = 0;
            double previous = Double.NaN;
            int epoch = 1;
            for (; epoch <= settings.epochs(); epoch++) {
                shuffle(order, random);
                double loss = 0;
                for (int start = 0; start < order.length; start += batchSize) {
                    int end = Math.min(order.length, start + batchSize);
                    step++;
                    loss += batchStep(pool, order, start, end, step);
                }
                double objective = loss + settings.l2() * squaredNorm();
                log.debug("SPARSE_SOFTMAX epoch {}: objective {}", epoch, objective);
                if (!Double.isFinite(objective)) {
                    throw new IllegalStateException("SPARSE_SOFTMAX diverged in epoch " + epoch
                            + "; lower " + LEARNING_RATE_PARAM);
                }
                // A noisy epoch can end higher than the one before; only a small gain counts as converged.
                double gain = previous - objective;
                if (settings.tolerance() > 0 && gain >= 0 && gain < settings.tolerance() * Math.abs(objective)) {
                    break;
                }
                previous = objective;
            }
            int epochs = Math.min(epoch, settings.epochs());
            if (settings.qnIterations() > 0) {
                log.info("SPARSE_SOFTMAX: {} epochs", epochs); // the warm start logs the objective
            } else {
                log.info("SPARSE_SOFTMAX: {} epochs, objective {}", epochs, objective(pool));
            }
        }

        /** Up to {@code qnIterations} L-BFGS iterations from the current weights; keeps the result only when lower. */
        private void continueWithLbfgs(ExecutorService pool) {
            squaredGradients = null;
            gradient = null;
            SoftmaxObjective objective = new SoftmaxObjective(contexts, values, outcomes, counts, numOutcomes,
                    settings.l2(), weights, settings.threads(), pool);
            double before = objective.valueAt(new double[weights.length]); // the shift 0: AdaGrad's weights
            QNMinimizer minimizer = new QNMinimizer(0, 0, settings.qnIterations(), settings.corrections(), MAX_EVALUATIONS);
            double[] shift = minimizer.minimize(objective);
            double after = objective.valueAt(shift);
            if (after < before) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] += shift[i];
                }
            }
            log.info("{} warm start: objective {} after AdaGrad, {} after L-BFGS ({})", WARM_QN, before, after,
                    after < before ? "L-BFGS's weights used" : "not lower, AdaGrad's weights kept");
        }

        /** The training objective at the current weights: summed log-loss of all events + L2 × ‖w‖². */
        private double objective(ExecutorService pool) {
            int[] natural = new int[contexts.length];
            for (int i = 0; i < natural.length; i++) {
                natural[i] = i;
            }
            double loss = 0;
            for (int start = 0; start < natural.length; start += coefficients.length) {
                int from = start;
                int end = Math.min(natural.length, start + coefficients.length);
                runForward(pool, natural, from, end);
                for (int i = 0; i < end - from; i++) {
                    loss += eventLoss[i];
                }
            }
            return loss + settings.l2() * squaredNorm();
        }

        /** One mini-batch: probabilities, gradient, AdaGrad step. Returns the batch's log-loss before the step. */
        private double batchStep(ExecutorService pool, int[] order, int start, int end, int step) {
            int size = end - start;
            runForward(pool, order, start, end);
            double loss = 0;
            for (int i = 0; i < size; i++) {
                loss += eventLoss[i];
            }
            int touched = markTouched(order, start, end, step);
            int outcomeParts = Math.min(settings.threads(), numOutcomes);
            List<Callable<Void>> update = new ArrayList<>(outcomeParts);
            for (int part = 0; part < outcomeParts; part++) {
                int fromOutcome = part * numOutcomes / outcomeParts;
                int toOutcome = (part + 1) * numOutcomes / outcomeParts;
                update.add(() -> {
                    update(order, start, end, touched, step, fromOutcome, toOutcome);
                    return null;
                });
            }
            runAll(pool, update, "SPARSE_SOFTMAX training");
            for (int j = 0; j < touched; j++) {
                regularizedUpTo[touchedList[j]] = step;
            }
            return loss;
        }

        /** Probabilities, losses and gradient coefficients of the events {@code order[start..end)}, split over threads. */
        private void runForward(ExecutorService pool, int[] order, int start, int end) {
            int size = end - start;
            int parts = Math.min(settings.threads(), size);
            List<Callable<Void>> forward = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                int from = start + part * size / parts;
                int to = start + (part + 1) * size / parts;
                forward.add(() -> {
                    double[] scores = new double[numOutcomes];
                    for (int i = from; i < to; i++) {
                        forward(order[i], i - start, scores);
                    }
                    return null;
                });
            }
            runAll(pool, forward, "SPARSE_SOFTMAX training");
        }

        private int[] touchedList = new int[0];

        /** Lists the distinct predicates of the batch's events in first-seen order. */
        private int markTouched(int[] order, int start, int end, int step) {
            int n = 0;
            for (int i = start; i < end; i++) {
                for (int f : contexts[order[i]]) {
                    if (touchedStamp[f] != step) {
                        touchedStamp[f] = step;
                        if (n == touchedList.length) {
                            touchedList = Arrays.copyOf(touchedList, Math.max(1024, n * 2));
                        }
                        touchedList[n++] = f;
                    }
                }
            }
            return n;
        }

        /** Softmax of one event; stores its loss and its gradient coefficients at batch position {@code slot}. */
        private void forward(int event, int slot, double[] scores) {
            eventLoss[slot] = SoftmaxObjective.eventSoftmax(contexts[event], values != null ? values[event] : null,
                    outcomes[event], counts[event], weights, numOutcomes, scores, coefficients[slot]);
        }

        /** Sums the batch's gradient for outcomes [from, to) in batch order, then steps the touched weights. */
        private void update(int[] order, int start, int end, int touched, int step, int from, int to) {
            for (int i = start; i < end; i++) {
                int event = order[i];
                int[] context = contexts[event];
                float[] value = values != null ? values[event] : null;
                double[] c = coefficients[i - start];
                for (int j = 0; j < context.length; j++) {
                    int base = context[j] * numOutcomes;
                    double v = value != null ? value[j] : 1;
                    for (int k = from; k < to; k++) {
                        gradient[base + k] += v * c[k];
                    }
                }
            }
            double rate = settings.learningRate();
            for (int j = 0; j < touched; j++) {
                int f = touchedList[j];
                double owedL2 = l2PerBatch * (step - regularizedUpTo[f]);
                int base = f * numOutcomes;
                for (int k = from; k < to; k++) {
                    int at = base + k;
                    double g = gradient[at] + owedL2 * weights[at];
                    gradient[at] = 0;
                    double h = squaredGradients[at] + g * g;
                    squaredGradients[at] = h;
                    weights[at] -= rate * g / (Math.sqrt(h) + EPSILON);
                }
            }
        }

        private double squaredNorm() {
            double sum = 0;
            for (double w : weights) {
                sum += w * w;
            }
            return sum;
        }

        private QNModel toModel() {
            int[] allOutcomes = new int[numOutcomes];
            for (int k = 0; k < numOutcomes; k++) {
                allOutcomes[k] = k;
            }
            Context[] parameters = new Context[predicates.length];
            for (int f = 0; f < predicates.length; f++) {
                double[] row = new double[numOutcomes];
                System.arraycopy(weights, f * numOutcomes, row, 0, numOutcomes);
                parameters[f] = new Context(allOutcomes, row);
            }
            return new QNModel(parameters, predicates, outcomeLabels);
        }

        private static void shuffle(int[] order, Random random) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }

        private static ThreadFactory daemonThreads() {
            return task -> {
                Thread thread = new Thread(task, "sparse-softmax-trainer");
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
