package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.language.FoldedText;

/**
 * The word lists of the personal-data guard: {@code dialogs/safeguarding/personal-data.yaml} and
 * {@code first-names.txt}. All words are kept folded and lower-cased (see {@link FoldedText}).
 * A broken file on hot reload keeps the previous lists.
 */
@Component
class GuardVocabulary {

    static final String WORDS_FILE = "safeguarding/personal-data.yaml";
    static final String NAMES_FILE = "safeguarding/first-names.txt";


    /** The loaded lists; see personal-data.yaml for what each one means. */
    record Lists(Set<String> allowedNumbers, WordSet violence, WordSet weakViolence, Set<String> support,
            Set<String> notNames, Set<String> names, Set<String> capitalisedOnlyNames,
            Set<String> placePrepositions, Set<String> placeSuffixes, Set<String> referenceWords,
            Set<String> identityWords) {
    }

    /** Words, some of them prefixes ({@code misshandl*}). */
    record WordSet(Set<String> words, List<String> prefixes) {
        boolean contains(String foldedLowerWord) {
            if (words.contains(foldedLowerWord)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (foldedLowerWord.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ReloadingContent<Lists> lists;

    GuardVocabulary(@Qualifier("dialogs") ContentSource dialogs) {
        this.lists = new ReloadingContent<>("dialogs", "personal-data vocabulary", () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        lists.onContentChanged(event);
    }

    Lists lists() {
        return lists.get();
    }

    /** Folds and lower-cases one word the way the guard compares words. */
    static String key(String word) {
        return FoldedText.fold(word.trim());
    }

    private static Lists load(ContentSource dialogs) {
        ContentSource.ContentFile words = dialogs.file(WORDS_FILE);
        ContentSource.ContentFile names = dialogs.file(NAMES_FILE);
        if (words == null || names == null) {
            throw new IllegalStateException("Missing " + WORDS_FILE + " or " + NAMES_FILE + " in " + dialogs.describe());
        }
        JsonNode root;
        try (InputStream in = words.open()) {
            root = Mappers.YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + WORDS_FILE + ": " + e.getMessage(), e);
        }
        Set<String> allowed = new HashSet<>();
        root.path("allowed_numbers").forEach(n -> allowed.add(n.asText().replaceAll("\\D", "")));
        Set<String> plainNames = new HashSet<>();
        Set<String> capitalisedOnly = new HashSet<>();
        for (String line : names.readString().split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (name.startsWith("~")) {
                capitalisedOnly.add(key(name.substring(1)));
            } else {
                plainNames.add(key(name));
            }
        }
        return new Lists(Set.copyOf(allowed), wordSet(root.path("violence_words")),
                wordSet(root.path("weak_violence_words")), keys(root.path("support_words")),
                keys(root.path("not_names")), Set.copyOf(plainNames), Set.copyOf(capitalisedOnly),
                keys(root.path("place_prepositions")), keys(root.path("place_suffixes")),
                keys(root.path("reference_words")), keys(root.path("identity_words")));
    }

    private static Set<String> keys(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(key(n.asText())));
        return Set.copyOf(out);
    }

    private static WordSet wordSet(JsonNode array) {
        Set<String> words = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        array.forEach(n -> {
            String raw = n.asText().trim();
            if (raw.endsWith("*")) {
                prefixes.add(key(raw.substring(0, raw.length() - 1)));
            } else {
                words.add(key(raw));
            }
        });
        return new WordSet(Set.copyOf(words), List.copyOf(prefixes));
    }
}
