package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagvisaren.conversation.ContentSource;

/**
 * Reads the curated phrase files of {@code dialogs/safeguarding/} (danger phrases, privacy commands): YAML
 * with {@code groups} (named word lists for {@code {group}} in a phrase), the file's own section of
 * labelled phrases, and {@code exceptions}. A missing or unreadable file is an {@link IllegalStateException}
 * naming the file, so the loader fails at start-up and keeps the previous copy on hot reload.
 */
final class PhraseFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PhraseFile() {
    }

    /** The YAML tree of {@code path} (relative to {@code dialogs}); throws when it is missing or not YAML. */
    static JsonNode read(ContentSource dialogs, String path) {
        ContentSource.ContentFile file = dialogs.file(path);
        if (file == null) {
            throw new IllegalStateException("Missing " + dialogs.describe() + "/" + path);
        }
        try (InputStream in = file.open()) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compiles {@code labelled} with the file's {@code groups} and {@code exceptions}.
     *
     * @param labelled phrases by label (family id or privacy intent), in file order
     */
    static PhraseMatcher matcher(JsonNode root, Map<String, List<String>> labelled) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("groups").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            groups.put(e.getKey(), strings(e.getValue()));
        }
        return PhraseMatcher.compile(groups, labelled, strings(root.path("exceptions")));
    }

    /** The texts of a YAML list; empty when the node is missing. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
