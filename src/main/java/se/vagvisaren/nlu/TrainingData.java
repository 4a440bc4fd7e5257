package se.vagvisaren.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;

/**
 * Labelled utterances for training and evaluation.
 *
 * @param examples    in file order; never {@code null}
 * @param domainWords words whose typos are mended before the model reads a message
 *                    ({@code dialogs/nlu/domain-words.yaml}); empty for data without such a list
 */
public record TrainingData(List<Example> examples, List<String> domainWords) {

    private static final Logger log = LoggerFactory.getLogger(TrainingData.class);
    static final String DOMAIN_WORDS = "nlu/domain-words.yaml";

    public TrainingData {
        examples = List.copyOf(examples);
        domainWords = domainWords == null ? List.of() : List.copyOf(domainWords);
    }

    /** Examples without a domain-word list (benchmark files). */
    public TrainingData(List<Example> examples) {
        this(examples, List.of());
    }

    /**
     * One labelled utterance.
     *
     * @param text     the message as a user would write it
     * @param intent   intent name
     * @param language language of the text
     */
    public record Example(String text, String intent, Language language) {
    }

    /** Intent names in first-seen order. */
    public Set<String> intents() {
        Set<String> out = new LinkedHashSet<>();
        examples.forEach(e -> out.add(e.intent()));
        return out;
    }

    public int size() {
        return examples.size();
    }

    /**
     * Reads {@code intents/*.yaml} of the dialogs content ({@code language: sv}, {@code intents: {name: [texts]}}).
     * A broken file is logged by name and skipped; empty when there is no file.
     */
    public static TrainingData fromDialogs(ContentSource dialogs) {
        List<Example> examples = new ArrayList<>();
        for (ContentSource.ContentFile file : dialogs.list("intents", ".yaml")) {
            try (InputStream in = file.open()) {
                readYaml(Mappers.YAML.readTree(in), file.name(), examples);
            } catch (IOException | RuntimeException e) {
                log.error("Skipping broken intent file {}: {}", file.name(), e.getMessage());
            }
        }
        return new TrainingData(examples, domainWords(dialogs));
    }

    /** {@code nlu/domain-words.yaml}: a list per language code; empty (logged) when missing or broken. */
    private static List<String> domainWords(ContentSource dialogs) {
        List<String> words = new ArrayList<>();
        try (InputStream in = dialogs.file(DOMAIN_WORDS).open()) {
            JsonNode root = Mappers.YAML.readTree(in);
            if (root != null) {
                root.forEach(list -> list.forEach(word -> words.add(word.asText())));
            }
        } catch (IOException | RuntimeException e) {
            log.error("No typo mending: cannot read dialogs/{}: {}", DOMAIN_WORDS, e.getMessage());
        }
        return words;
    }

    private static void readYaml(JsonNode root, String name, List<Example> out) {
        if (root == null || !root.path("intents").isObject()) {
            throw new IllegalArgumentException("no 'intents' map");
        }
        String code = root.path("language").asText(name.replaceAll(".*/|\\.yaml$", ""));
        Language language = Language.fromCode(code);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("intents").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> intent = it.next();
            for (JsonNode text : intent.getValue()) {
                if (text.isValueNode() && !text.isNull()) {
                    out.add(new Example(text.asText(), intent.getKey(), language));
                } else if (text.isObject() && text.size() == 1) {
                    // An unquoted "uppdatering: klart" is a one-entry map in YAML; the writer meant the text.
                    Map.Entry<String, JsonNode> entry = text.fields().next();
                    out.add(new Example(entry.getKey() + ": " + entry.getValue().asText(), intent.getKey(), language));
                }
            }
        }
    }

    /**
     * Reads JSON Lines {@code {"text": "...", "intent": "..."}} (optional {@code "lang"}). Lines without a
     * language get the one {@code guessLanguage} gives. Blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line when a line is not such an object
     */
    public static TrainingData fromJsonl(Path file, Function<String, Language> guessLanguage) {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                examples.add(parseLine(line, file.getFileName() + ":" + number, guessLanguage));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new TrainingData(examples);
    }

    private static Example parseLine(String line, String where, Function<String, Language> guessLanguage) {
        JsonNode node;
        try {
            node = Mappers.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.path("text").isTextual() || !node.path("intent").isTextual()) {
            throw new IllegalArgumentException(where + ": expected {\"text\": ..., \"intent\": ...}");
        }
        String text = node.get("text").asText();
        Language language = node.path("lang").isTextual()
                ? Language.fromCode(node.get("lang").asText()) : guessLanguage.apply(text);
        return new Example(text, node.get("intent").asText(), language);
    }

    /**
     * Repeats every example of {@code intent} so it counts {@code times} as much in training; how a class with
     * few examples (CLINC150 has 100 out-of-scope ones against 15,000 in scope) gets enough weight.
     */
    public TrainingData weighted(String intent, int times) {
        List<Example> out = new ArrayList<>(examples);
        for (Example example : examples) {
            if (example.intent().equals(intent)) {
                for (int i = 1; i < times; i++) {
                    out.add(example);
                }
            }
        }
        return new TrainingData(out, domainWords);
    }

    /** Keeps the examples whose intent is not {@code intent}. */
    public TrainingData without(String intent) {
        return new TrainingData(examples.stream().filter(e -> !e.intent().equals(intent)).toList(), domainWords);
    }
}
