package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

class SparseSoftmaxTrainerTest {

    /** Three classes, each marked by its own words, with shared noise words that carry no signal. */
    private static List<Event> separableEvents() {
        String[][] marks = {{"hej", "hallå", "tjena"}, {"tack", "tacksam", "tusen"}, {"möte", "fredag", "påminn"}};
        String[] labels = {"greeting", "thanks", "deadline"};
        String[] noise = {"och", "du", "vi", "nu", "så"};
        List<Event> events = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            for (int i = 0; i < 12; i++) {
                events.add(new Event(labels[c], new String[] {
                        "w=" + marks[c][i % 3], "w=" + marks[c][(i + 1) % 3], "w=" + noise[i % noise.length],
                        "w=" + noise[(i + 2) % noise.length]}));
            }
        }
        return events;
    }

    private static TrainingParameters parameters(int threads) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ITERATIONS_PARAM, 40);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put(TrainingParameters.THREADS_PARAM, threads);
        p.put(SparseSoftmaxTrainer.L2_PARAM, 0.2);
        p.put(SparseSoftmaxTrainer.BATCH_SIZE_PARAM, 4);
        return p;
    }

    private static MaxentModel train(TrainingParameters parameters) throws IOException {
        SparseSoftmaxTrainer trainer = new SparseSoftmaxTrainer();
        trainer.init(parameters, null);
        return trainer.train(ObjectStreamUtils.createObjectStream(separableEvents()));
    }

    private static byte[] bytes(MaxentModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GenericModelWriter((AbstractModel) model, new DataOutputStream(out)).persist();
        return out.toByteArray();
    }

    @Test
    void train_separableProblem_learnsEveryClassConfidently() throws IOException {
        MaxentModel model = train(parameters(1));

        assertThat(model).isInstanceOf(QNModel.class);
        for (Event event : separableEvents()) {
            double[] p = model.eval(event.getContext());
            assertThat(model.getBestOutcome(p)).isEqualTo(event.getOutcome());
        }
        double[] unseenMix = model.eval(new String[] {"w=tjena", "w=vi"});
        assertThat(model.getBestOutcome(unseenMix)).isEqualTo("greeting");
        assertThat(unseenMix[model.getIndex("greeting")]).isGreaterThan(0.6);
        double[] twoMarks = model.eval(new String[] {"w=tack", "w=tusen"});
        assertThat(twoMarks[model.getIndex("thanks")]).isGreaterThan(0.9);
        double[] onlyNoise = model.eval(new String[] {"w=och", "w=nu"});
        assertThat(onlyNoise[model.getIndex("greeting")]).as("noise words stay near uniform").isLessThan(0.6);
    }

    @Test
    void train_sameDataTwice_givesTheSameModelBytes() throws IOException {
        assertThat(bytes(train(parameters(1)))).isEqualTo(bytes(train(parameters(1))));
    }

    @Test
    void train_oneOrTwoThreads_giveTheSameModelAndPredictions() throws IOException {
        MaxentModel one = train(parameters(1));
        MaxentModel two = train(parameters(2));

        for (String[] context : List.of(new String[] {"w=hej"}, new String[] {"w=tack", "w=du"},
                new String[] {"w=fredag", "w=och", "w=hallå"}, new String[] {"w=okänt"})) {
            assertThat(two.eval(context)).containsExactly(one.eval(context));
        }
        assertThat(bytes(two)).isEqualTo(bytes(one));
    }

    @Test
    void train_badParameters_failWithAMessageNamingTheParameter() {
        Map<String, Object> bad = Map.of(
                SparseSoftmaxTrainer.LEARNING_RATE_PARAM, 0.0,
                SparseSoftmaxTrainer.BATCH_SIZE_PARAM, 0,
                SparseSoftmaxTrainer.L2_PARAM, -1.0,
                SparseSoftmaxTrainer.TOLERANCE_PARAM, Double.NaN,
                TrainingParameters.ITERATIONS_PARAM, 0,
                TrainingParameters.THREADS_PARAM, 0,
                SparseSoftmaxTrainer.QN_ITERATIONS_PARAM, -1,
                SparseSoftmaxTrainer.CORRECTIONS_PARAM, 0);
        bad.forEach((name, value) -> {
            TrainingParameters p = parameters(1);
            if (value instanceof Integer i) {
                p.put(name, i);
            } else {
                p.put(name, (Double) value);
            }
            assertThatThrownBy(() -> train(p)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        });
        TrainingParameters notANumber = parameters(1);
        notANumber.put(SparseSoftmaxTrainer.LEARNING_RATE_PARAM, "fast");
        assertThatThrownBy(() -> train(notANumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    /** The training objective of a model, computed from its predictions: Σ −log p(gold) + L2 × ‖w‖². */
    private static double objective(MaxentModel model, List<Event> events, double l2) {
        double loss = 0;
        for (Event event : events) {
            loss -= Math.log(model.eval(event.getContext())[model.getIndex(event.getOutcome())]);
        }
        double squares = 0;
        for (Context row : (Context[]) ((AbstractModel) model).getDataStructures()[0]) {
            for (double w : row.getParameters()) {
                squares += w * w;
            }
        }
        return loss + l2 * squares;
    }

    private static TrainingParameters warmStart(int epochs, int threads) {
        TrainingParameters p = parameters(threads);
        p.put(TrainingParameters.ITERATIONS_PARAM, epochs);
        p.put(SparseSoftmaxTrainer.QN_ITERATIONS_PARAM, 200);
        return p;
    }

    @Test
    void warmStart_endsBelowAdaGradAndAtMaxentQnsOptimum() throws IOException {
        double adaGradOnly = objective(train(parameters(1)), separableEvents(), 0.2);
        double shortAdaGradOnly = objective(train(withEpochs(parameters(1), 3)), separableEvents(), 0.2);
        double warm = objective(train(warmStart(40, 1)), separableEvents(), 0.2);
        double warmFromShort = objective(train(warmStart(3, 1)), separableEvents(), 0.2);
        TrainingParameters qn = new TrainingParameters();
        qn.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        qn.put(TrainingParameters.ITERATIONS_PARAM, 500);
        qn.put(TrainingParameters.CUTOFF_PARAM, 1);
        qn.put("L2Cost", 0.2);
        qn.put("L1Cost", 0.0);
        double maxentQn = objective(TrainerFactory.getEventTrainer(qn, null)
                .train(ObjectStreamUtils.createObjectStream(separableEvents())), separableEvents(), 0.2);

        assertThat(warm).isLessThanOrEqualTo(adaGradOnly);
        assertThat(warmFromShort).isLessThan(shortAdaGradOnly);
        // Both warm starts reach the optimum L-BFGS from zero reaches (to its convergence tolerance, 1e-4).
        assertThat(warm).isCloseTo(maxentQn, within(maxentQn * 1e-3));
        assertThat(warmFromShort).isCloseTo(maxentQn, within(maxentQn * 1e-3));
        assertThat(shortAdaGradOnly - maxentQn).as("3 epochs leave a gap to close").isGreaterThan(maxentQn * 0.01);
    }

    @Test
    void warmStart_sameBytesTwiceAndForOneOrTwoThreads() throws IOException {
        MaxentModel one = train(warmStart(5, 1));
        MaxentModel two = train(warmStart(5, 2));

        assertThat(bytes(train(warmStart(5, 1)))).isEqualTo(bytes(one));
        for (String[] context : List.of(new String[] {"w=hej"}, new String[] {"w=tack", "w=du"},
                new String[] {"w=fredag", "w=och", "w=hallå"}, new String[] {"w=okänt"})) {
            assertThat(two.eval(context)).containsExactly(one.eval(context));
        }
        assertThat(bytes(two)).isEqualTo(bytes(one));
    }

    private static TrainingParameters withEpochs(TrainingParameters p, int epochs) {
        p.put(TrainingParameters.ITERATIONS_PARAM, epochs);
        return p;
    }

    @Test
    void intentModel_trainedBySparseSoftmax_ranksTheRightIntentAndRejectsABadLearningRate() {
        TrainingData data = new TrainingData(List.of(
                new TrainingData.Example("hej", "greeting", Language.SV),
                new TrainingData.Example("hallå där", "greeting", Language.SV),
                new TrainingData.Example("god morgon", "greeting", Language.SV),
                new TrainingData.Example("tack", "thanks", Language.SV),
                new TrainingData.Example("tack så mycket", "thanks", Language.SV),
                new TrainingData.Example("tusen tack", "thanks", Language.SV)));
        IntentModel.ModelSettings sparse = new IntentModel.ModelSettings(SparseSoftmaxTrainer.ALGORITHM, 30, 1, 0.2,
                2, true, NluProperties.DEFAULT_LBFGS_CORRECTIONS, 0.3);

        IntentModel model = IntentModel.train(data, sparse);

        assertThat(model.rank("tack ska du ha", Language.SV).get(0).name()).isEqualTo("thanks");
        assertThat(model.rank("hej hej", Language.SV).get(0).name()).isEqualTo("greeting");
        IntentModel.ModelSettings badRate = new IntentModel.ModelSettings(SparseSoftmaxTrainer.ALGORITHM, 30, 1, 0.2,
                2, true, NluProperties.DEFAULT_LBFGS_CORRECTIONS, -1);
        assertThatThrownBy(() -> IntentModel.train(data, badRate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SparseSoftmaxTrainer.LEARNING_RATE_PARAM);
    }
}
