package se.vagvisaren.knowledge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.knowledge.CandidateRanker;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeProperties;
import se.vagvisaren.knowledge.RetrievalEvaluation;

/**
 * Tuning loop for SweFAQ answer selection without a JVM start per run (the figures in docs/knowledge.md come
 * from the jar through docs/benchmarks/swefaq_accuracy.py). Run from the project root:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) se.vagvisaren.knowledge.bench.SwefaqTuning ../shared/benchmarks/swefaq/dev.jsonl}
 */
public final class SwefaqTuning {

    private SwefaqTuning() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        CandidateRanker ranker = CandidateRanker.from(new ContentSource("knowledge", Path.of("knowledge")));
        int correct = 0;
        double reciprocal = 0;
        for (JsonNode row : rows) {
            List<String> candidates = new ArrayList<>();
            row.path("candidate_answers").forEach(c -> candidates.add(c.asText()));
            List<Integer> ranking = ranker.rank(row.path("question").asText(), Language.SV, candidates);
            int position = ranking.indexOf(row.path("label").asInt());
            correct += position == 0 ? 1 : 0;
            if (position != 0 && Boolean.getBoolean("t.show")) {
                System.out.printf("Q: %s%n  got: %.150s%n  want(%d): %.150s%n", row.path("question").asText(),
                        candidates.get(ranking.get(0)), position, candidates.get(row.path("label").asInt()));
            }
            reciprocal += 1.0 / (position + 1);
        }
        System.out.printf("n=%d accuracy=%.3f mrr=%.3f%n", rows.size(), (double) correct / rows.size(), reciprocal / rows.size());
        // The handbook search with the same settings, on the project's own questions (guards against regressions).
        RetrievalEvaluation.Result handbook = RetrievalEvaluation.run(new KnowledgeBase(
                new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults()),
                Path.of(System.getProperty("t.questions", "src/test/resources/knowledge/quality-tuning.jsonl")));
        System.out.printf("handbook n=%d top1=%.3f top3=%.3f fallback=%.3f%n", handbook.n(), handbook.top1(), handbook.top3(), handbook.outOfScopeFallback());
    }
}
