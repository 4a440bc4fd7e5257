package se.vagvisaren.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The bot's own command words from {@code dialogs/commands/own-words.yaml}: what the Teams menu sends and
 * what its cards suggest. They are matched exactly (after case, punctuation and emoji are dropped), so the
 * menu never depends on what the intent model guesses for a single word.
 */
@Component
public class OwnVocabulary {

    /** The pseudo-intent of a bare "fråga"/"ask": the person is asked what their question is. */
    public static final String ASK = "ask";
    static final String FILE = "commands/own-words.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A message that is one of the bot's own words.
     *
     * @param intent   the intent that answers it, or {@link #ASK}
     * @param text     the text the handler should read: the question after an ask prefix, else the message
     * @param language the language the word belongs to, or {@code null} when both languages use it ("deadlines")
     */
    public record OwnWord(String intent, String text, Language language) {
    }

    private record Words(Map<String, Map<Language, String>> commands, Map<Language, List<String>> askPrefixes) {
        static final Words EMPTY = new Words(Map.of(), Map.of());
    }

    private final ReloadingContent<Words> words;

    OwnVocabulary(@Qualifier("dialogs") ContentSource dialogs) {
        this.words = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), Words.EMPTY);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        words.onContentChanged(event);
    }

    /**
     * Recognises a message that is one of the bot's own words, or starts with an ask prefix followed by
     * a question.
     *
     * @param text the message with the @mention removed
     * @return empty when the message is anything else
     */
    public Optional<OwnWord> match(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Words current = words.get();
        Map<Language, String> meanings = current.commands().get(normalized);
        if (meanings != null) {
            Language only = meanings.size() == 1 ? meanings.keySet().iterator().next() : null;
            return Optional.of(new OwnWord(meanings.values().iterator().next(), text, only));
        }
        for (Map.Entry<Language, List<String>> prefixes : current.askPrefixes().entrySet()) {
            for (String prefix : prefixes.getValue()) {
                if (normalized.startsWith(prefix + " ")) {
                    return Optional.of(new OwnWord("handbook_question", afterWords(text, prefix.split(" ").length),
                            prefixes.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /** Every command word with its language, for checks that the menu and the cards are covered. */
    public Map<String, Map<Language, String>> commands() {
        return words.get().commands();
    }

    /** Lower case, words only: "Hjälp!" and "deadlines 👍" become "hjälp" and "deadlines". */
    static String normalize(String text) {
        return NOT_WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The original text after its first {@code count} words (and a colon after them). */
    private static String afterWords(String text, int count) {
        String rest = text.strip();
        for (int i = 0; i < count; i++) {
            rest = rest.replaceFirst("^[^\\s:]+\\s*:?\\s*", "");
        }
        return rest.strip();
    }

    private static Words load(ContentSource dialogs) {
        JsonNode root;
        try (InputStream in = dialogs.file(FILE).open()) {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dialogs/" + FILE, e);
        }
        Map<String, Map<Language, String>> commands = new HashMap<>();
        Map<Language, List<String>> prefixes = new HashMap<>();
        for (Language language : Language.values()) {
            JsonNode section = root == null ? null : root.get(language.code());
            if (section == null) {
                continue;
            }
            section.path("commands").fields().forEachRemaining(e -> commands
                    .computeIfAbsent(normalize(e.getKey()), k -> new HashMap<>())
                    .put(language, e.getValue().asText()));
            List<String> list = new ArrayList<>();
            section.path("ask-prefixes").forEach(p -> list.add(normalize(p.asText())));
            // longest first, so "fråga handboken vad…" drops both words
            list.sort((a, b) -> b.length() - a.length());
            prefixes.put(language, List.copyOf(list));
        }
        return new Words(Map.copyOf(commands), Map.copyOf(prefixes));
    }
}
