package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * Measures the crisis check on a labelled disclosure set and a harmless set (issue 16): recall, whether the
 * expected support line comes first, misses of a child or honour case, and the false-alarm rate.
 *
 * @param disclosures  rows with {@code text}, {@code lang}, {@code form}, {@code speaker}, {@code first_line}
 * @param harmless     rows with {@code text}, {@code lang}
 */
record CrisisEvaluation(String name, List<JsonNode> disclosures, List<JsonNode> harmless) {

    /** The figures of one run; the lists hold the texts of the misses, for the report. */
    record Figures(String name, int disclosures, int found, int firstLineRight, List<String> missed,
            List<String> missedChildOrHonour, List<String> wrongFirstLine, int harmless, List<String> falseAlarms) {

        double recall() {
            return disclosures == 0 ? 1.0 : (double) found / disclosures;
        }

        double firstLineAccuracy() {
            return disclosures == 0 ? 1.0 : (double) firstLineRight / disclosures;
        }

        double falseAlarmRate() {
            return harmless == 0 ? 0.0 : (double) falseAlarms.size() / harmless;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: recall %d/%d (%.3f), first line right %d/%d (%.3f), "
                            + "child/honour missed %d, false alarms %d/%d (%.3f)",
                    name, found, disclosures, recall(), firstLineRight, disclosures, firstLineAccuracy(),
                    missedChildOrHonour.size(), falseAlarms.size(), harmless, falseAlarmRate());
        }

        String details() {
            return "missed: " + missed + "\nwrong first line: " + wrongFirstLine + "\nfalse alarms: " + falseAlarms;
        }
    }

    /**
     * Runs the check.
     *
     * @param check  the crisis check under test
     * @param intent the NLU's intent for a text and its language code ({@code sv}/{@code en}); may return {@code null}
     */
    Figures run(CrisisCheck check, BiFunction<String, String, RecognizedIntent> intent) {
        int found = 0;
        int firstRight = 0;
        List<String> missed = new ArrayList<>();
        List<String> missedImportant = new ArrayList<>();
        List<String> wrongFirst = new ArrayList<>();
        for (JsonNode row : disclosures) {
            String text = row.get("text").asText();
            CrisisAssessment assessment = check.assess(text, intent.apply(text, row.get("lang").asText()));
            boolean important = row.get("speaker").asText().equals("child") || row.get("form").asText().equals("honour")
                    || row.get("form").asText().equals("child");
            if (assessment == null) {
                missed.add(text);
                if (important) {
                    missedImportant.add(text);
                }
                continue;
            }
            found++;
            if (assessment.firstLine().equals(row.get("first_line").asText())) {
                firstRight++;
            } else {
                wrongFirst.add(text + " → " + assessment.firstLine() + " (" + assessment.speaker() + "), expected "
                        + row.get("first_line").asText());
            }
        }
        List<String> falseAlarms = new ArrayList<>();
        for (JsonNode row : harmless) {
            String text = row.get("text").asText();
            if (check.assess(text, intent.apply(text, row.get("lang").asText())) != null) {
                falseAlarms.add(text);
            }
        }
        return new Figures(name, disclosures.size(), found, firstRight, missed, missedImportant, wrongFirst,
                harmless.size(), falseAlarms);
    }
}
