package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import se.vagvisaren.conversation.Language;

/**
 * Measures retrieval quality on a JSON Lines test set of {@code {"q", "lang", "expected"}} where
 * {@code expected} is the passage id that should answer, or {@code null} when the bot should fall back.
 */
public final class RetrievalEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Figures for one run.
     *
     * @param n                  in-scope questions (with an expected passage)
     * @param top1               share of in-scope questions whose expected passage came first
     * @param top3               share whose expected passage was among the first three
     * @param outOfScope         questions that should fall back
     * @param outOfScopeFallback share of those that did fall back
     * @param misses             in-scope questions not answered first with the expected passage, for reading
     */
    public record Result(int n, double top1, double top3, int outOfScope, double outOfScopeFallback, List<Miss> misses) {
    }

    /** One miss: the question, the expected id and what came first instead ({@code null} = fallback). */
    public record Miss(String q, String expected, String got, int rank) {
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
        int n = 0, first = 0, inThree = 0, oos = 0, oosFallback = 0;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row = parse(questions, i + 1, lines.get(i));
            String q = row.path("q").asText();
            QueryResult result = knowledge.ask(q, Language.fromCode(row.path("lang").asText("sv")));
            JsonNode expected = row.get("expected");
            if (expected == null || expected.isNull()) {
                oos++;
                oosFallback += result.fallback() ? 1 : 0;
                continue;
            }
            n++;
            int rank = rank(result, expected.asText());
            first += rank == 1 ? 1 : 0;
            inThree += rank >= 1 && rank <= 3 ? 1 : 0;
            if (rank != 1) {
                misses.add(new Miss(q, expected.asText(), result.fallback() ? null : result.best().id(), rank));
            }
        }
        return new Result(n, ratio(first, n), ratio(inThree, n), oos, ratio(oosFallback, oos), misses);
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not valid JSON", e);
        }
    }

    /** 1-based rank of the expected id among the answers, 0 when absent. */
    private static int rank(QueryResult result, String id) {
        for (int i = 0; i < result.answers().size(); i++) {
            if (result.answers().get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
