package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the guard on the labelled set {@code src/test/resources/safeguarding/personal-data.jsonl}
 * (positives of every kind, obfuscated variants, and hard negatives such as dates, amounts, case
 * numbers and the support numbers). A finding counts as correct when it overlaps a labelled span of
 * the same kind. Figures go to {@code target/safeguarding/<file>-eval.json}; docs/privacy.md
 * reports them, next to the held-out set {@code personal-data-holdout.jsonl}.
 */
class PersonalDataGuardEvaluationTest {

    private final PersonalDataGuard guard = new PersonalDataGuard(
            new GuardVocabulary(SafeguardingFixtures.dialogs()), SafeguardingFixtures.replyTexts());

    private record Gold(PersonalDataFinding.Kind kind, int start, int end) {
    }

    private static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    @Test
    void scan_labelledSet_meetsRecallAndPrecisionTargets() throws Exception {
        Result result = evaluate("personal-data.jsonl");

        assertThat(result.lines()).isGreaterThanOrEqualTo(100);
        assertThat(result.identity().recall()).as("identity-number recall; errors: %s", result.errors())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(result.overall().precision()).as("overall precision; errors: %s", result.errors())
                .isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The held-out set was written after the rules were frozen and is not tuned on; its figures are
     * the honest estimate. The floor here is lower than the target on purpose: it catches a broken
     * detector, while docs/privacy.md reports the measured values.
     */
    @Test
    void scan_heldOutSet_staysUseful() throws Exception {
        Result result = evaluate("personal-data-holdout.jsonl");

        assertThat(result.identity().recall()).as("errors: %s", result.errors()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.overall().precision()).as("errors: %s", result.errors()).isGreaterThanOrEqualTo(0.85);
    }

    /**
     * Issue 16's held-out set, written before the written-form rule and never tuned on: identity numbers
     * with any check digit, look-alike digits and zero-width characters, and hard negatives (dates, weeks,
     * diarienummer, amounts, times, support lines). Floors catch a broken detector; docs/privacy.md
     * reports the measured values.
     */
    @Test
    void scan_writtenFormsHeldOutSet_staysUseful() throws Exception {
        Result result = evaluate("personal-data-holdout-16.jsonl");

        assertThat(result.identity().recall()).as("errors: %s", result.errors()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.overall().precision()).as("errors: %s", result.errors()).isGreaterThanOrEqualTo(0.85);
    }

    private record Result(int lines, Counts identity, Counts overall, List<String> errors) {
    }

    private Result evaluate(String file) throws Exception {
        List<JsonNode> rows = SafeguardingFixtures.jsonLines(file);
        Map<PersonalDataFinding.Kind, Counts> perKind = new EnumMap<>(PersonalDataFinding.Kind.class);
        for (PersonalDataFinding.Kind kind : PersonalDataFinding.Kind.values()) {
            perKind.put(kind, new Counts());
        }
        List<String> errors = new ArrayList<>();
        int exactSpans = 0;
        int cleanLines = 0;
        int cleanLinesFlagged = 0;
        for (JsonNode row : rows) {
            String text = row.get("text").asText();
            List<Gold> gold = gold(row, text);
            List<PersonalDataFinding> found = guard.scan(text);
            if (gold.isEmpty()) {
                cleanLines++;
                cleanLinesFlagged += found.isEmpty() ? 0 : 1;
            }
            boolean[] goldMatched = new boolean[gold.size()];
            for (PersonalDataFinding finding : found) {
                int g = matching(gold, goldMatched, finding);
                if (g >= 0) {
                    goldMatched[g] = true;
                    perKind.get(finding.kind()).truePositives++;
                    if (gold.get(g).start() == finding.start() && gold.get(g).end() == finding.end()) {
                        exactSpans++;
                    }
                } else {
                    perKind.get(finding.kind()).falsePositives++;
                    errors.add("FP " + finding.kind() + " '" + text.substring(finding.start(), finding.end()) + "' in: " + text);
                }
            }
            for (int g = 0; g < gold.size(); g++) {
                if (!goldMatched[g]) {
                    perKind.get(gold.get(g).kind()).falseNegatives++;
                    errors.add("FN " + gold.get(g).kind() + " '" + text.substring(gold.get(g).start(), gold.get(g).end()) + "' in: " + text);
                }
            }
        }

        Counts identity = new Counts();
        Counts overall = new Counts();
        perKind.forEach((kind, c) -> {
            if (kind.isIdentityNumber()) {
                add(identity, c);
            }
            add(overall, c);
        });
        ObjectNode report = SafeguardingFixtures.JSON.createObjectNode();
        report.put("lines", rows.size());
        report.put("labelled_spans", overall.truePositives + overall.falseNegatives);
        report.put("exact_span_matches", exactSpans);
        // what a writer notices: a message without personal data that the guard still holds back
        report.put("clean_lines", cleanLines);
        report.put("clean_lines_flagged", cleanLinesFlagged);
        put(report.putObject("identity_numbers"), identity);
        put(report.putObject("overall"), overall);
        ObjectNode kinds = report.putObject("per_kind");
        perKind.forEach((kind, c) -> put(kinds.putObject(kind.key()), c));
        errors.forEach(report.withArray("errors")::add);
        String json = SafeguardingFixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Path out = Path.of("target/safeguarding", file.replace(".jsonl", "-eval.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println(file + ": " + json);
        return new Result(rows.size(), identity, overall, errors);
    }

    private static List<Gold> gold(JsonNode row, String text) {
        List<Gold> gold = new ArrayList<>();
        for (JsonNode e : row.get("expect")) {
            String match = e.get("match").asText();
            int start = text.indexOf(match);
            if (start < 0) {
                throw new IllegalArgumentException("Label '" + match + "' not in: " + text);
            }
            gold.add(new Gold(PersonalDataFinding.Kind.valueOf(e.get("kind").asText()), start, start + match.length()));
        }
        return gold;
    }

    private static int matching(List<Gold> gold, boolean[] taken, PersonalDataFinding finding) {
        for (int g = 0; g < gold.size(); g++) {
            Gold label = gold.get(g);
            if (!taken[g] && label.kind() == finding.kind() && label.start() < finding.end() && finding.start() < label.end()) {
                return g;
            }
        }
        return -1;
    }

    private static void add(Counts into, Counts c) {
        into.truePositives += c.truePositives;
        into.falsePositives += c.falsePositives;
        into.falseNegatives += c.falseNegatives;
    }

    private static void put(ObjectNode node, Counts c) {
        node.put("precision", Math.round(c.precision() * 1000) / 1000.0);
        node.put("recall", Math.round(c.recall() * 1000) / 1000.0);
        node.put("tp", c.truePositives);
        node.put("fp", c.falsePositives);
        node.put("fn", c.falseNegatives);
    }
}
