package se.vagvisaren.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The bot's own command words from {@code dialogs/commands/own-words.yaml}: what the Teams menu sends and
 * what its cards suggest. A message must BE one of them (case, punctuation, emoji and å/ä/ö typed as a/o
 * aside), matched exactly ({@code match: exact}: a typo of one command is often another), so the menu never
 * depends on what the intent model guesses for a single word. Labels are {@code <lang>/<intent>} and
 * {@code <lang>/ask-prefix}.
 */
@Component
public class OwnVocabulary {

    /** The pseudo-intent of a bare "fråga"/"ask": the person is asked what their question is. */
    public static final String ASK = "ask";
    static final String FILE = "commands/own-words.yaml";
    private static final String ASK_PREFIX = "ask-prefix";
    /** Own words are short; a longer message is never one (an ask prefix is followed by the question). */
    private static final int MAX_WORDS = 400;

    /**
     * A message that is one of the bot's own words.
     *
     * @param intent   the intent that answers it, or {@link #ASK}
     * @param text     the text the handler should read: the question after an ask prefix, else the message
     * @param language the language the word belongs to, or {@code null} when both languages use it ("deadlines")
     */
    public record OwnWord(String intent, String text, Language language) {
    }

    private record Words(PhraseMatcher commands, PhraseMatcher askPrefixes, Map<String, Map<Language, String>> byPhrase) {
        static final Words EMPTY = new Words(PhraseMatcher.compileExact(Map.of(), Map.of(), List.of()),
                PhraseMatcher.compileExact(Map.of(), Map.of(), List.of()), Map.of());
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
        Words current = words.get();
        PhraseMatcher.Text read = current.commands().read(text, MAX_WORDS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String intent = null;
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (PhraseMatcher.Match match : current.commands().find(read)) {
            if (match.firstWord() == 0 && match.endWord() == read.size()) {
                intent = intent == null ? intentOf(match.label()) : intent;
                languages.add(languageOf(match.label()));
            }
        }
        if (intent != null) {
            return Optional.of(new OwnWord(intent, text, languages.size() == 1 ? languages.iterator().next() : null));
        }
        PhraseMatcher.Match longest = null;
        for (PhraseMatcher.Match match : current.askPrefixes().find(read)) {
            boolean opens = match.firstWord() == 0 && match.endWord() < read.size();
            if (opens && (longest == null || match.endWord() > longest.endWord())) {
                // longest first, so "fråga handboken vad…" drops both words
                longest = match;
            }
        }
        if (longest != null) {
            return Optional.of(new OwnWord("handbook_question", afterWords(text, longest.endWord()),
                    languageOf(longest.label())));
        }
        return Optional.empty();
    }

    /** Every command word (lower-case words) with its meaning per language, for checks that the menu and the cards are covered. */
    public Map<String, Map<Language, String>> commands() {
        return words.get().byPhrase();
    }

    /** The original text after its first {@code count} words (and a colon after them). */
    private static String afterWords(String text, int count) {
        String rest = text.strip();
        for (int i = 0; i < count; i++) {
            rest = rest.replaceFirst("^[^\\s:]+\\s*:?\\s*", "");
        }
        return rest.strip();
    }

    private static String intentOf(String label) {
        return label.substring(label.indexOf('/') + 1);
    }

    private static Language languageOf(String label) {
        return Language.fromCode(label.substring(0, label.indexOf('/')));
    }

    private static Words load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        List<String> commandLabels = new ArrayList<>();
        List<String> prefixLabels = new ArrayList<>();
        Map<String, Map<Language, String>> byPhrase = new HashMap<>();
        for (String label : file.labels()) {
            int slash = label.indexOf('/');
            String code = slash < 0 ? "" : label.substring(0, slash);
            if (Arrays.stream(Language.values()).noneMatch(l -> l.code().equals(code)) || slash == label.length() - 1) {
                throw new IllegalStateException(FILE + ": label '" + label + "' is not <language>/<intent> (sv/help)");
            }
            if (intentOf(label).equals(ASK_PREFIX)) {
                prefixLabels.add(label);
            } else {
                commandLabels.add(label);
                for (String phrase : file.phrases(label)) {
                    byPhrase.computeIfAbsent(String.join(" ", Tokens.words(phrase)), k -> new EnumMap<>(Language.class))
                            .put(languageOf(label), intentOf(label));
                }
            }
        }
        return new Words(file.matcher(commandLabels), file.matcher(prefixLabels), Map.copyOf(byPhrase));
    }
}
