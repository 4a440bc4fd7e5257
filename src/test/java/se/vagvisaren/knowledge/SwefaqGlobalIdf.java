package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * SweFAQ experiment (docs/knowledge.md, third round): one index over every dev answer of every category, so that
 * IDF and average length come from all 110 answers, while each question ranks only its own list (a filter on the
 * ids), as the handbook search ranks among its whole knowledge base. Prints accuracy and MRR. Run from the project
 * root: {@code java -cp … se.vagvisaren.knowledge.SwefaqGlobalIdf ../shared/benchmarks/swefaq/dev.jsonl}.
 */
public final class SwefaqGlobalIdf {

    private SwefaqGlobalIdf() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        PassageLoader.Loaded loaded = PassageLoader.load(new ContentSource("knowledge", Path.of("knowledge")));
        List<JsonNode> rows = new ArrayList<>();
        Map<String, String> idOf = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                rows.add(row);
                row.path("candidate_answers").forEach(c -> idOf.putIfAbsent(c.asText(), "a" + idOf.size()));
            }
        }
        List<Passage> all = new ArrayList<>();
        idOf.forEach((text, id) -> all.add(Passage.bodyOnly(id, Language.SV, text)));
        PassageIndex index = new PassageIndex(all, loaded.synonyms(), loaded.stopWords(), loaded.unstemmed());
        int correct = 0;
        double rr = 0;
        for (JsonNode row : rows) {
            List<String> ids = new ArrayList<>();
            row.path("candidate_answers").forEach(c -> ids.add(idOf.get(c.asText())));
            List<BytesRef> refs = ids.stream().map(BytesRef::new).toList();
            LinkedHashSet<String> order = new LinkedHashSet<>();
            for (PassageIndex.Hit h : index.search(row.path("question").asText(), Language.SV, all.size(),
                    new TermInSetQuery("id", refs))) {
                order.add(h.passage().id());
            }
            order.addAll(ids);
            int pos = new ArrayList<>(order).indexOf(ids.get(row.path("label").asInt()));
            correct += pos == 0 ? 1 : 0;
            rr += 1.0 / (pos + 1);
        }
        System.out.printf("global-idf n=%d accuracy=%.3f mrr=%.3f%n", rows.size(), (double) correct / rows.size(), rr / rows.size());
    }
}
