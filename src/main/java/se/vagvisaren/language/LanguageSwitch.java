package se.vagvisaren.language;

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
 * {@code dialogs/language/switch.yaml} (one label per language code). Fixed phrases, not the intent model:
 * a switch must never be guessed. Matched word by word with small typos ({@link PhraseMatcher}).
 */
@Component
public class LanguageSwitch {

    static final String FILE = "language/switch.yaml";
    /** Longer messages are about something else that happens to mention a language. */
    private static final int MAX_WORDS = 10;
    private static final PhraseMatcher NONE = PhraseMatcher.compile(Map.of(), Map.of(), List.of());

    private final ReloadingContent<PhraseMatcher> phrases;

    LanguageSwitch(@Qualifier("dialogs") ContentSource dialogs) {
        this.phrases = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), NONE);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        phrases.onContentChanged(event);
    }

    /** The language {@code text} asks for, or empty when it asks for none. */
    public Optional<Language> requested(String text) {
        PhraseMatcher.Text words = phrases.get().read(text, MAX_WORDS + 1);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        return phrases.get().find(words).stream().findFirst().map(m -> Language.fromCode(m.label()));
    }

    private static PhraseMatcher load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        for (String label : file.labels()) {
            if (java.util.Arrays.stream(Language.values()).noneMatch(l -> l.code().equals(label))) {
                throw new IllegalStateException(FILE + ": '" + label + "' is no language code (sv, en)");
            }
        }
        return file.matcher();
    }
}
