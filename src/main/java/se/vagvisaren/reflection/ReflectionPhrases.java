package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The chat commands around exercises ("avsluta övningen", "radera mina svar", "endast utbildare får
 * starta övningar"), read as data from {@code dialogs/commands/reflection.yaml} (Swedish and English),
 * compared as {@link WordForms} so inflections and missing å/ä/ö still match.
 */
@Component
class ReflectionPhrases {

    private static final Logger log = LoggerFactory.getLogger(ReflectionPhrases.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
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

    private final ReloadingContent<Map<Command, List<List<String>>>> phrases;

    ReflectionPhrases(@Qualifier("dialogs") ContentSource dialogs) {
        this.phrases = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), noPhrases());
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        phrases.onContentChanged(event);
    }

    /**
     * The phrases by command; empty lists when the file is missing (then only buttons work). Throws when it is
     * not valid YAML: at start-up only buttons work then, after an edit the previous phrases stay.
     */
    private static Map<Command, List<List<String>>> load(ContentSource dialogs) {
        Map<Command, List<List<String>>> loaded = noPhrases();
        ContentSource.ContentFile file = dialogs.file(FILE);
        if (file == null) {
            log.warn("No {}: reflection commands only work from card buttons", FILE);
        } else {
            try (InputStream in = file.open()) {
                JsonNode root = YAML.readTree(in);
                for (Command command : Command.values()) {
                    for (JsonNode phrase : root == null ? YAML.createArrayNode() : root.path(command.key)) {
                        List<String> forms = WordForms.of(phrase.asText(""));
                        if (!forms.isEmpty()) {
                            loaded.get(command).add(forms);
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(file.name() + ": " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    private static Map<Command, List<List<String>>> noPhrases() {
        Map<Command, List<List<String>>> none = new EnumMap<>(Command.class);
        for (Command command : Command.values()) {
            none.put(command, new ArrayList<>());
        }
        return none;
    }

    /** The first command (in {@link Command} order, {@code NAMED} excluded) the text contains. */
    Optional<Command> command(String text) {
        List<String> words = WordForms.of(text);
        for (Command command : Command.values()) {
            if (command != Command.NAMED && has(words, command)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Whether the text asks for named answers ("med namn", "not anonymous"). */
    boolean asksForNamed(String text) {
        return has(WordForms.of(text), Command.NAMED);
    }

    private boolean has(List<String> words, Command command) {
        for (List<String> phrase : phrases.get().getOrDefault(command, List.of())) {
            if (WordForms.contains(words, phrase)) {
                return true;
            }
        }
        return false;
    }
}
