package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.TrainedUnderstanding;
import se.vagvisaren.nlu.Understanding;

/**
 * Issue 16: the crisis check measured both ways on the labelled sets in src/test/resources/safeguarding/.
 * The {@code *-frozen.jsonl} parts were written first and are never tuned on; the {@code *-tuning.jsonl}
 * parts are. Each figure is printed per set (see docs/safeguarding.md for the command and the figures):
 * phrases alone, and phrases with the intent model as the bot runs it.
 */
class CrisisEvaluationTest {

    private static final Set<String> FIRST_LINES = Set.of("bris", "kvinnofridslinjen", "socialtjansten",
            "nationella_stodtelefonen", "valj_att_sluta", "sjalvmordslinjen");
    private static final Set<String> FORMS = Set.of("close_relationship", "child", "honour", "sexual", "digital",
            "stalking", "threats", "economic", "elder_disability", "uses_violence", "self_harm");

    private static final CrisisCheck CHECK = new CrisisCheck(new DangerPhrases(SafeguardingFixtures.dialogs()),
            SafeguardingFixtures.replyTexts(), new SimpleMeterRegistry());
    private static TrainedUnderstanding nlu;

    private static final CrisisEvaluation TUNING = new CrisisEvaluation("tuning",
            SafeguardingFixtures.jsonLines("disclosures-tuning.jsonl"), SafeguardingFixtures.jsonLines("harmless-tuning.jsonl"));
    private static final CrisisEvaluation FROZEN = new CrisisEvaluation("frozen",
            SafeguardingFixtures.jsonLines("disclosures-frozen.jsonl"), SafeguardingFixtures.jsonLines("harmless-frozen.jsonl"));

    /** The intent model trained on the shipped dialogs, once for the class (≈ 10–20 s). */
    private static synchronized TrainedUnderstanding nlu() {
        if (nlu == null) {
            nlu = new TrainedUnderstanding(new ContentSource("dialogs", Path.of("dialogs")), NluProperties.defaults(),
                    new DateParser());
        }
        return nlu;
    }

    /** What the router hands the crisis check: urgent_help with its probability from the ranking. */
    static RecognizedIntent urgentScore(String text, String lang) {
        Understanding understood = nlu().understand(text, lang.equals("en") ? "en-US" : "sv-SE", null);
        return understood.ranking().stream().filter(s -> s.name().equals(CrisisCheck.URGENT_HELP)).findFirst()
                .map(s -> new RecognizedIntent(CrisisCheck.URGENT_HELP, s.confidence(), List.of()))
                .orElse(understood.intent());
    }

    private static final BiFunction<String, String, RecognizedIntent> PHRASES_ONLY = (text, lang) -> null;
    private static final BiFunction<String, String, RecognizedIntent> WITH_MODEL = CrisisEvaluationTest::urgentScore;

    @Test
    void sets_haveTheSizeAndMixTheIssueAsksFor() {
        List<JsonNode> disclosures = new ArrayList<>(TUNING.disclosures());
        disclosures.addAll(FROZEN.disclosures());
        int harmless = TUNING.harmless().size() + FROZEN.harmless().size();

        assertThat(disclosures).hasSizeGreaterThanOrEqualTo(300);
        assertThat(harmless).isGreaterThanOrEqualTo(300);
        assertThat(FROZEN.disclosures().size()).isGreaterThanOrEqualTo(disclosures.size() / 4);
        assertThat(FROZEN.harmless().size()).isGreaterThanOrEqualTo(harmless / 4);
        assertThat(disclosures.stream().filter(r -> r.get("lang").asText().equals("en")).count() * 3)
                .isGreaterThanOrEqualTo(disclosures.size());
        assertThat(disclosures.stream().filter(r -> r.get("speaker").asText().equals("child")).count() * 4)
                .isGreaterThanOrEqualTo(disclosures.size());
        assertThat(disclosures).allSatisfy(r -> {
            assertThat(FORMS).contains(r.get("form").asText());
            assertThat(FIRST_LINES).contains(r.get("first_line").asText());
        });
        assertThat(disclosures.stream().map(r -> r.get("form").asText()).distinct()).containsExactlyInAnyOrderElementsOf(FORMS);
    }

    /** The sets the phrase list was tuned on: every disclosure found, few false alarms. */
    @Test
    void tuningSets_phrasesAndIntentModel_meetTheTargets() {
        CrisisEvaluation.Figures phrases = TUNING.run(CHECK, PHRASES_ONLY);
        CrisisEvaluation.Figures combined = TUNING.run(CHECK, WITH_MODEL);
        System.out.println("phrases alone, " + phrases.summary() + "\n" + phrases.details());
        System.out.println("phrases + intent model, " + combined.summary() + "\n" + combined.details());

        assertThat(combined.missed()).as("missed disclosures").isEmpty();
        assertThat(combined.falseAlarmRate()).as("false alarms").isLessThanOrEqualTo(0.02);
        assertThat(combined.firstLineAccuracy()).as("first line").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The held-out sets, never tuned on. Their figures are reported in docs/safeguarding.md; the floors
     * here only catch a regression.
     */
    @Test
    void frozenSets_phrasesAndIntentModel_report() {
        CrisisEvaluation.Figures phrases = FROZEN.run(CHECK, PHRASES_ONLY);
        CrisisEvaluation.Figures combined = FROZEN.run(CHECK, WITH_MODEL);
        System.out.println("phrases alone, " + phrases.summary() + "\n" + phrases.details());
        System.out.println("phrases + intent model, " + combined.summary() + "\n" + combined.details());

        assertThat(combined.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(combined.falseAlarmRate()).isLessThanOrEqualTo(0.05);
    }

    /**
     * How the intent-only threshold was chosen: on the tuning sets only, the lowest probability (in steps of
     * 0.05) at which messages that no phrase catches but the model calls urgent_help raise no false alarm on
     * the harmless tuning set. The file's value must be that threshold.
     */
    @Test
    void intentOnlyThreshold_isTheLowestWithoutFalseAlarmsOnTheTuningSet() {
        List<Double> harmlessScores = new ArrayList<>();
        for (JsonNode row : TUNING.harmless()) {
            String text = row.get("text").asText();
            if (CHECK.assess(text, null) == null && !CHECK.hasIdiom(text)) {
                harmlessScores.add(urgentScore(text, row.get("lang").asText()).confidence());
            }
        }
        double chosen = 1.0;
        StringBuilder table = new StringBuilder("threshold  intent-only alarms on harmless tuning\n");
        for (int step = 20; step >= 2; step--) {
            double t = step / 20.0;
            long alarms = harmlessScores.stream().filter(s -> s >= t).count();
            table.append(String.format(java.util.Locale.ROOT, "%.2f       %d%n", t, alarms));
            if (alarms == 0) {
                chosen = t;
            }
        }
        System.out.println(table + "chosen: " + chosen);

        assertThat(CHECK.intentOnlyMinConfidence()).isEqualTo(chosen);
    }
}
