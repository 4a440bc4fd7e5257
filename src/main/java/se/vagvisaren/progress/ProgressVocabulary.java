package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.PhraseFile;
import se.vagvisaren.language.PhraseMatcher;
import se.vagvisaren.language.Stems;
import se.vagvisaren.language.Tokens;

/**
 * The progress feature's words, read from {@code dialogs/progress/steps.yaml} (step names and
 * keywords) and {@code dialogs/progress/phrases.yaml} (record prefixes, periods, overview words).
 * Reloaded when the content on disk changes; a broken file keeps the previous vocabulary.
 */
@Component
class ProgressVocabulary {

    private static final String PHRASES = "progress/phrases.yaml";
    private static final String NUMBER = "number-";
    private static final String PERIOD = Snapshot.PERIOD;

    private final ContentSource dialogs;
    private final ReloadingContent<Snapshot> current;

    ProgressVocabulary(@Qualifier("dialogs") ContentSource dialogs) {
        this.dialogs = dialogs;
        this.current = new ReloadingContent<>("dialogs", "dialogs/progress/steps.yaml and phrases.yaml", this::load);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        current.onContentChanged(event);
    }

    Snapshot get() {
        return current.get();
    }

    private Snapshot load() {
        JsonNode steps = read("progress/steps.yaml").path("steps");
        Map<Integer, Map<Language, String>> names = new HashMap<>();
        Map<Language, List<Keyword>> keywords = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            keywords.put(lang, new ArrayList<>());
        }
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            JsonNode node = steps.path(Integer.toString(step));
            Map<Language, String> byLang = new EnumMap<>(Language.class);
            for (Language lang : Language.values()) {
                byLang.put(lang, node.path("name").path(lang.code()).asText("Steg " + step));
                for (JsonNode k : node.path("keywords").path(lang.code())) {
                    String word = k.path("word").asText("");
                    List<String> stems = Stems.ofText(word, lang);
                    if (!stems.isEmpty()) {
                        keywords.get(lang).add(new Keyword(step, stems, Tokens.words(word), k.path("weight").asInt(1)));
                    }
                }
            }
            names.put(step, byLang);
        }
        PhraseFile phrases = PhraseFile.read(dialogs, PHRASES);
        Map<String, Integer> numbers = new HashMap<>();
        List<String> periods = new ArrayList<>();
        for (String label : phrases.labels()) {
            if (label.startsWith(NUMBER)) {
                int number = Integer.parseInt(label.substring(NUMBER.length()));
                phrases.phrases(label).forEach(word -> numbers.put(FoldedText.fold(word), number));
            } else if (label.startsWith(PERIOD)) {
                periods.add(label);
            }
        }
        Set<String> stepWords = new HashSet<>();
        phrases.phrases("step-word").forEach(word -> stepWords.add(FoldedText.fold(word)));
        Set<String> connectors = new HashSet<>();
        phrases.phrases("step-connector").forEach(word -> connectors.add(FoldedText.fold(word)));
        return new Snapshot(names, keywords, lower(phrases.phrases("record-prefix")),
                phrases.matcher(List.of("record-request")), Set.copyOf(stepWords), Set.copyOf(connectors), Map.copyOf(numbers),
                phrases.matcher(periods), phrases.matcher(List.of("overview")), phrases.matcher(List.of("link")));
    }

    private static List<String> lower(List<String> phrases) {
        return phrases.stream().map(p -> p.toLowerCase(FoldedText.SWEDISH)).toList();
    }

    private JsonNode read(String path) {
        ContentSource.ContentFile file = dialogs.file(path);
        if (file == null) {
            throw new IllegalStateException("Missing content file dialogs/" + path);
        }
        try (InputStream in = file.open()) {
            JsonNode node = Mappers.YAML.readTree(in);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException("Content file dialogs/" + path + " is empty or not a mapping");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("Content file dialogs/" + path + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * One keyword of a step.
     *
     * @param step   handbook step 1–5
     * @param stems  stemmed words; more than one for a phrase that must appear in sequence
     * @param words  the same words unstemmed, for matching inside compounds (Snowball cuts "faktor" to "fakt")
     * @param weight score added when the keyword occurs
     */
    record Keyword(int step, List<String> stems, List<String> words, int weight) {
    }

    /** One consistent version of the vocabulary. */
    record Snapshot(Map<Integer, Map<Language, String>> stepNames, Map<Language, List<Keyword>> keywords,
                    List<String> recordPrefixes, PhraseMatcher recordRequests, Set<String> stepWords,
                    Set<String> stepConnectors, Map<String, Integer> numberWords, PhraseMatcher periods, PhraseMatcher overviewWords,
                    PhraseMatcher linkWords) {

        /** Label prefix of the period phrases: {@code period-this-month} names the kind {@code this-month}. */
        static final String PERIOD = "period-";

        String stepName(int step, Language language) {
            return stepNames.getOrDefault(step, Map.of()).getOrDefault(language, "Steg " + step);
        }
    }
}
