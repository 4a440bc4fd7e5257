package se.vagvisaren.reflection;

/**
 * Bar charts made of block characters, readable at a glance in any Teams client (no image hosting):
 * {@code ▇▇▇▇▇▁▁▁▁▁}. Bars are scaled to the largest count so the shape shows even with few answers.
 */
final class TextBars {

    static final int WIDTH = 10;
    private static final char FULL = '▇';
    private static final char EMPTY = '▁';

    private TextBars() {
    }

    /**
     * @param count this bar's count, ≥ 0
     * @param max   the largest count in the chart; 0 gives an empty bar
     * @return exactly {@link #WIDTH} characters; any count above zero shows at least one block
     */
    static String bar(int count, int max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) count * WIDTH / max);
        if (count > 0 && filled == 0) {
            filled = 1;
        }
        filled = Math.min(WIDTH, filled);
        return String.valueOf(FULL).repeat(filled) + String.valueOf(EMPTY).repeat(WIDTH - filled);
    }
}
