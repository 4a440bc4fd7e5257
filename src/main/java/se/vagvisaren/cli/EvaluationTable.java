package se.vagvisaren.cli;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import se.vagvisaren.nlu.EvaluationReport;

/** Formats an {@link EvaluationReport} as a plain-text table for people. */
final class EvaluationTable {

    private EvaluationTable() {
    }

    static String format(EvaluationReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "n=%d  accuracy=%.4f  macro-F1=%.4f  in-scope accuracy=%.4f  out-of-scope recall=%s%n",
                report.n(), report.accuracy(), report.macroF1(), report.inScopeAccuracy(),
                report.outOfScopeRecall() == null ? "-" : String.format(Locale.ROOT, "%.4f", report.outOfScopeRecall())));
        out.append(String.format(Locale.ROOT, "train %d ms, predict p50 %.3f ms, p99 %.3f ms%n%n",
                report.trainMs(), report.predictMsP50(), report.predictMsP99()));
        out.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1", "support"));
        report.perIntent().forEach((intent, s) -> out.append(String.format(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %8d%n",
                intent, s.precision(), s.recall(), s.f1(), s.support())));
        if (report.perIntent().size() <= 30) {
            appendConfusion(report.confusion(), out);
        }
        out.append(String.format(Locale.ROOT, "%nsettings %s%n", report.settings()));
        return out.toString();
    }

    private static void appendConfusion(Map<String, Map<String, Integer>> confusion, StringBuilder out) {
        TreeSet<String> labels = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> labels.addAll(row.keySet()));
        out.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted; columns by number)%n"));
        int column = 1;
        for (String label : labels) {
            out.append(String.format(Locale.ROOT, "  %2d = %s%n", column++, label));
        }
        out.append(String.format(Locale.ROOT, "%-24s", ""));
        for (int i = 1; i <= labels.size(); i++) {
            out.append(String.format(Locale.ROOT, "%5d", i));
        }
        out.append('\n');
        for (String gold : labels) {
            Map<String, Integer> row = confusion.getOrDefault(gold, Map.of());
            out.append(String.format(Locale.ROOT, "%-24s", gold));
            for (String predicted : labels) {
                int count = row.getOrDefault(predicted, 0);
                out.append(count == 0 ? "    ." : String.format(Locale.ROOT, "%5d", count));
            }
            out.append('\n');
        }
    }
}
