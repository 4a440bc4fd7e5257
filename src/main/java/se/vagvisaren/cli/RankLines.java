package se.vagvisaren.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.knowledge.CandidateRanker;

/**
 * The JSON Lines loop of {@code knowledge rank --jsonl}: one output line per non-blank input line, in order.
 * A malformed line gets {@code {"id", "error": "line N: ..."}} (id when it could be read) and the rest go on.
 */
@RequiredArgsConstructor
final class RankLines {

    private static final String EXPECTED = "expected {\"id\": \"...\", \"q\": \"...\", \"lang\": \"sv\", \"candidates\": [\"...\", ...]}";

    private final CandidateRanker ranker;

    void run(BufferedReader in, PrintWriter out) throws IOException {
        JsonLines.answer(in, out, this::answer);
    }

    private ObjectNode answer(JsonLines.Line line) {
        if (line.json() == null) {
            return error(null, line, "not JSON; " + EXPECTED);
        }
        if (!line.isObject()) {
            return error(null, line, EXPECTED);
        }
        JsonNode request = line.json();
        JsonNode id = request.get("id");
        JsonNode candidates = request.path("candidates");
        if (!request.path("q").isTextual()) {
            return error(id, line, "missing text field 'q'; " + EXPECTED);
        }
        if (!candidates.isArray() || candidates.isEmpty()) {
            return error(id, line, "'candidates' must be a non-empty list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode c : candidates) {
            if (!c.isTextual()) {
                return error(id, line, "every candidate must be a text");
            }
            texts.add(c.asText());
        }
        Language language = Language.fromCode(request.path("lang").asText("sv"));
        ObjectNode result = Mappers.JSON.createObjectNode();
        result.set("id", id == null ? Mappers.JSON.nullNode() : id);
        ranker.rank(request.get("q").asText(), language, texts).forEach(result.putArray("ranking")::add);
        return result;
    }

    private static ObjectNode error(JsonNode id, JsonLines.Line line, String message) {
        ObjectNode result = Mappers.JSON.createObjectNode();
        result.set("id", id == null ? Mappers.JSON.nullNode() : id);
        result.put("error", line.error(message));
        return result;
    }
}
