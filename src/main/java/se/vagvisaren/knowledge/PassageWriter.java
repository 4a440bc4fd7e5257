package se.vagvisaren.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import se.vagvisaren.conversation.Mappers;

/**
 * Writes passages as Markdown files with front matter, in the same format as the hand-written ones, so
 * a coordinator can correct an imported passage in any text editor.
 */
final class PassageWriter {


    private PassageWriter() {
    }

    /** Writes {@code <folder>/<id>.md}, replacing an earlier import of the same passage. */
    static Path write(Passage p, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(p.id() + ".md");
        Files.writeString(file, render(p), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Passage p) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(p.id()).append('\n');
        out.append("title: ").append(quote(p.title())).append('\n');
        out.append("lang: ").append(p.language().code()).append('\n');
        out.append("tags: ").append(list(p.tags())).append('\n');
        if (p.question() != null) {
            out.append("question: ").append(quote(p.question())).append('\n');
        }
        if (!p.asked().isEmpty()) {
            out.append("asked: ").append(list(p.asked())).append('\n');
        }
        if (!p.examples().isEmpty()) {
            out.append("examples: ").append(list(p.examples())).append('\n');
        }
        if (!p.related().isEmpty()) {
            out.append("related: ").append(list(p.related())).append('\n');
        }
        out.append("source:\n");
        out.append("  document: ").append(quote(p.source().document())).append('\n');
        out.append("  section: ").append(p.source().section() == null ? "null" : quote(p.source().section())).append('\n');
        out.append("  page: ").append(p.source().page() == null ? "null" : p.source().page()).append('\n');
        if (p.updated() != null) {
            out.append("updated: ").append(p.updated()).append('\n');
        }
        return out.append("---\n").append(p.text().strip()).append('\n').toString();
    }

    private static String list(List<String> values) {
        return values.stream().map(PassageWriter::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string literal is a valid double-quoted YAML scalar, with every special character escaped. */
    private static String quote(String value) {
        try {
            return Mappers.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
