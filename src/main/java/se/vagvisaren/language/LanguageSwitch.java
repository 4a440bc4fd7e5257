package se.vagvisaren.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * Recognises "svara på engelska", "answer in Swedish", "switch to English"… from
 * {@code dialogs/language/switch.yaml}. Fixed phrases, not the intent model: a switch must never be guessed.
 */
@Component
class LanguageSwitch {

    static final String FILE = "language/switch.yaml";
    /** Longer messages are about something else that happens to mention a language. */
    private static final int MAX_WORDS = 10;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ReloadingContent<Map<Language, List<String>>> phrases;

    LanguageSwitch(@Qualifier("dialogs") ContentSource dialogs) {
        this.phrases = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), Map.of());
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        phrases.onContentChanged(event);
    }

    /** The language {@code text} asks for, or empty when it asks for none. */
    Optional<Language> requested(String text) {
        String normalized = OwnVocabulary.normalize(text);
        if (normalized.isEmpty() || normalized.split(" ").length > MAX_WORDS) {
            return Optional.empty();
        }
        String padded = " " + normalized + " ";
        for (Map.Entry<Language, List<String>> entry : phrases.get().entrySet()) {
            for (String phrase : entry.getValue()) {
                if (padded.contains(" " + phrase + " ")) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static Map<Language, List<String>> load(ContentSource dialogs) {
        JsonNode root;
        try (InputStream in = dialogs.file(FILE).open()) {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dialogs/" + FILE, e);
        }
        Map<Language, List<String>> out = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> list = new ArrayList<>();
            if (root != null) {
                root.path(language.code()).forEach(p -> list.add(OwnVocabulary.normalize(p.asText())));
            }
            out.put(language, List.copyOf(list));
        }
        return out;
    }
}
