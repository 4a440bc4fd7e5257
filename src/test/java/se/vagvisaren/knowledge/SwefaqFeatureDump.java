package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * Writes the {@link RankingFeatures} of every SweFAQ dev candidate as JSON lines, for
 * {@code docs/benchmarks/swefaq_cv.py}. Run from the project root (see docs/knowledge.md):
 * {@code java -cp … se.vagvisaren.knowledge.SwefaqFeatureDump ../shared/benchmarks/swefaq/dev.jsonl target/swefaq-features.jsonl}.
 * The optional thesaurus feature reads {@code -Dswefaq.thesaurus=FILE} (default: Debian's mythes-sv file, if installed).
 */
public final class SwefaqFeatureDump {

    private SwefaqFeatureDump() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        PassageLoader.Loaded loaded = PassageLoader.load(new ContentSource("knowledge", Path.of("knowledge")));
        Thesaurus thesaurus = Thesaurus.readIfPresent(Path.of(System.getProperty("swefaq.thesaurus",
                "/usr/share/mythes/th_sv_SE_v2.dat")));
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            List<Passage> passages = new ArrayList<>();
            int i = 0;
            for (JsonNode c : row.path("candidate_answers")) {
                passages.add(Passage.bodyOnly("c" + i++, Language.SV, c.asText()));
            }
            PassageIndex index = new PassageIndex(passages, loaded.synonyms(), loaded.stopWords(), loaded.unstemmed());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("label", row.path("label").asInt());
            o.put("q", row.path("question").asText());
            Map<String, Map<String, Object>> f = RankingFeatures.of(index, row.path("question").asText(), thesaurus);
            o.put("qg", f.remove("_q").get("groups"));
            o.put("cands", new ArrayList<>(f.values()));
            sb.append(json.writeValueAsString(o)).append('\n');
        }
        Files.writeString(Path.of(args[1]), sb.toString());
    }
}
