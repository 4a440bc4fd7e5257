package se.vagvisaren.nlu;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/** {@code POST /api/nlu/parse}: the same JSON as {@code nlu parse --jsonl}, one object in and one out. */
@RestController
@RequestMapping("/api/nlu")
@RequiredArgsConstructor
class NluController {

    private final ParseService parser;

    @PostMapping(path = "/parse", produces = "application/json")
    ParseResponse parse(@RequestBody ParseRequest request) {
        return parser.parse(request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "Request body must be a JSON object such as {\"text\": \"påminn oss på fredag\", "
                        + "\"now\": \"2026-11-25T10:00:00+01:00\", \"zone\": \"Europe/Stockholm\"}"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(Map.of("error", "Send Content-Type: application/json"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badField(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
