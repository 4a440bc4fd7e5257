package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;

/**
 * Reads one Markdown passage: YAML front matter between {@code ---} lines, then the answer text.
 * Required: {@code id}, {@code title}, {@code lang} ({@code sv}/{@code en}), {@code source.document} and
 * a non-empty text. Optional: {@code tags}, {@code question}, {@code asked}, {@code examples}, {@code related},
 * {@code source.section}, {@code source.page} (a positive integer, or null), {@code source.url}, {@code updated} (ISO date), {@code kind}
 * ({@link PassageKind}), {@code step} (1–5) and {@code audience} ({@link Audience}). The url and the related ids
 * are checked later by {@link PassageValidator}, which keeps the passage. A bad {@code kind}, {@code step} or
 * {@code audience} does not cost the passage either: it is read without that field and the mistake is reported
 * as a warning naming the file.
 */
final class PassageParser {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private PassageParser() {
    }

    /**
     * @param file    name used in error messages, e.g. {@code steg/steg-2.md}
     * @param content the whole file
     * @throws KnowledgeFormatException naming the file and what is wrong
     */
    static Passage parse(String file, String content) {
        return parse(file, content, problem -> { });
    }

    /**
     * As {@link #parse(String, String)}, reporting mistakes that do not cost the passage to {@code warnings}.
     *
     * @param warnings receives one problem per optional field that had to be ignored
     */
    static Passage parse(String file, String content, Consumer<KnowledgeProblem> warnings) {
        String text = content.replace("\r\n", "\n").stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw new KnowledgeFormatException(file, "no front matter (the file must start with a '---' line)");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            throw new KnowledgeFormatException(file, "front matter is not closed with a '---' line");
        }
        JsonNode meta = readYaml(file, text.substring(4, end));
        int bodyStart = text.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1).strip();
        if (body.isEmpty()) {
            throw new KnowledgeFormatException(file, "the passage has no text after the front matter");
        }
        String id = required(file, meta, "id");
        if (!ID.matcher(id).matches()) {
            throw new KnowledgeFormatException(file, "id '" + id + "' must be lower case letters, digits and dashes");
        }
        JsonNode source = meta.path("source");
        if (!source.isObject()) {
            throw new KnowledgeFormatException(file, "missing 'source' with at least 'document'");
        }
        PassageSource citation = new PassageSource(
                required(file, source, "document"), optional(source, "section"), page(file, source.path("page")),
                optional(source, "url"));
        return new Passage(id, required(file, meta, "title"), language(file, required(file, meta, "lang")),
                strings(file, meta, "tags"), optional(meta, "question"), strings(file, meta, "related"),
                citation, date(file, meta.path("updated")), body, file,
                kind(file, meta, warnings), step(file, meta, warnings), audience(file, meta, warnings),
                strings(file, meta, "asked"), strings(file, meta, "examples"));
    }

    private static PassageKind kind(String file, JsonNode meta, Consumer<KnowledgeProblem> warnings) {
        String code = optional(meta, "kind");
        if (code == null) {
            return null;
        }
        Optional<PassageKind> kind = PassageKind.fromCode(code);
        if (kind.isEmpty()) {
            warnings.accept(KnowledgeProblem.kept(file, null, "unknown kind '" + code + "' (one of: " + PassageKind.codes()
                    + "); passage kept without a kind"));
        }
        return kind.orElse(null);
    }

    private static Integer step(String file, JsonNode meta, Consumer<KnowledgeProblem> warnings) {
        JsonNode step = meta.path("step");
        if (step.isMissingNode() || step.isNull()) {
            return null;
        }
        if (step.isIntegralNumber() && step.asInt() >= 1 && step.asInt() <= 5) {
            return step.asInt();
        }
        warnings.accept(KnowledgeProblem.kept(file, null, "step must be a whole number from 1 to 5, was '" + step.asText()
                + "'; passage kept without a step"));
        return null;
    }

    private static Audience audience(String file, JsonNode meta, Consumer<KnowledgeProblem> warnings) {
        String code = optional(meta, "audience");
        if (code == null) {
            return null;
        }
        Optional<Audience> audience = Audience.fromCode(code);
        if (audience.isEmpty()) {
            warnings.accept(KnowledgeProblem.kept(file, null, "unknown audience '" + code + "' (one of: " + Audience.codes()
                    + "); passage kept without an audience"));
        }
        return audience.orElse(null);
    }

    private static JsonNode readYaml(String file, String yaml) {
        try {
            JsonNode node = Mappers.YAML.readTree(yaml);
            if (node == null || !node.isObject()) {
                throw new KnowledgeFormatException(file, "front matter is not a YAML mapping");
            }
            return node;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new KnowledgeFormatException(file, "front matter is not valid YAML: " + reason, e);
        }
    }

    private static String required(String file, JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new KnowledgeFormatException(file, "missing '" + field + "'");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    private static Language language(String file, String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "sv" -> Language.SV;
            case "en" -> Language.EN;
            default -> throw new KnowledgeFormatException(file, "lang must be 'sv' or 'en', was '" + code + "'");
        };
    }

    private static Integer page(String file, JsonNode page) {
        if (page.isMissingNode() || page.isNull()) {
            return null;
        }
        if (!page.canConvertToInt() || !page.isIntegralNumber() || page.asInt() < 1) {
            throw new KnowledgeFormatException(file, "source.page must be a positive whole number or null");
        }
        return page.asInt();
    }

    private static LocalDate date(String file, JsonNode updated) {
        if (updated.isMissingNode() || updated.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(updated.asText());
        } catch (DateTimeParseException e) {
            throw new KnowledgeFormatException(file, "updated must be a date like 2026-11-25");
        }
    }

    private static List<String> strings(String file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new KnowledgeFormatException(file, "'" + field + "' must be a list like [a, b]");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> {
            if (v.isValueNode() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        });
        return out;
    }
}
