package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
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
                TrainingParameters.THREADS_PARAM, 0);
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
