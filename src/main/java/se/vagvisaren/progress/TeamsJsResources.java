package se.vagvisaren.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves Microsoft's Teams JavaScript library ({@code @microsoft/teams-js} from npm) to the overview tab.
 * The library is never committed: {@code deployment/teams/fetch-teams-js.sh} puts it in
 * {@code target/teams-js/} at build time (the folder is configurable with {@code vagvisaren.teams-js.dir}).
 * When it is missing the answer is a 404 with one line; the page still works outside Teams then.
 */
@RestController
class TeamsJsResources {

    static final String LIBRARY_PATH = "/teams-js/MicrosoftTeams.min.js";
    static final String FILE_NAME = "MicrosoftTeams.min.js";
    private static final Logger log = LoggerFactory.getLogger(TeamsJsResources.class);

    private final Path library;

    TeamsJsResources(@Value("${vagvisaren.teams-js.dir:target/teams-js}") Path folder) {
        this.library = folder.resolve(FILE_NAME);
    }

    @GetMapping(path = LIBRARY_PATH)
    ResponseEntity<byte[]> library() throws IOException {
        if (!Files.isRegularFile(library)) {
            log.warn("Teams JavaScript library missing at {}; run deployment/teams/fetch-teams-js.sh", library);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Teams JavaScript library not installed; run deployment/teams/fetch-teams-js.sh\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .body(Files.readAllBytes(library));
    }
}
