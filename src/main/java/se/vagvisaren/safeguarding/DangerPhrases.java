package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The curated danger phrases of {@code dialogs/safeguarding/danger-phrases.yaml}, grouped in families
 * (violence, fear, a child harmed, self-harm, someone using violence, "help now"). A broken file at
 * start-up stops the application: a bot that cannot recognise a disclosure must not run. A broken
 * file on hot reload keeps the previous phrases.
 */
@Component
class DangerPhrases {

    static final String FILE = "safeguarding/danger-phrases.yaml";
    static final String GENERAL = "general";

    /** Longest message (in words) that is searched; Teams caps messages far below this. */
    private static final int MAX_WORDS = 20_000;

    /**
     * One family of danger phrases and what to answer it with.
     *
     * @param id        e.g. {@code violence}
     * @param numbers   keys of {@code crisis.numbers.*} reply texts, most relevant first
     * @param childHint whether staff get the hint about children and socialtjänsten
     */
    record Family(String id, List<String> numbers, boolean childHint) {
    }

    private record Loaded(PhraseMatcher matcher, Map<String, Family> families) {
    }

    private final ReloadingContent<Loaded> loaded;

    DangerPhrases(@Qualifier("dialogs") ContentSource dialogs) {
        this.loaded = new ReloadingContent<>("dialogs", FILE, () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        loaded.onContentChanged(event);
    }

    /** The families whose phrases occur in {@code text}, in file order; empty when none does. */
    List<Family> familiesIn(String text) {
        Loaded current = loaded.get();
        Set<String> ids = new LinkedHashSet<>();
        for (PhraseMatcher.Match match : current.matcher().find(PhraseMatcher.words(text, MAX_WORDS))) {
            ids.add(match.label());
        }
        List<Family> found = new ArrayList<>();
        for (Family family : current.families().values()) {
            if (ids.contains(family.id())) {
                found.add(family);
            }
        }
        return found;
    }

    /** The family used when the NLU says {@code urgent_help} but no phrase matched. */
    Family general() {
        Family general = loaded.get().families().get(GENERAL);
        return general != null ? general : new Family(GENERAL, List.of(), true);
    }

    private static Loaded load(ContentSource dialogs) {
        JsonNode root = PhraseFile.read(dialogs, FILE);
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Map<String, Family> families = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("families").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode node = e.getValue();
            families.put(e.getKey(), new Family(e.getKey(), PhraseFile.strings(node.path("numbers")),
                    node.path("child_hint").asBoolean(false)));
            phrases.put(e.getKey(), PhraseFile.strings(node.path("phrases")));
        }
        if (phrases.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalStateException(FILE + " has no phrases");
        }
        return new Loaded(PhraseFile.matcher(root, phrases), families);
    }
}
