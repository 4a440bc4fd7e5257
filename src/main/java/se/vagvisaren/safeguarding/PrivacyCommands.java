package se.vagvisaren.safeguarding;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.language.PhraseFile;
import se.vagvisaren.language.PhraseMatcher;

/**
 * Recognises privacy requests by phrase ({@code dialogs/safeguarding/privacy-commands.yaml}), so the
 * bot can route "radera mina uppgifter", "visa mina uppgifter" and "vad sparar du?" reliably even where
 * the NLU model has no such intents. Tolerates typos and missing å/ä/ö; "radera inte…" is not a request.
 */
@Component
public class PrivacyCommands {

    public static final String ERASE = "privacy_erase";
    public static final String EXPORT = "privacy_export";
    public static final String INFO = "privacy_info";
    static final Set<String> INTENTS = Set.of(ERASE, EXPORT, INFO);
    static final String FILE = "safeguarding/privacy-commands.yaml";

    /** Longer messages are about something else even when they mention a phrase. */
    private static final int MAX_WORDS = 25;

    private final ReloadingContent<PhraseMatcher> matcher;

    PrivacyCommands(@Qualifier("dialogs") ContentSource dialogs) {
        this.matcher = new ReloadingContent<>("dialogs", FILE, () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        matcher.onContentChanged(event);
    }

    /**
     * The privacy intent a message asks for.
     *
     * @param text the message text, mention removed; may be {@code null}
     * @return {@code privacy_erase}, {@code privacy_export} or {@code privacy_info}; empty when the
     *         text is not a privacy request or is longer than 25 words
     */
    public Optional<String> privacyCommand(String text) {
        List<String> words = PhraseMatcher.words(text, MAX_WORDS + 1);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        return matcher.get().find(words).stream().map(PhraseMatcher.Match::label).findFirst();
    }

    private static PhraseMatcher load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        for (String label : file.labels()) {
            if (!INTENTS.contains(label)) {
                throw new IllegalStateException("Unknown privacy command " + label + " in " + FILE);
            }
        }
        return file.matcher();
    }
}
