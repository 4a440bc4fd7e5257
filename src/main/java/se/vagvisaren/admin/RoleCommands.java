package se.vagvisaren.admin;

import java.util.ArrayList;
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
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.PhraseFile;
import se.vagvisaren.language.PhraseMatcher;

/**
 * Role commands in chat: "gör @Anna till samordnare", "ta bort @Erik som utbildare", "vilka roller finns
 * här?". Recognised by words from {@code dialogs/commands/roles.yaml}, not by the intent classifier,
 * because a command that changes permissions must never be a guess. Only coordinators may change roles;
 * the acting person is always the message's sender.
 */
@Component
public class RoleCommands {

    private static final Logger log = LoggerFactory.getLogger(RoleCommands.class);
    private static final String FILE = "commands/roles.yaml";
    private static final String GRANT = "grant";
    private static final String REVOKE = "revoke";
    private static final String LIST = "list";
    /** A role command is one short sentence. */
    private static final int MAX_WORDS = 40;
    private static final PhraseMatcher NO_WORDS = PhraseMatcher.compile(Map.of(), Map.of(), List.of());

    /** What a role command asks for. */
    public enum Action { GRANT, REVOKE, LIST }

    /**
     * A recognised command.
     *
     * @param action what to do
     * @param role   the role, or {@code null} for {@link Action#LIST}
     */
    public record Command(Action action, Role role) {
    }

    /**
     * A person named in the message with an @mention.
     *
     * @param userId      Entra object id, or {@code null} when it could not be resolved
     * @param displayName the mention's name, for replies only
     */
    public record MentionedPerson(String userId, String displayName) {
    }

    private final TeamRoles roles;
    private final ReplyTexts texts;
    private final ReloadingContent<PhraseMatcher> vocabulary;

    RoleCommands(TeamRoles roles, ReplyTexts texts, @Qualifier("dialogs") ContentSource dialogs) {
        this.roles = roles;
        this.texts = texts;
        this.vocabulary = ReloadingContent.orElse("dialogs", "dialogs/" + FILE, () -> load(dialogs), NO_WORDS);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        vocabulary.onContentChanged(event);
    }

    /**
     * Recognises a role command in text whose @mentions were removed.
     *
     * @return the command, or empty when the text is something else
     */
    public Optional<Command> parse(String text) {
        PhraseMatcher matcher = vocabulary.get();
        List<PhraseMatcher.Match> found = matcher.find(matcher.read(text, MAX_WORDS));
        if (found.stream().anyMatch(m -> m.label().equals(LIST))) {
            return Optional.of(new Command(Action.LIST, null));
        }
        Role role = null;
        for (Role candidate : Role.values()) {
            // The last role named in the file order wins, as before: "facilitator" over "coordinator".
            if (found.stream().anyMatch(m -> m.label().equals(candidate.name()))) {
                role = candidate;
            }
        }
        if (role == null) {
            return Optional.empty();
        }
        // The verb must open the message: "gör @Anna till samordnare", not "vem gör samordnare…".
        if (found.stream().anyMatch(m -> m.label().equals(REVOKE) && m.firstWord() == 0)) {
            return Optional.of(new Command(Action.REVOKE, role));
        }
        if (found.stream().anyMatch(m -> m.label().equals(GRANT) && m.firstWord() == 0)) {
            return Optional.of(new Command(Action.GRANT, role));
        }
        return Optional.empty();
    }

    /** Carries out a command for the sender of {@code message}; returns the reply to show. */
    public List<Reply> execute(Command command, IncomingMessage message, List<MentionedPerson> people) {
        Language lang = message.language();
        if (!message.scope().isShared()) {
            return List.of(Reply.text(texts.get(lang, "admin.roles.only-in-team")));
        }
        String workspace = message.workspaceId();
        if (command.action() == Action.LIST) {
            return List.of(Reply.text(list(workspace, lang)));
        }
        if (!roles.has(workspace, message.sender().id(), Role.COORDINATOR)) {
            log.info("Role change refused for a non-coordinator in workspace {}", workspace);
            return List.of(Reply.text(texts.get(lang, "admin.roles.not-allowed")));
        }
        if (people.isEmpty()) {
            return List.of(Reply.text(texts.get(lang, "admin.roles.nobody-mentioned")));
        }
        String roleName = texts.get(lang, "admin.roles.name." + command.role().name());
        List<Reply> replies = new ArrayList<>();
        for (MentionedPerson person : people) {
            String name = se.vagvisaren.conversation.TeamsText.escape(person.displayName());
            if (person.userId() == null) {
                replies.add(Reply.text(texts.get(lang, "admin.roles.unknown-person", "name", name)));
            } else if (command.action() == Action.GRANT) {
                roles.grant(workspace, person.userId(), command.role(), message.sender().id());
                replies.add(Reply.text(texts.get(lang, "admin.roles.granted", "name", name, "role", roleName)));
            } else {
                boolean held = roles.revoke(workspace, person.userId(), command.role());
                replies.add(Reply.text(texts.get(lang, held ? "admin.roles.revoked" : "admin.roles.not-held",
                        "name", name, "role", roleName)));
            }
        }
        return replies;
    }

    private String list(String workspace, Language lang) {
        List<TeamRoles.RoleAssignment> assignments = roles.list(workspace);
        if (assignments.isEmpty()) {
            return texts.get(lang, "admin.roles.list-empty");
        }
        StringBuilder out = new StringBuilder(texts.get(lang, "admin.roles.list-header"));
        for (Role role : List.of(Role.COORDINATOR, Role.FACILITATOR)) {
            long count = assignments.stream().filter(a -> a.role() == role).count();
            if (count > 0) {
                out.append("\n").append(texts.get(lang, "admin.roles.list-line",
                        "role", texts.get(lang, "admin.roles.name." + role.name()), "count", count));
            }
        }
        return out.toString();
    }

    /**
     * The command words; none (role commands off) when the file is missing. Throws when it is not valid YAML
     * or names an unknown role: at start-up role commands are then off, after an edit the previous words stay.
     */
    private static PhraseMatcher load(ContentSource dialogs) {
        if (dialogs.file(FILE) == null) {
            log.error("dialogs/commands/roles.yaml is missing: role commands are off");
            return NO_WORDS;
        }
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        for (String label : file.labels()) {
            if (!List.of(GRANT, REVOKE, LIST).contains(label)) {
                try {
                    Role.valueOf(label);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(FILE + ": '" + label + "' is no role (COORDINATOR, FACILITATOR) "
                            + "and not grant, revoke or list", e);
                }
            }
        }
        return file.matcher();
    }
}
