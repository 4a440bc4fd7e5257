package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

class NluEvaluatorTest {

    private final NluEvaluator evaluator = new NluEvaluator(NluProperties.defaults());

    /** The quality bar of issue 4, on the shipped data; docs/nlu.md gives the command that prints the same figures. */
    @Test
    void crossValidate_shippedData_meetsTheQualityBar() {
        EvaluationReport report = evaluator.crossValidate(ShippedDialogs.data(), 5, 42);

        assertThat(report.macroF1()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.perIntent().get("urgent_help").recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.n()).isEqualTo(ShippedDialogs.data().size());
    }

    @Test
    void stratify_everyFoldHoldsEveryIntent() {
        List<List<TrainingData.Example>> folds = NluEvaluator.stratify(ShippedDialogs.data(), 5, 7);

        Set<String> intents = ShippedDialogs.data().intents();
        assertThat(folds).hasSize(5).allSatisfy(fold -> assertThat(
                fold.stream().map(TrainingData.Example::intent).collect(Collectors.toSet())).isEqualTo(intents));
        assertThat(folds.stream().mapToInt(List::size).sum()).isEqualTo(ShippedDialogs.data().size());
    }

    @Test
    void trainAndTest_reportCountsEveryTestUtterance() {
        TrainingData train = data("greeting", "hej", "hallå", "god morgon", "tjena", "thanks", "tack", "tusen tack",
                "tackar", "tack så mycket");
        TrainingData test = data("greeting", "hej hej", "thanks", "tack tack", "out_of_scope", "vädret");

        EvaluationReport report = evaluator.trainAndTest(train, test);

        assertThat(report.n()).isEqualTo(3);
        assertThat(report.confusion().values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue)
                .sum()).isEqualTo(3);
        assertThat(report.perIntent()).containsOnlyKeys("greeting", "thanks", "out_of_scope");
        assertThat(report.outOfScopeRecall()).isNotNull();
        assertThat(report.predictMsP99()).isGreaterThanOrEqualTo(report.predictMsP50());
    }

    @Test
    void trainAndTest_withoutCharacterGrams_reportsWhichFeaturesWereUsed() {
        NluProperties d = NluProperties.defaults();
        NluProperties wordsOnly = new NluProperties(d.minConfidence(), d.minMargin(), d.ambiguityMargin(),
                d.urgentMinConfidence(), d.zone(), d.algorithm(), d.iterations(), d.l2(), false, 0, false, null);
        TrainingData train = data("greeting", "hej", "hallå", "god morgon", "thanks", "tack", "tusen tack");
        TrainingData test = data("greeting", "hej hej", "thanks", "tack tack");

        assertThat(new NluEvaluator(wordsOnly).trainAndTest(train, test).settings())
                .containsEntry("character_grams", false);
        assertThat(evaluator.trainAndTest(train, test).settings()).containsEntry("character_grams", true);
    }

    @Test
    void crossValidate_oneFold_isRejected() {
        assertThatThrownBy(() -> evaluator.crossValidate(ShippedDialogs.data(), 1, 42))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainTuneAndTest_targetRecall_choosesThresholdsOnTuneSet() {
        TrainingData train = ShippedDialogs.data();
        TrainingData tune = data("out_of_scope", "vad kostar en ny cykel", "när öppnar simhallen", "vem vann matchen",
                "greeting", "hej hej", "thanks", "tack för hjälpen");

        EvaluationReport report = new NluEvaluator(NluProperties.defaults(), "None")
                .trainTuneAndTest(train, tune, tune, 1.0);

        assertThat(report.settings()).containsKeys("tuned_min_confidence", "tuned_min_margin", "micro_f1");
        assertThat((Double) report.settings().get("tune_out_of_scope_recall")).isEqualTo(1.0);
        assertThat(report.outOfScopeRecall()).isEqualTo(1.0);
    }

    @Test
    void microF1Excluding_ignoresNoneLabel() {
        Scoreboard board = new Scoreboard();
        board.add("a", "a", 1);
        board.add("None", "None", 1);
        board.add("None", "a", 1);
        board.add("b", "None", 1);

        // tp=1 (a), fp=1 (None→a), fn=1 (b→None): precision 0.5, recall 0.5.
        assertThat(board.microF1Excluding("None")).isEqualTo(0.5);
    }

    private static TrainingData data(String... intentThenTexts) {
        List<TrainingData.Example> out = new ArrayList<>();
        String intent = null;
        Set<String> intents = Set.of("greeting", "thanks", "out_of_scope");
        for (String s : intentThenTexts) {
            if (intents.contains(s)) {
                intent = s;
            } else {
                out.add(new TrainingData.Example(s, intent, Language.SV));
            }
        }
        return new TrainingData(out);
    }
}
