package se.vagvisaren.knowledge;

/**
 * The share of a question that its best passage must cover to count as an answer.
 *
 * <p>Three parts: the configured minimum ({@code vagvisaren.knowledge.min-coverage}); the share of the question
 * made up of words no passage contains ("vad kostar en pizza" falls back); and the question's length. A message
 * that first describes a situation ("Jag jobbar i hemtjänsten och har en brukare som … Vart kan jag vända mig?")
 * has many words that no passage needs to contain, so even the passage that fits covers a small share of it:
 * beyond {@link #SHORT_QUESTION_WORDS} searchable words the floor falls in proportion to the length, to no less
 * than {@link #LOWEST}. Short questions, where off-topic ones live ("hur många invånare har sverige"), keep the
 * full floor.
 */
final class CoverageFloor {

    /** Questions with at most this many searchable words need the full floor. */
    static final int SHORT_QUESTION_WORDS = 6;
    /** However long the question, a passage covering less than this share of it is not an answer. */
    static final double LOWEST = 0.15;

    private CoverageFloor() {
    }

    /**
     * @param minCoverage the configured minimum, or the stricter one for the other language
     * @param unseenShare the question's share of words no passage contains (already multiplied by its factor)
     * @param words       the question's searchable words ({@link PassageIndex.QuestionWords#searchable})
     * @param byLength    whether a long question lowers the floor (not for the other language, where only a
     *                    clear fit may answer)
     */
    static double of(double minCoverage, double unseenShare, int words, boolean byLength) {
        double floor = Math.max(minCoverage, unseenShare);
        if (!byLength || words <= SHORT_QUESTION_WORDS) {
            return floor;
        }
        return Math.max(LOWEST, Math.min(floor, floor * SHORT_QUESTION_WORDS / words));
    }
}
