package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;
import se.vagvisaren.conversation.UserWorkspaces;
import se.vagvisaren.conversation.UserWorkspaces.Workspace;

/**
 * Progress from a 1:1 chat, which belongs to no team (issue 20: no dead ends). "visa framsteg" lists the
 * updates of each of the person's teams; an update written here is saved for their team when they have
 * exactly one, and otherwise kept on a card with one button per team, so the text is never lost. With no
 * known team the text is shown back with the way to the channel.
 */
@Component
class PersonalProgress {

    /** More teams than this on one card would be a wall of buttons; the most recently used come first. */
    static final int MAX_TEAMS = 6;

    private final UserWorkspaces workspaces;
    private final ProgressRecorder recorder;
    private final OutcomeReplies outcomes;
    private final MunicipalityNames names;
    private final ReplyTexts texts;
    private final CardTemplates templates;

    PersonalProgress(UserWorkspaces workspaces, ProgressRecorder recorder, OutcomeReplies outcomes,
                     MunicipalityNames names, ReplyTexts texts, CardTemplates templates) {
        this.templates = templates;
        this.workspaces = workspaces;
        this.recorder = recorder;
        this.outcomes = outcomes;
        this.names = names;
        this.texts = texts;
    }

    /** One list per team of the sender, made by {@code listForTeam}; the channel hint when they have none. */
    List<Reply> list(IncomingMessage message, Function<IncomingMessage, Reply> listForTeam) {
        List<Workspace> teams = teams(message);
        Language lang = message.language();
        if (teams.isEmpty()) {
            return List.of(Reply.text(texts.get(lang, "progress.personal.no-team")));
        }
        List<Reply> replies = new ArrayList<>();
        for (Workspace team : teams) {
            Reply list = listForTeam.apply(UserWorkspaces.inWorkspace(message, team));
            String heading = texts.get(lang, "progress.personal.team-heading", "team", TeamsText.escape(label(team, lang)));
            replies.add(list.card() == null ? Reply.text(heading + " " + list.text())
                    : new Reply(heading, withHeading(list.card(), heading), false));
        }
        return replies;
    }

    /** Saves for the only team, or offers the teams; never drops the text. */
    Reply record(IncomingMessage message, ProgressRecorder.Draft draft) {
        List<Workspace> teams = teams(message);
        Language lang = message.language();
        if (teams.isEmpty()) {
            return Reply.text(texts.get(lang, "progress.personal.keep-text", "text", TeamsText.escape(draft.text())));
        }
        if (teams.size() == 1) {
            return recordFor(message, teams.get(0), draft);
        }
        ObjectNode card = templates.fill("progress-choose-team", java.util.Map.of(
                "question", texts.get(lang, "progress.personal.which-team"),
                "draft", TeamsText.shorten(TeamsText.escape(draft.text()), 300)));
        ArrayNode actions = card.withArray("actions");
        for (Workspace team : teams) {
            ObjectNode action = actions.addObject();
            action.put("type", "Action.Submit");
            action.put("title", TeamsText.shorten(label(team, lang), 40));
            ObjectNode data = action.putObject("data");
            data.put("verb", "progress.record");
            data.put("team", team.workspaceId());
            data.put("text", draft.text());
            if (draft.link() != null) {
                data.put("link", draft.link());
            }
        }
        return Reply.card(texts.get(lang, "progress.personal.which-team"), card);
    }

    /** A press on one of the team buttons: saves for that team if the presser really writes there. */
    Optional<Reply> recordForChosen(IncomingMessage message, String workspaceId, ProgressRecorder.Draft draft) {
        return teams(message).stream().filter(t -> t.workspaceId().equals(workspaceId)).findFirst()
                .map(team -> recordFor(message, team, draft));
    }

    private Reply recordFor(IncomingMessage message, Workspace team, ProgressRecorder.Draft draft) {
        Language lang = message.language();
        ProgressRecorder.Outcome outcome = recorder.record(UserWorkspaces.inWorkspace(message, team), draft);
        Reply reply = outcomes.of(outcome, lang, "progress.card.title.recorded");
        if (!(outcome instanceof ProgressRecorder.Outcome.Recorded)) {
            return reply;
        }
        String saved = texts.get(lang, "progress.personal.saved-for", "team", TeamsText.escape(label(team, lang)));
        return new Reply(saved, reply.card() == null ? null : withHeading(reply.card(), saved), false);
    }

    private List<Workspace> teams(IncomingMessage message) {
        List<Workspace> all = workspaces.of(message.conversation().tenantId(), message.sender().id());
        return all.size() > MAX_TEAMS ? all.subList(0, MAX_TEAMS) : all;
    }

    private String label(Workspace team, Language lang) {
        if (team.name() != null && !team.name().isBlank()) {
            return team.name();
        }
        String configured = names.nameOf(team.workspaceId());
        return configured != null ? configured
                : texts.get(lang, "progress.personal.unnamed-team");
    }

    private static com.fasterxml.jackson.databind.JsonNode withHeading(com.fasterxml.jackson.databind.JsonNode card, String heading) {
        ObjectNode copy = card.deepCopy();
        ArrayNode body = copy.withArray("body");
        ObjectNode block = body.insertObject(0);
        block.put("type", "TextBlock").put("text", heading).put("wrap", true).put("weight", "Bolder");
        return copy;
    }
}
