package se.vagvisaren.progress;

import java.util.List;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Inline SVG chart of one municipality: a row per handbook step, a column per week, a dot sized by the
 * number of updates. It carries a {@code <title>} and {@code <desc>} (named by {@code aria-labelledby})
 * and a {@code <title>} per dot; the table next to it holds the same figures for screen readers and
 * for anyone who prefers numbers. Colours are set with SVG attributes, not style attributes, so the
 * page's Content-Security-Policy needs no {@code unsafe-inline}.
 */
final class StepTimeline {

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 70;
    private static final int ROW = 30;
    private static final int TOP = 12;
    private static final String TEXT_COLOUR = "#1a1a1a";
    private static final String DOT_COLOUR = "#1f4e79";
    private static final String EMPTY_COLOUR = "#6b7785";
    private static final String GRID_COLOUR = "#d0d7de";

    private StepTimeline() {
    }

    /**
     * @param counts      {@code counts[step - 1][week]}: updates per step and week, oldest week first
     * @param weekNumbers ISO week numbers of the columns, oldest first
     */
    static void render(HtmlWriter w, String idPrefix, String municipality, int[][] counts, List<Integer> weekNumbers,
                       ReplyTexts texts) {
        Language sv = Language.SV;
        int weeks = weekNumbers.size();
        int height = TOP + ROW * ProgressUpdate.LAST_STEP + 30;
        double column = (WIDTH - LABEL_WIDTH - 10) / (double) Math.max(1, weeks);
        String titleId = idPrefix + "-chart-title";
        String descId = idPrefix + "-chart-desc";
        w.start("svg", "xmlns", "http://www.w3.org/2000/svg", "role", "img", "width", "100%",
                "viewBox", "0 0 " + WIDTH + " " + height, "aria-labelledby", titleId + " " + descId,
                "focusable", "false");
        w.element("title", texts.get(sv, "progress.overview.chart.title", "name", municipality,
                "first", weekNumbers.isEmpty() ? "" : weekNumbers.get(0),
                "last", weekNumbers.isEmpty() ? "" : weekNumbers.get(weeks - 1)), "id", titleId);
        w.element("desc", description(counts, texts), "id", descId);
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            int y = TOP + ROW * (step - 1) + ROW / 2;
            w.element("text", texts.get(sv, "progress.overview.chart.step", "step", step), "x", "0", "y", Integer.toString(y + 4),
                    "font-size", "13", "fill", TEXT_COLOUR);
            w.empty("line", "x1", Integer.toString(LABEL_WIDTH), "x2", Integer.toString(WIDTH - 5),
                    "y1", Integer.toString(y), "y2", Integer.toString(y), "stroke", GRID_COLOUR, "stroke-width", "1");
            for (int week = 0; week < weeks; week++) {
                int n = counts[step - 1][week];
                String cx = format(LABEL_WIDTH + column * week + column / 2);
                if (n == 0) {
                    w.empty("circle", "cx", cx, "cy", Integer.toString(y), "r", "2", "fill", EMPTY_COLOUR);
                    continue;
                }
                w.start("circle", "cx", cx, "cy", Integer.toString(y), "r", format(4 + Math.min(n, 5) * 1.5),
                        "fill", DOT_COLOUR);
                w.element("title", texts.get(sv, "progress.overview.chart.dot", "week", weekNumbers.get(week),
                        "step", step, "count", n));
                w.end("circle");
            }
        }
        int axisY = TOP + ROW * ProgressUpdate.LAST_STEP + 18;
        // every second week, counted back from the current one so that it always has a label
        for (int week = weeks - 1; week >= 0; week -= 2) {
            w.element("text", texts.get(sv, "progress.overview.chart.week", "week", weekNumbers.get(week)),
                    "x", format(LABEL_WIDTH + column * week + column / 2), "y", Integer.toString(axisY),
                    "font-size", "11", "text-anchor", "middle", "fill", TEXT_COLOUR);
        }
        w.end("svg");
    }

    private static String description(int[][] counts, ReplyTexts texts) {
        StringBuilder out = new StringBuilder();
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            int total = 0;
            for (int n : counts[step - 1]) {
                total += n;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(texts.get(Language.SV, "progress.overview.chart.row", "step", step, "count", total));
        }
        return out.toString();
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
