package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;

/**
 * Measures retrieval quality on a JSON Lines test set of {@code {"q", "lang", "expected"}}. {@code expected}
 * is the id of the passage that should answer, or a list of ids that would each be a right answer (e.g. two
 * support lines for a person afraid of their partner), or {@code null} when the bot should fall back. A question that
 * is also one of the passages' example questions is answered without it ({@link KnowledgeBase#withoutExamples}), so
 * the figures of the sets the examples were taken from are held-out figures, not memory.
 */
public final class RetrievalEvaluation {


    /**
     * Figures for one run.
     *
     * @param n                  in-scope questions (with an expected passage)
     * @param top1               share of in-scope questions answered first with an expected passage
     * @param top3               share with an expected passage among the first three answers
     * @param outOfScope         questions that should fall back
     * @param outOfScopeFallback share of those that did fall back
     * @param byLanguage         the in-scope figures per question language ({@code sv}, {@code en})
     * @param misses             in-scope questions not answered first with an expected passage, for reading
     */
    public record Result(int n, double top1, double top3, int outOfScope, double outOfScopeFallback,
                         Map<String, Figures> byLanguage, List<Miss> misses) {
    }

    /** Top-1 and top-3 over the in-scope questions of one language. */
    public record Figures(int n, double top1, double top3) {
    }

    /** One miss: the question, the acceptable ids and what came first instead ({@code null} = fallback). */
    public record Miss(String q, List<String> expected, String got, int rank) {
    }

    private RetrievalEvaluation() {
    }

    /** @throws UncheckedIOException when the file cannot be read; a malformed line names its number */
    public static Result run(KnowledgeBase knowledge, Path questions) {
        List<String> lines;
        try {
            lines = Files.readAllLines(questions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + questions, e);
        }
        Map<Integer, JsonNode> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.put(i + 1, parse(questions, i + 1, lines.get(i)));
            }
        }
        // Measured without its own questions among the examples (a tuning set the examples came from): held out.
        KnowledgeBase measured = knowledge.withoutExamples(rows.values().stream().map(r -> r.path("q").asText()).toList());
        Tally all = new Tally();
        Map<String, Tally> perLanguage = new LinkedHashMap<>();
        int oos = 0, oosFallback = 0;
        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> entry : rows.entrySet()) {
            JsonNode row = entry.getValue();
            String q = row.path("q").asText();
            Language lang = Language.fromCode(row.path("lang").asText("sv"));
            QueryResult result = measured.ask(q, lang);
            List<String> expected = expected(questions, entry.getKey(), row.get("expected"));
            if (expected.isEmpty()) {
                oos++;
                oosFallback += result.fallback() ? 1 : 0;
                continue;
            }
            int rank = rank(result, expected);
            all.add(rank);
            perLanguage.computeIfAbsent(lang.code(), k -> new Tally()).add(rank);
            if (rank != 1) {
                misses.add(new Miss(q, expected, result.fallback() ? null : result.best().id(), rank));
            }
        }
        Map<String, Figures> byLanguage = new LinkedHashMap<>();
        perLanguage.forEach((lang, t) -> byLanguage.put(lang, t.figures()));
        Figures total = all.figures();
        return new Result(total.n(), total.top1(), total.top3(), oos, ratio(oosFallback, oos), byLanguage, misses);
    }

    /** Counts of first and top-three hits. */
    private static final class Tally {
        int n;
        int first;
        int inThree;

        void add(int rank) {
            n++;
            first += rank == 1 ? 1 : 0;
            inThree += rank >= 1 && rank <= 3 ? 1 : 0;
        }

        Figures figures() {
            return new Figures(n, ratio(first, n), ratio(inThree, n));
        }
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            return Mappers.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not valid JSON", e);
        }
    }

    /** The acceptable ids; empty when the question should fall back. */
    private static List<String> expected(Path file, int line, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            return List.of();
        }
        if (expected.isTextual()) {
            return List.of(expected.asText());
        }
        if (expected.isArray() && !expected.isEmpty()) {
            List<String> ids = new ArrayList<>();
            expected.forEach(id -> ids.add(id.asText()));
            return ids;
        }
        throw new IllegalArgumentException(file + " line " + line + ": expected must be an id, a non-empty list of ids, or null");
    }

    /** 1-based rank of the first acceptable id among the answers, 0 when absent. */
    private static int rank(QueryResult result, List<String> ids) {
        for (int i = 0; i < result.answers().size(); i++) {
            if (ids.contains(result.answers().get(i).id())) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
