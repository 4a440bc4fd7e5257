package se.vagvisaren.knowledge;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.admin.AdminAccess;
import se.vagvisaren.conversation.Language;

/**
 * HTTP access to the knowledge base: {@code POST /api/knowledge/query} (same JSON as {@code ask --jsonl}),
 * and the admin views {@code GET /api/knowledge/gaps} and {@code GET /api/knowledge/status}.
 */
@RestController
@RequestMapping("/api/knowledge")
@RequiredArgsConstructor
class KnowledgeController {

    private final KnowledgeBase knowledge;
    private final QuestionLog log;
    private final AdminAccess admin;

    /** @param q the question; @param lang {@code sv} (default) or {@code en} */
    record QueryRequest(String q, String lang) {
    }

    @PostMapping("/query")
    ResponseEntity<?> query(@RequestBody(required = false) QueryRequest request) {
        if (request == null || request.q() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "Send JSON like {\"q\": \"Vad är en lägesbild?\", \"lang\": \"sv\"}"));
        }
        return ResponseEntity.ok(knowledge.ask(request.q(), Language.fromCode(request.lang())));
    }

    /** The gaps list for coordinators. @param days look-back period; @param limit rows */
    record GapsResponse(OffsetDateTime since, List<KnowledgeGap> gaps) {
    }

    @GetMapping("/gaps")
    GapsResponse gaps(HttpServletRequest http,
                      @RequestParam(defaultValue = "90") int days,
                      @RequestParam(defaultValue = "20") int limit) {
        admin.check(http);
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(Math.max(1, Math.min(days, 3650)));
        return new GapsResponse(since, log.gaps(since, Math.max(1, Math.min(limit, 200))));
    }

    /** Passage count and skipped files, so a coordinator sees at once which file is broken. */
    record StatusResponse(int passages, String origin, List<KnowledgeProblem> problems) {
    }

    @GetMapping("/status")
    StatusResponse status(HttpServletRequest http) {
        admin.check(http);
        return new StatusResponse(knowledge.size(), knowledge.origin(), knowledge.problems());
    }
}
