package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;

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
        JsonNode root = PhraseFile.read(dialogs, FILE);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("commands").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!INTENTS.contains(e.getKey())) {
                throw new IllegalStateException("Unknown privacy command " + e.getKey() + " in " + FILE);
            }
            commands.put(e.getKey(), PhraseFile.strings(e.getValue()));
        }
        return PhraseFile.matcher(root, commands);
    }
}
