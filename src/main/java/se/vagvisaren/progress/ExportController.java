package se.vagvisaren.progress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.admin.AdminAccess;

/**
 * {@code GET /api/progress/export?format=csv|json}: every progress update for the follow-up report and
 * the researchers following the work. Authors are pseudonymised ({@link AuthorPseudonyms}); team and
 * channel ids are kept so updates can be grouped. Admin only ({@link AdminAccess}: the API key, or
 * loopback callers when none is configured). Streams the rows,
 * so a large export does not load every update into memory.
 */
@RestController
@RequiredArgsConstructor
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);
    static final List<String> COLUMNS = List.of("id", "workspace_id", "municipality", "channel_id", "author",
            "created_at", "edited_at", "steps", "steps_confirmed", "text", "link");

    private final ProgressStore store;
    private final AuthorPseudonyms pseudonyms;
    private final MunicipalityNames names;
    private final AdminAccess access;
    private final Clock clock;

    @GetMapping("/api/progress/export")
    void export(@RequestParam(name = "format", defaultValue = "csv") String format, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        if (!access.allows(request)) {
            if (access.keyConfigured()) {
                error(response, HttpServletResponse.SC_UNAUTHORIZED, "A valid " + AdminAccess.HEADER + " header is required");
            } else {
                error(response, HttpServletResponse.SC_FORBIDDEN, "Admin APIs answer only on loopback when no API key is configured");
            }
            return;
        }
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("json")) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "format must be csv or json");
            return;
        }
        String file = "progress-export-" + LocalDate.now(clock) + "." + kind;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (kind.equals("csv")) {
            response.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
                writeCsv(out);
            }
        } else {
            response.setContentType("application/json");
            try (JsonGenerator json = new JsonFactory().createGenerator(response.getOutputStream())) {
                writeJson(json);
            }
        }
        log.info("Progress export ({}) served", kind);
    }

    /** All updates as CSV with a header row, oldest first. */
    void writeCsv(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row(COLUMNS);
        Map<String, Optional<String>> names = new HashMap<>();
        store.forEach(u -> csv.row(values(u, names)));
    }

    /** All updates as a JSON array of objects with the CSV column names, oldest first. */
    void writeJson(JsonGenerator json) throws IOException {
        json.writeStartArray();
        Map<String, Optional<String>> names = new HashMap<>();
        try {
            store.forEach(u -> {
                try {
                    json.writeStartObject();
                    List<String> values = values(u, names);
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        String column = COLUMNS.get(i);
                        if (column.equals("steps")) {
                            json.writeArrayFieldStart(column);
                            for (int step : u.steps()) {
                                json.writeNumber(step);
                            }
                            json.writeEndArray();
                        } else if (column.equals("steps_confirmed")) {
                            json.writeBooleanField(column, u.stepsConfirmed());
                        } else {
                            json.writeStringField(column, values.get(i));
                        }
                    }
                    json.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
    }

    /** One row; {@code nameCache} keeps one settings lookup per workspace for the whole export. */
    private List<String> values(ProgressUpdate u, Map<String, Optional<String>> nameCache) {
        String municipality = nameCache.computeIfAbsent(u.workspaceId(), ws -> Optional.ofNullable(names.nameOf(ws)))
                .orElse(null);
        return Arrays.asList(u.id(), u.workspaceId(), municipality, u.channelId(),
                pseudonyms.of(u.authorId()), u.createdAt().toString(),
                u.editedAt() == null ? null : u.editedAt().toString(),
                u.steps().stream().map(String::valueOf).collect(Collectors.joining(";")),
                Boolean.toString(u.stepsConfirmed()), u.text(), u.link());
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator json = new JsonFactory().createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        }
    }
}
