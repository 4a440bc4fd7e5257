package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * Retrieval quality on the shipped knowledge base with the three question sets in
 * {@code src/test/resources/knowledge/}: {@code quality-tuning.jsonl} (used while tuning),
 * {@code quality-frozen.jsonl} (never used while tuning; measured once per round, its misses have since been seen) and
 * {@code quality-frozen-2.jsonl} (written 2026-12-04 before any change of session 6 and never run by its author;
 * this test reports only pass or fail for it), two fresh-style sets used while tuning ({@code quality-tuning-3.jsonl},
 * {@code quality-tuning-4.jsonl}) and {@code quality-frozen-3.jsonl} (written 2026-12-05 before any change of session 7
 * by someone who never saw the search; measured once, pass or fail only). Figures in docs/knowledge.md.
 *
 * <p>Since session 11 the in-scope questions of the tuning sets are the passages' example questions
 * ({@link Passage#examples}); {@link RetrievalEvaluation} measures each set without its own questions among them, so a
 * tuning set's figure is held out from its own examples (leave-one-set-out), and the frozen sets are never examples.
 */
class KnowledgeQualityTest {

    static final Path TUNING = set("tuning");
    static final Path FROZEN = set("frozen");
    static final Path FROZEN_2 = set("frozen-2");
    static final Path TUNING_3 = set("tuning-3");
    static final Path TUNING_4 = set("tuning-4");
    static final Path TUNING_5 = set("tuning-5");
    static final Path FROZEN_3 = set("frozen-3");
    static final Path TUNING_6 = set("tuning-6");
    static final Path FROZEN_4 = set("frozen-4");
    static final Path TUNING_7 = set("tuning-7");
    static final Path TUNING_8 = set("tuning-8");
    static final Path FROZEN_5 = set("frozen-5");
    static final Path TUNING_9 = set("tuning-9");
    static final Path TUNING_10 = set("tuning-10");
    static final Path FROZEN_6 = set("frozen-6");
    static final Path TUNING_11 = set("tuning-11");
    static final Path FROZEN_7 = set("frozen-7");
    static final Path TUNING_12 = set("tuning-12");
    static final Path TUNING_13 = set("tuning-13");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A question set by its name: {@code set("frozen-5")} is {@code quality-frozen-5.jsonl}. */
    private static Path set(String name) {
        return Path.of("src/test/resources/knowledge/quality-" + name + ".jsonl");
    }

    private static KnowledgeBase knowledge;

    @BeforeAll
    static void load() {
        knowledge = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults());
    }

    @Test
    void shippedKnowledge_loadsWithoutProblems() {
        // Every handbook passage cites its section and official page; anything the loader had to drop is a fault.
        assertThat(knowledge.problems()).isEmpty();
        long swedish = knowledge.size() - countEnglish();
        assertThat(swedish).isGreaterThanOrEqualTo(60);
        assertThat(countEnglish()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void shippedKnowledge_relatedIdsExistAndTextsAreShort() {
        ContentSource source = new ContentSource("knowledge", Path.of("knowledge"));
        PassageLoader.Loaded loaded = PassageLoader.load(source);
        Set<String> ids = loaded.passages().stream().map(Passage::id).collect(Collectors.toSet());
        for (Passage p : loaded.passages()) {
            assertThat(ids).as("related of " + p.id()).containsAll(p.related());
            assertThat(p.text().length()).as("length of " + p.id()).isBetween(80, 700);
            assertThat(p.question()).as("question of " + p.id()).isNotBlank();
        }
    }

    @Test
    void questionSets_areBigEnoughAThirdEnglishAndNameExistingPassages() throws IOException {
        List<JsonNode> tuning = rows(TUNING);
        List<JsonNode> frozen = rows(FROZEN);
        List<JsonNode> frozen2 = rows(FROZEN_2);
        List<JsonNode> all = new ArrayList<>(tuning);
        all.addAll(frozen);
        all.addAll(frozen2);

        assertThat(tuning.stream().filter(r -> !r.path("expected").isNull())).hasSizeGreaterThanOrEqualTo(140);
        assertThat(frozen.stream().filter(r -> !r.path("expected").isNull())).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all.stream().filter(r -> r.path("lang").asText().equals("en")).count() * 3).isGreaterThanOrEqualTo(all.size());
        Set<String> tuningQuestions = tuning.stream().map(r -> r.path("q").asText()).collect(Collectors.toSet());
        assertThat(frozen).as("a frozen question is also a tuning question")
                .noneMatch(r -> tuningQuestions.contains(r.path("q").asText()));

        // The second frozen set must be new questions: none may repeat a question of the two older sets.
        assertThat(frozen2.stream().filter(r -> !r.path("expected").isNull())).hasSizeGreaterThanOrEqualTo(75);
        assertThat(frozen2.stream().filter(r -> r.path("expected").isNull())).hasSizeGreaterThanOrEqualTo(20);
        assertThat(frozen2.stream().filter(r -> r.path("lang").asText().equals("en")).count() * 3)
                .as("a third of the second frozen set is English").isGreaterThanOrEqualTo(frozen2.size());
        Set<String> olderQuestions = Stream.concat(tuning.stream(), frozen.stream())
                .map(KnowledgeQualityTest::normalisedQuestion).collect(Collectors.toSet());
        assertThat(frozen2).as("a question of the second frozen set repeats an older question")
                .noneMatch(r -> olderQuestions.contains(normalisedQuestion(r)));
        // The third frozen set repeats no question of any other set, tuning or frozen.
        List<JsonNode> frozen3 = rows(FROZEN_3);
        Set<String> otherQuestions = Stream.of(tuning, frozen, frozen2, rows(TUNING_3), rows(TUNING_4), rows(TUNING_5))
                .flatMap(List::stream)
                .map(KnowledgeQualityTest::normalisedQuestion).collect(Collectors.toSet());
        assertThat(frozen3).as("a question of the third frozen set repeats a question of another set")
                .noneMatch(r -> otherQuestions.contains(normalisedQuestion(r)));
        assertThat(frozen3.stream().filter(r -> r.path("lang").asText().equals("en")).count() * 3)
                .as("a third of the third frozen set is English").isGreaterThanOrEqualTo(frozen3.size());
        all.addAll(frozen3);
        all.addAll(rows(TUNING_3));
        all.addAll(rows(TUNING_4));
        all.addAll(rows(TUNING_5));
        all.addAll(rows(TUNING_6));
        assertExpectedPassagesExist(all);
        // The fourth (session 8) and fifth (session 9) frozen sets repeat no question of any other set and name only
        // existing passages; checked without showing their questions, not even in a failure message.
        List<JsonNode> frozen4 = rows(FROZEN_4);
        assertHeldOutUnseen("fourth frozen set", frozen4, Stream.of(all, rows(TUNING_6)).flatMap(List::stream).toList());
        // Session 9's and 10's tuning sets name existing passages.
        List<JsonNode> newTuning = new ArrayList<>(rows(TUNING_7));
        newTuning.addAll(rows(TUNING_8));
        newTuning.addAll(rows(TUNING_9));
        newTuning.addAll(rows(TUNING_10));
        newTuning.addAll(rows(TUNING_11));
        newTuning.addAll(rows(TUNING_12));
        newTuning.addAll(rows(TUNING_13));
        assertExpectedPassagesExist(newTuning);
        assertHeldOutUnseen("fifth frozen set", rows(FROZEN_5),
                Stream.of(all, rows(TUNING_6), frozen4, newTuning).flatMap(List::stream).toList());
        // The sixth frozen set (session 10) repeats no question of any other set, session 10's tuning set included.
        assertHeldOutUnseen("sixth frozen set", rows(FROZEN_6),
                Stream.of(all, rows(TUNING_6), frozen4, rows(TUNING_7), rows(TUNING_8), rows(TUNING_9), rows(TUNING_10),
                        rows(FROZEN_5)).flatMap(List::stream).toList());
        // The seventh (session 11) repeats no question of any other set, session 11's tuning set included.
        assertHeldOutUnseen("seventh frozen set", rows(FROZEN_7),
                Stream.of(all, rows(TUNING_6), frozen4, newTuning, rows(FROZEN_5), rows(FROZEN_6)).flatMap(List::stream).toList());
    }

    /** Every expected id of {@code rows} (sets that may be shown) is a passage of the shipped knowledge. */
    private static void assertExpectedPassagesExist(List<JsonNode> rows) {
        for (JsonNode row : rows) {
            row.path("expected").forEach(id -> assertThat(knowledge.passage(id.asText()))
                    .as("expected id '%s' of \"%s\"", id.asText(), row.path("q").asText()).isPresent());
        }
    }

    /** A held-out set repeats none of {@code others}, is a third English and names existing passages; shows counts only. */
    private static void assertHeldOutUnseen(String set, List<JsonNode> heldOut, List<JsonNode> others) {
        Set<String> otherQuestions = others.stream().map(KnowledgeQualityTest::normalisedQuestion).collect(Collectors.toSet());
        assertThat(heldOut.stream().filter(r -> otherQuestions.contains(normalisedQuestion(r))).count())
                .as("questions of the " + set + " that repeat another set's").isZero();
        assertThat(heldOut.stream().filter(r -> r.path("lang").asText().equals("en")).count() * 3)
                .as("a third of the " + set + " is English").isGreaterThanOrEqualTo(heldOut.size());
        assertThat(heldOut.stream().flatMap(r -> java.util.stream.StreamSupport.stream(r.path("expected").spliterator(), false))
                .filter(id -> knowledge.passage(id.asText()).isEmpty()).count())
                .as("expected ids of the " + set + " that name no passage").isZero();
    }

    @Test
    void tuningSet_meetsItsFloor() {
        RetrievalEvaluation.Result result = RetrievalEvaluation.run(knowledge, TUNING);

        print("tuning", result);
        assertThat(result.n()).isGreaterThanOrEqualTo(140);
        assertThat(result.top1()).isGreaterThanOrEqualTo(0.92);
        assertThat(result.top3()).isGreaterThanOrEqualTo(0.97);
        // Measured 2026-12-04 with the unseen-word rule: 18 of 21 off-topic questions fall back (before it: 9 of 21;
        // "vad kostar en pizza" got step 2, which mentions costs). Three whose every word is known still get an answer.
        assertThat(result.outOfScopeFallback()).isGreaterThanOrEqualTo(0.8);
    }

    /**
     * The fresh-style sets written by two more people (the fourth, 144 in scope, before session 7's changes) were
     * read as tuning data: their misses were looked at and fixed in general ways. Measured 2026-12-05: tuning-3
     * top-1 0.981, tuning-4 0.896 (0.750 before the changes), tuning-5 (a fifth writer, read after the first round)
     * 0.784 (0.768 when first read).
     */
    @Test
    void freshStyleTuningSets_meetTheirFloors() {
        RetrievalEvaluation.Result third = RetrievalEvaluation.run(knowledge, TUNING_3);

        print("tuning-3", third);
        assertThat(third.top1()).isGreaterThanOrEqualTo(0.94);
        assertTuningFloors("tuning-4", TUNING_4, 140, 0.93, 0.6);
        assertTuningFloors("tuning-5", TUNING_5, 120, 0.86, 0.65);
    }

    /**
     * The sixth set (session 8, 130 in scope of which 6 expect the hand-off, 25 off-topic; school, preschool, HR and
     * youth-centre staff) was written by someone who never saw the search and read as tuning data: 0.766 top-1 when
     * first measured, 0.847 after this session's general changes (spelling, who is speaking, step offsets, the second
     * and third rounds of `asked` phrasings; the third was aimed at role questions seen in tuning sets 4–6).
     */
    @Test
    void sixthTuningSet_meetsItsFloor() {
        assertTuningFloors("tuning-6", TUNING_6, 120, 0.90, 0.6);
    }

    /**
     * Session 9's two fresh tuning sets (each 120 in scope, of which 5–6 expect the hand-off, and 25 off-topic; written
     * by people who never saw the search): tuning-7 (home care, leisure, housing, police, long situation-first
     * messages) 0.781 top-1 when first read, 0.921 after the session's general changes (the length-aware coverage
     * floor, English twins, who is speaking); tuning-8 (managers, HR, principals, politicians) 0.835 when first read,
     * after most of those changes, 0.904 at the end; tuning-9 (Swedish chat style, read last) 0.829, then 0.905.
     */
    @Test
    void session9TuningSets_meetTheirFloors() {
        assertTuningFloors("tuning-7", TUNING_7, 110, 0.91, 0.6);
        assertTuningFloors("tuning-8", TUNING_8, 110, 0.91, 0.6);
        assertTuningFloors("tuning-9", TUNING_9, 100, 0.89, 0.5);
    }

    /**
     * Session 10's fresh tuning set (115 in scope, 3 of them expecting the hand-off, 25 off-topic; situation-first and
     * multi-sentence messages, two topics at once, short follow-ups; written by someone who never saw the search):
     * 0.813 top-1 when first read, 0.848 after the session's general changes (greetings and sign-offs, the asking
     * sentence, accents and typos in forms the passages never write, who is speaking, "is X violence"); 0.911 since
     * session 11 with the other sets' questions as examples, held out from its own; one off-topic question more is
     * answered (20 of 28 fall back; the examples' words count in a passage's share of a question).
     */
    @Test
    void session10TuningSet_meetsItsFloor() {
        assertTuningFloors("tuning-10", TUNING_10, 100, 0.89, 0.70);
    }

    /**
     * Session 11's three fresh tuning sets, each measured before its questions became examples and held out from them
     * since (written by people who never saw the search): tuning-11 (127 in scope, 3 expecting the hand-off, 25
     * off-topic; practical questions in the words of people's own professions) 0.882 top-1 on the session's starting
     * build, 0.929 with the other sets' examples; tuning-12 (staff outside the social services, partners, politicians)
     * 0.863 on session 10's build, 0.895 with the examples; tuning-13 (short fragments, follow-ups, comparisons, yes/no
     * questions) 0.840, then 0.872.
     */
    @Test
    void session11TuningSets_meetTheirFloors() {
        assertTuningFloors("tuning-11", TUNING_11, 120, 0.90, 0.57);
        assertTuningFloors("tuning-12", TUNING_12, 120, 0.87, 0.76);
        assertTuningFloors("tuning-13", TUNING_13, 120, 0.85, 0.60);
    }

    /** A tuning set's floors; its figures and misses are printed (tuning data may be looked at). */
    private static void assertTuningFloors(String set, Path file, int minInScope, double top1, double fallback) {
        RetrievalEvaluation.Result result = RetrievalEvaluation.run(knowledge, file);

        print(set, result);
        assertThat(result.n()).as(set + " in scope").isGreaterThanOrEqualTo(minInScope);
        assertThat(result.top1()).as(set + " top-1").isGreaterThanOrEqualTo(top1);
        assertThat(result.outOfScopeFallback()).as(set + " fallback").isGreaterThanOrEqualTo(fallback);
    }

    /**
     * The frozen set was measured once at the end of each round of tuning (2026-12-04, commit 5a29a6c: top-1 0.926
     * = 63/68, top-3 1.000, off-topic fallback 3/4; after 15 + 15 questions were added and the unseen-word rule
     * written: top-1 0.952 = 79/83, top-3 0.988, off-topic fallback 19/19); these floors sit a little below. Its misses are deliberately not
     * printed: nobody tunes on them. A failure here means a change made answers worse on questions nobody tuned for.
     */
    @Test
    void frozenSet_meetsTheFloorBelowItsOneMeasurement() {
        RetrievalEvaluation.Result result = RetrievalEvaluation.run(knowledge, FROZEN);

        System.out.printf("knowledge quality (frozen): n=%d top1=%.3f top3=%.3f out-of-scope=%d fallback=%.3f by language=%s%n",
                result.n(), result.top1(), result.top3(), result.outOfScope(), result.outOfScopeFallback(), result.byLanguage());
        assertThat(result.n()).isGreaterThanOrEqualTo(60);
        assertThat(result.top1()).isGreaterThanOrEqualTo(0.93);
        assertThat(result.top3()).isGreaterThanOrEqualTo(0.97);
        // 16/19 since session 8: the second round of asked phrasings brought everyday words ("skärm") into the
        // vocabulary, so one more off-topic question finds a passage (docs/knowledge.md). Accepted for the in-scope gain.
        // 15/19 since session 9: one English off-topic question finds the new English passage on ground rules in
        // channels (shown by removing that passage alone; docs/knowledge.md, "Session 9").
        // 14/19 since session 11: one off-topic question finds a passage through the examples' words, which count in a
        // passage's share of a question (not in the vocabulary that decides what is unseen).
        assertThat(result.outOfScopeFallback()).isGreaterThanOrEqualTo(0.73);
    }

    /**
     * The second frozen set (issue 15) was written before any change of session 6 by someone other than the author
     * of the search, and measured once on the merged jar of that session, showing only the aggregate figures: top-1
     * 0.752 and top-3 0.780 in scope, 0.875 of the off-topic questions sent to the fallback; measured again, aggregates
     * only, after the changes of session 7 (chosen on other sets): top-1 0.901, top-3 0.915, off-topic 0.875 (0.894 with
     * the last four English passages)
     * (docs/knowledge.md). The floors sit just under that measurement so that a change which makes the
     * search worse on questions nobody tuned on fails here. The test still shows neither figures nor misses, only
     * pass or fail, so running it does not turn the set into tuning data.
     */
    @Test
    void secondFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("second frozen set", RetrievalEvaluation.run(knowledge, FROZEN_2), 75, 20, 0.93, NO_FLOOR, 0.80);
    }

    /**
     * The third frozen set (issue 15, session 7): 112 in-scope and 24 off-topic questions written before any change of
     * session 7 by someone who never saw the search (four lines that repeated tuning-4 removed unread), measured at the
     * end of the session with only the aggregates shown: top-1 0.804, on the final build 0.813; at the end of session 8
     * (fifth measurement, aggregates only) 0.848 with off-topic fallback 0.833 (one question fewer than before: the
     * everyday words of the new asked phrasings); at the end of session 9 (aggregates only) 0.893, top-3 0.920. Floors
     * just under that measurement; pass or fail only, no figures, no misses.
     */
    @Test
    void thirdFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("third frozen set", RetrievalEvaluation.run(knowledge, FROZEN_3), 100, 20, 0.91, 0.94, 0.80);
    }

    /**
     * The fourth frozen set (issue 15, session 8): 120 in-scope questions (5 of them expecting the hand-off) and 25
     * off-topic ones, written before any change of session 8 by someone who never saw the search (social services,
     * coordinators, politicians, health care); two lines that repeated another set were removed unread. Measured
     * once, at the end of the session, aggregates only: top-1 0.912, top-3 0.974 (sv 0.930, en 0.884), fallback
     * for the 29 questions expecting it 0.759 (docs/knowledge.md). Floors just under that; pass or fail only.
     */
    @Test
    void fourthFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("fourth frozen set", RetrievalEvaluation.run(knowledge, FROZEN_4), 110, 25, 0.94, 0.97, 0.72);
    }

    /**
     * The fifth frozen set (issue 15, session 9): 120 in-scope questions (6 expecting the hand-off) and 24 off-topic,
     * written at the start of session 9 by someone who never saw the search (every role, people who are afraid or have
     * hurt someone, many typos); one off-topic line that repeated a line of tuning-7 (written at the same time) was
     * removed unread. Never opened; measured with aggregates only, first after the length-aware floor and the English
     * twins (top-1 0.860), then at the end of the session: top-1 0.860, top-3 0.904 (sv 0.845, en 0.884), fallback
     * 0.700 for the 30 questions expecting it. Floors just under that; pass or fail only.
     */
    @Test
    void fifthFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("fifth frozen set", RetrievalEvaluation.run(knowledge, FROZEN_5), 110, 25, 0.89, 0.93, 0.67);
    }

    /**
     * The sixth frozen set (issue 15, session 10): 120 in-scope questions (6 expecting the hand-off) and 25 off-topic,
     * written at the start of session 10 by someone who never saw the search (every role, formal and chat style, people
     * who are afraid or have hurt someone). Never opened; measured with aggregates only, on the session's starting build
     * and after its changes: top-1 0.842 both times, top-3 0.912 (sv 0.817, en 0.884), fallback 0.677 for the 31
     * questions expecting it. Floors just under that; pass or fail only.
     */
    @Test
    void sixthFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("sixth frozen set", RetrievalEvaluation.run(knowledge, FROZEN_6), 110, 25, 0.91, 0.93, 0.64);
    }

    /**
     * The seventh frozen set (issue 15, session 11): 120 in-scope questions (6 expecting the hand-off) and 25
     * off-topic, written at the start of session 11 by someone who never saw the search (people new to the work, "how
     * do we do X here", concepts in everyday words, chat style). Never opened; measured with aggregates only, on the
     * session's starting build (top-1 0.877, top-3 0.921) and with the example questions: top-1 0.947, top-3 0.965
     * (sv 0.944, en 0.953), fallback 0.645 for the 31 questions expecting it. Floors just under; pass or fail only.
     */
    @Test
    void seventhFrozenSet_staysAtItsMeasuredFloorWithoutShowingFigures() {
        assertFrozenFloors("seventh frozen set", RetrievalEvaluation.run(knowledge, FROZEN_7), 110, 25, 0.92, 0.94, 0.61);
    }

    /** No floor for a figure that a set's test does not check. */
    private static final double NO_FLOOR = 0;

    /**
     * A frozen set's floors, checked as pass or fail only: the failure message names the set and the figure that fell,
     * never its value nor a question, so running the test does not turn the set into tuning data.
     */
    private static void assertFrozenFloors(String set, RetrievalEvaluation.Result result, int minInScope,
                                           int minExpectingFallback, double top1, double top3, double fallback) {
        assertThat(result.n() >= minInScope).as(set + ": at least " + minInScope + " in-scope questions were evaluated").isTrue();
        assertThat(result.outOfScope() >= minExpectingFallback)
                .as(set + ": at least " + minExpectingFallback + " questions expecting the fallback were evaluated").isTrue();
        assertThat(result.top1() >= top1).as(set + ": top-1 at or above its measured floor (figure not shown)").isTrue();
        assertThat(result.top3() >= top3).as(set + ": top-3 at or above its measured floor (figure not shown)").isTrue();
        assertThat(result.outOfScopeFallback() >= fallback)
                .as(set + ": fallback at or above its floor (figure not shown)").isTrue();
    }

    static void print(String set, RetrievalEvaluation.Result result) {
        System.out.printf("knowledge quality (%s): n=%d top1=%.3f top3=%.3f out-of-scope=%d fallback=%.3f by language=%s%n",
                set, result.n(), result.top1(), result.top3(), result.outOfScope(), result.outOfScopeFallback(), result.byLanguage());
        result.misses().forEach(m -> System.out.println("  miss: " + m));
    }

    private static String normalisedQuestion(JsonNode row) {
        return row.path("q").asText().strip().toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static long countEnglish() {
        return PassageLoader.load(new ContentSource("knowledge", Path.of("knowledge"))).passages().stream()
                .filter(p -> p.language() == Language.EN).count();
    }
}
