package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.language.Courtesy;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.Tokens;

/**
 * The word lists and patterns that tell what kind of answer a question wants, read from
 * {@code knowledge/question-types.yaml} (content, not code: a coordinator can add "sjätte" or a colloquial
 * phrasing without a release). Everything is stored folded ({@link Folding}), so the file may be written
 * with or without å, ä and ö.
 *
 * @param stepWords  "steg", "steget", "step"…
 * @param between    words allowed between a step word and its number ("nr", "number")
 * @param numbers    folded number word → step, used after a step word ("steg tre")
 * @param ordinals   folded ordinal → step, used before a step word ("tredje steget", "sista steget")
 * @param notTopic   words that do not make a question about a particular topic
 * @param overview   patterns of questions about the five steps as a whole
 * @param definition patterns of "what is X" questions
 * @param list       patterns of "which X are there" questions
 * @param concerns   per concern (in detection order), the patterns of a person speaking about danger or violence
 *                   close to them: afraid, uses violence, in danger now, suicidal, worried about a child
 * @param expansion  words added to the search when routing a concern to support, per language
 * @param context    patterns of phrases that only say where the answer should come from ("enligt handboken")
 * @param offsets    folded word right before a named step → how far it moves from it ("efter steg 3" → +1)
 */
record QuestionCues(Set<String> stepWords, Set<String> between, Map<String, Integer> numbers,
                    Map<String, Integer> ordinals, Set<String> notTopic, List<Pattern> overview,
                    List<Pattern> definition, List<Pattern> list, Map<QuestionShape.Concern, List<Pattern>> concerns,
                    Map<QuestionShape.Concern, Map<Language, String>> expansion, List<Pattern> context,
                    Map<String, Integer> offsets) {

    static final String FILE = "question-types.yaml";
    /** No cues: every question is searched plainly (used when the file is missing or broken). */
    static final QuestionCues NONE = new QuestionCues(Set.of(), Set.of(), Map.of(), Map.of(), Set.of(), List.of(),
            List.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of());

    /**
     * Reads {@link #FILE} from the knowledge source. A missing file gives {@link #NONE}; a broken one gives
     * {@link #NONE} and a problem naming the file, so the knowledge base still answers (plain search).
     */
    static QuestionCues load(ContentSource source, Consumer<KnowledgeProblem> problems) {
        ContentSource.ContentFile file = source.file(FILE);
        if (file == null) {
            return NONE;
        }
        try {
            return parse(file.readString());
        } catch (KnowledgeFormatException e) {
            problems.accept(new KnowledgeProblem(FILE, e.getMessage().replaceFirst("^" + Pattern.quote(FILE) + ": ", "")
                    + "; questions are searched without question types"));
            return NONE;
        }
    }

    /** @throws KnowledgeFormatException naming the section that is wrong */
    static QuestionCues parse(String yaml) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new KnowledgeFormatException(FILE, "not valid YAML: " + reason, e);
        }
        if (root == null || !root.isObject()) {
            throw new KnowledgeFormatException(FILE, "must be a YAML mapping");
        }
        JsonNode step = root.path("step");
        Map<QuestionShape.Concern, List<Pattern>> concerns = new EnumMap<>(QuestionShape.Concern.class);
        Map<QuestionShape.Concern, Map<Language, String>> expansion = new EnumMap<>(QuestionShape.Concern.class);
        for (QuestionShape.Concern concern : QuestionShape.Concern.values()) {
            if (concern.code() != null) {
                concerns.put(concern, patterns(root.path(concern.code()), concern.code()));
                expansion.put(concern, perLanguage(root.path("expand").path(concern.code())));
            }
        }
        return new QuestionCues(words(step.path("words"), "step.words"), words(step.path("between"), "step.between"),
                numbered(step.path("numbers"), "step.numbers"), numbered(step.path("ordinals"), "step.ordinals"),
                words(root.path("not-topic"), "not-topic"), patterns(root.path("overview"), "overview"),
                patterns(root.path("definition"), "definition"), patterns(root.path("list"), "list"),
                concerns, expansion, patterns(root.path("context"), "context"), offsets(step.path("offsets")));
    }

    /** {@code offsets: {efter: 1, före: -1}}: folded word → a whole number of steps to move. */
    private static Map<String, Integer> offsets(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new KnowledgeFormatException(FILE, "step.offsets must map words to whole numbers");
        }
        Map<String, Integer> offsets = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw new KnowledgeFormatException(FILE, "step.offsets." + e.getKey() + " must be a whole number");
            }
            Tokens.foldedWords(e.getKey(), Integer.MAX_VALUE).forEach(w -> offsets.put(w, e.getValue().intValue()));
        }
        return Map.copyOf(offsets);
    }

    /**
     * The first concern, in {@link QuestionShape.Concern} order, with a pattern found in {@code foldedQuestion}:
     * "jag är rädd att jag ska slå" is someone who uses violence, not someone afraid.
     */
    QuestionShape.Concern concernOf(String foldedQuestion) {
        for (Map.Entry<QuestionShape.Concern, List<Pattern>> e : concerns.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.matcher(foldedQuestion).find())) {
                return e.getKey();
            }
        }
        return QuestionShape.Concern.NONE;
    }

    /**
     * {@code question} without the phrases of {@code context}: in "vad är våld enligt handboken" the handbook is
     * where every answer comes from, not the topic, and as a rare word it would pull in the passages about the
     * handbook itself. Positions are found in a one-for-one folding, so the rest keeps its accents.
     */
    String withoutContext(String question) {
        return Courtesy.blanked(question, context);
    }

    /** Every folded word the cues are made of, so that a misspelt cue word can be corrected to one. */
    Set<String> vocabulary() {
        Set<String> words = new HashSet<>(stepWords);
        words.addAll(numbers.keySet());
        words.addAll(ordinals.keySet());
        words.addAll(notTopic);
        List<List<Pattern>> all = new ArrayList<>(List.of(overview, definition, list));
        all.addAll(concerns.values());
        for (List<Pattern> patterns : all) {
            // Literal words of the patterns; "\b" and "\w" are escapes, not words.
            patterns.forEach(p -> words.addAll(Tokens.foldedWords(p.pattern().replaceAll("\\\\[a-zA-Z]", " "), Integer.MAX_VALUE)));
        }
        return words;
    }

    private static Set<String> words(JsonNode node, String where) {
        Set<String> out = new HashSet<>();
        for (String value : strings(node, where)) {
            out.addAll(Tokens.foldedWords(value, Integer.MAX_VALUE));
        }
        return Set.copyOf(out);
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new KnowledgeFormatException(FILE, "'" + where + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        node.forEach(v -> {
            if (!v.isValueNode()) {
                throw new KnowledgeFormatException(FILE, "'" + where + "' must hold words, found " + v);
            }
            out.add(v.asText());
        });
        return out;
    }

    private static Map<String, Integer> numbered(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new KnowledgeFormatException(FILE, "'" + where + "' must map step numbers 1-5 to word lists");
        }
        Map<String, Integer> out = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            int step;
            try {
                step = Integer.parseInt(e.getKey().strip());
            } catch (NumberFormatException ex) {
                step = 0;
            }
            if (step < 1 || step > 5) {
                throw new KnowledgeFormatException(FILE, "'" + where + "' has key '" + e.getKey() + "'; steps are 1-5");
            }
            for (String word : words(e.getValue(), where + "." + step)) {
                out.put(word, step);
            }
        });
        return Map.copyOf(out);
    }

    private static List<Pattern> patterns(JsonNode node, String where) {
        List<Pattern> out = new ArrayList<>();
        for (String regex : strings(node, where)) {
            try {
                // Unicode classes keep \b as before Java 19 (JDK-8282129): letters next to it count as letters.
                out.add(Pattern.compile(FoldedText.withoutAccents(regex),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
            } catch (PatternSyntaxException e) {
                throw new KnowledgeFormatException(FILE, "'" + where + "' has an invalid pattern '" + regex + "': "
                        + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    private static Map<Language, String> perLanguage(JsonNode node) {
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            String text = node.path(lang.code()).asText("");
            if (!text.isBlank()) {
                out.put(lang, text.strip());
            }
        }
        return out;
    }
}
