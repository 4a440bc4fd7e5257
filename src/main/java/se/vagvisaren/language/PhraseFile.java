package se.vagvisaren.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;

/**
 * The one file format for command words and phrases in {@code dialogs/} (docs/language.md):
 *
 * <pre>
 * match: words        # optional: words (default: folded words with typo tolerance), exact (no typos),
 *                     # or stems-sv / stems-en (also words with the same Swedish / English Snowball stem)
 * groups:             # optional: named word lists, used as {group} in a phrase
 *   my_sv: [mina, min, mitt]
 * phrases:            # required: phrases per label, labels in priority order
 *   privacy_erase:
 *     - radera ... {my_sv} uppgifter
 * exceptions:         # optional: phrases that cancel any overlapping match ("radera inte")
 *   - radera inte
 * </pre>
 *
 * Other top-level keys are the feature's own settings ({@link #settings()}); they are never phrases.
 * Reading collects every problem with its {@code file:line} ({@link #problems()}); {@link #read} throws
 * an {@link IllegalStateException} listing them, so a start-up fails and a hot reload keeps the previous copy.
 */
public final class PhraseFile {

    private static final String MATCH = "match";
    private static final String GROUPS = "groups";
    private static final String PHRASES = "phrases";
    private static final String EXCEPTIONS = "exceptions";

    /** Something wrong in a phrase file, where it is. {@code line} counts from 1. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final String name;
    private final Language stemming;
    private final boolean exact;
    private final Map<String, List<String>> groups;
    private final Map<String, List<String>> phrases;
    private final List<String> exceptions;
    private final JsonNode settings;
    private final List<Problem> problems;

    private PhraseFile(String name, Language stemming, boolean exact, Map<String, List<String>> groups,
            Map<String, List<String>> phrases, List<String> exceptions, JsonNode settings, List<Problem> problems) {
        this.name = name;
        this.stemming = stemming;
        this.exact = exact;
        this.groups = groups;
        this.phrases = phrases;
        this.exceptions = exceptions;
        this.settings = settings;
        this.problems = problems;
    }

    /**
     * Reads {@code path} (relative to {@code dialogs}).
     *
     * @throws IllegalStateException when the file is missing or has problems; the message names each {@code file:line}
     */
    public static PhraseFile read(ContentSource dialogs, String path) {
        PhraseFile file = readLenient(dialogs, path);
        if (!file.problems().isEmpty()) {
            throw new IllegalStateException(file.problems().size() + " problem(s) in " + dialogs.describe() + "/"
                    + path + ": " + String.join("; ", file.problems().stream().map(Problem::toString).toList()));
        }
        return file;
    }

    /** Reads {@code path} and returns it with its problems; throws only when the file is missing. */
    public static PhraseFile readLenient(ContentSource dialogs, String path) {
        ContentSource.ContentFile file = dialogs.file(path);
        if (file == null) {
            throw new IllegalStateException("Missing " + dialogs.describe() + "/" + path);
        }
        String text;
        try (InputStream in = file.open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(path, text);
    }

    /** Parses the text of a phrase file; {@code name} is used in problems. Never throws. */
    public static PhraseFile parse(String name, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        List<String> exceptions = new ArrayList<>();
        Language stemming = null;
        boolean exact = false;
        JsonNode settings = MissingNode.getInstance();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
            settings = Mappers.YAML.readTree(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(name, line, "not valid YAML: " + e.getProblem()));
            return new PhraseFile(name, null, false, groups, phrases, exceptions, settings, List.copyOf(problems));
        } catch (RuntimeException | IOException e) {
            problems.add(new Problem(name, 1, "not valid YAML: " + e.getMessage()));
            return new PhraseFile(name, null, false, groups, phrases, exceptions, settings, List.copyOf(problems));
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new Problem(name, root == null ? 1 : line(root), "expected a mapping with '" + PHRASES + ":'"));
            return new PhraseFile(name, null, false, groups, phrases, exceptions, settings, List.copyOf(problems));
        }
        Node phrasesNode = null;
        Node exceptionsNode = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            Node value = tuple.getValueNode();
            if (MATCH.equals(key)) {
                String match = scalar(value);
                switch (match == null ? "" : match) {
                    case "words" -> stemming = null;
                    case "stems-sv" -> stemming = Language.SV;
                    case "stems-en" -> stemming = Language.EN;
                    case "exact" -> exact = true;
                    default -> problems.add(new Problem(name, line(value),
                            "match must be words, exact, stems-sv or stems-en, not '" + match + "'"));
                }
            } else if (GROUPS.equals(key)) {
                readGroups(name, value, groups, problems);
            } else if (PHRASES.equals(key)) {
                phrasesNode = value;
            } else if (EXCEPTIONS.equals(key)) {
                exceptionsNode = value;
            }
        }
        if (phrasesNode == null) {
            problems.add(new Problem(name, 1, "no '" + PHRASES + ":' section"));
        } else if (phrasesNode instanceof MappingNode labelled) {
            for (NodeTuple tuple : labelled.getValue()) {
                String label = scalar(tuple.getKeyNode());
                if (label == null || label.isBlank()) {
                    problems.add(new Problem(name, line(tuple.getKeyNode()), "a label must be a word"));
                    continue;
                }
                if (phrases.containsKey(label)) {
                    problems.add(new Problem(name, line(tuple.getKeyNode()), "label '" + label + "' appears twice"));
                    continue;
                }
                phrases.put(label, readPhrases(name, tuple.getValueNode(), groups, problems));
            }
        } else {
            problems.add(new Problem(name, line(phrasesNode), "'" + PHRASES + ":' must map labels to lists of phrases"));
        }
        if (exceptionsNode != null) {
            exceptions.addAll(readPhrases(name, exceptionsNode, groups, problems));
        }
        return new PhraseFile(name, stemming, exact, groups, phrases, List.copyOf(exceptions), settings,
                List.copyOf(problems));
    }

    private static void readGroups(String name, Node node, Map<String, List<String>> groups, List<Problem> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new Problem(name, line(node), "'" + GROUPS + ":' must map names to lists of words"));
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String group = scalar(tuple.getKeyNode());
            List<String> words = new ArrayList<>();
            if (!(tuple.getValueNode() instanceof SequenceNode list)) {
                problems.add(new Problem(name, line(tuple.getValueNode()), "group '" + group + "' must be a list of words"));
                continue;
            }
            for (Node item : list.getValue()) {
                String word = scalar(item);
                try {
                    if (word == null) {
                        throw new IllegalArgumentException("not a word");
                    }
                    PhraseMatcher.checkWord(word);
                    words.add(word);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(name, line(item), "group '" + group + "': " + e.getMessage()));
                }
            }
            groups.put(group, List.copyOf(words));
        }
    }

    private static List<String> readPhrases(String name, Node node, Map<String, List<String>> groups,
            List<Problem> problems) {
        List<Node> items = node instanceof SequenceNode list ? list.getValue() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String phrase = scalar(item);
            if (phrase == null || phrase.isBlank()) {
                problems.add(new Problem(name, line(item), "expected a phrase (text), found "
                        + (phrase == null ? "a " + item.getNodeId().name().toLowerCase() : "an empty one")));
                continue;
            }
            try {
                PhraseMatcher.checkPhrase(phrase, groups.keySet());
                out.add(phrase);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, line(item), e.getMessage()));
            }
        }
        return List.copyOf(out);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** The file's name as given when reading. */
    public String name() {
        return name;
    }

    /** Every problem found, in file order; empty for a good file. */
    public List<Problem> problems() {
        return problems;
    }

    /** The labels of {@code phrases:}, in file order. */
    public List<String> labels() {
        return List.copyOf(phrases.keySet());
    }

    /** The phrases of one label as written; empty for an unknown label. */
    public List<String> phrases(String label) {
        return phrases.getOrDefault(label, List.of());
    }

    /** The whole YAML tree, for the feature's own settings (keys other than the phrase sections). */
    public JsonNode settings() {
        return settings;
    }

    /** A matcher for every label of the file, in file order. */
    public PhraseMatcher matcher() {
        return compile(phrases);
    }

    /** A matcher for the given labels only (in the given order), with the file's groups and exceptions. */
    public PhraseMatcher matcher(List<String> labels) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        labels.forEach(label -> chosen.put(label, phrases(label)));
        return compile(chosen);
    }

    private PhraseMatcher compile(Map<String, List<String>> labelled) {
        return exact ? PhraseMatcher.compileExact(groups, labelled, exceptions)
                : PhraseMatcher.compile(groups, labelled, exceptions, stemming);
    }

    /** The texts of a YAML list in {@link #settings()}; empty when the node is missing. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
