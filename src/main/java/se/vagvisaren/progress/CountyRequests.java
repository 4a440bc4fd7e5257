package se.vagvisaren.progress;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;

/**
 * County-board requests in chat: the cross-municipality summary and the signed link to
 * {@code /overview}. Both go to the member's 1:1 chat when asked in a shared conversation, since the
 * summary covers other municipalities and the link opens the page for whoever holds it.
 */
@Component
@RequiredArgsConstructor
class CountyRequests {

    private final TeamRoles roles;
    private final OverviewLinks links;
    private final WorkspaceSummaries summaries;
    private final SummaryCards summaryCards;
    private final ProgressPhrases phrases;
    private final ReplyTexts texts;
    private final DateLabels dates;

    /** The summary card, or the signed link when asked for; a refusal for anyone not on the county board. */
    List<Reply> answer(IncomingMessage message) {
        Language lang = message.language();
        String sender = message.sender().id();
        if (!roles.has(message.workspaceId(), sender, Role.COUNTY_BOARD)) {
            return List.of(Reply.text(texts.get(lang, "progress.county.not-allowed")));
        }
        Optional<OverviewLinks.Link> link = links.link(sender);
        if (phrases.asksLink(message.text())) {
            // the link opens the overview for anyone holding it: only ever sent to the member's 1:1 chat
            Reply reply = link.map(l -> Reply.text(texts.get(lang, "progress.county.link",
                            "url", l.uri().toString(), "expires", dates.dayTime(l.expires()))))
                    .orElseGet(() -> Reply.text(texts.get(lang, "progress.county.no-link")));
            return message.scope() == Scope.PERSONAL ? List.of(reply)
                    : List.of(Reply.text(texts.get(lang, "progress.county.sent-privately")), reply.privately());
        }
        String url = message.scope() == Scope.PERSONAL ? link.map(l -> l.uri().toString()).orElse(null) : null;
        Reply summary = summaryCards.county(summaries.all(), lang, url);
        return message.scope() == Scope.PERSONAL ? List.of(summary)
                : List.of(Reply.text(texts.get(lang, "progress.county.sent-privately")), summary.privately());
    }
}
