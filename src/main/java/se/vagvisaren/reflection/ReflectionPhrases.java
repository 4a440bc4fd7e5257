package se.vagvisaren.reflection;

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
 * The chat commands around exercises ("avsluta övningen", "radera mina svar", "endast utbildare får
 * starta övningar"), read as data from {@code dialogs/commands/reflection.yaml} (Swedish and English, one
 * label per command), matched by the language layer's {@link PhraseMatcher} with Swedish stems, so
 * inflections, small typos and missing å/ä/ö still match.
 */
@Component
class ReflectionPhrases {

    /** Only the first words matter for commands; bounds the work for a 28,000-character message. */
    private static final int MAX_WORDS = 200;
    private static final PhraseMatcher NO_PHRASES = PhraseMatcher.compile(java.util.Map.of(), java.util.Map.of(), List.of());
    static final String FILE = "commands/reflection.yaml";

    /** What a message asks for besides launching; checked in this order. */
    enum Command {
        DELETE_MINE("delete-mine"),
        CANCEL_SCHEDULE("cancel-schedule"),
        LAUNCH_FACILITATORS_ONLY("launch-facilitators"),
        LAUNCH_EVERYONE("launch-everyone"),
        SETTINGS("settings"),
        /** Closes the open exercise like CLOSE; with none open, shows the latest results again. */
        SHOW_RESULTS("show-results"),
        CLOSE("close"),
        /** Not a command of its own: asks for named (non-anonymous) answers when launching. */
        NAMED("named");

        final String key;

        Command(String key) {
            this.key = key;
        }
    }

    private final ReloadingContent<PhraseMatcher> phrases;

    ReflectionPhrases(@Qualifier("dialogs") ContentSource dialogs) {
        this.phrases = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), NO_PHRASES);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        phrases.onContentChanged(event);
    }

    /**
     * The phrases of every command, in {@link Command} order. Throws when the file is missing or has problems:
     * at start-up only buttons work then, after an edit the previous phrases stay.
     */
    private static PhraseMatcher load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        for (String label : file.labels()) {
            if (java.util.Arrays.stream(Command.values()).noneMatch(c -> c.key.equals(label))) {
                throw new IllegalStateException(FILE + ": unknown reflection command '" + label + "'");
            }
        }
        return file.matcher(java.util.Arrays.stream(Command.values()).map(c -> c.key).toList());
    }

    /** The first command (in {@link Command} order, {@code NAMED} excluded) the text contains. */
    Optional<Command> command(String text) {
        Set<String> found = phrases.get().labels(text, MAX_WORDS);
        for (Command command : Command.values()) {
            if (command != Command.NAMED && found.contains(command.key)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Whether the text asks for named answers ("med namn", "not anonymous"). */
    boolean asksForNamed(String text) {
        return phrases.get().labels(text, MAX_WORDS).contains(Command.NAMED.key);
    }
}
