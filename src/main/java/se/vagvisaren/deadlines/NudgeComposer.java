package se.vagvisaren.deadlines;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/** Writes the proactive messages about deadlines, in the language the deadline was created in. */
@Component
@RequiredArgsConstructor
class NudgeComposer {

    private final ReplyTexts texts;
    private final DueWords words;
    private final DeadlineCards cards;

    /** A lead, due, follow-up or snooze nudge, as a card with "Klar" and "Skjut upp". */
    Reply nudge(Deadline deadline, Nudge nudge, Instant now) {
        Language lang = deadline.language();
        String title = TeamsText.escape(deadline.title());
        String when = words.when(deadline.due(), lang, now);
        String text = switch (nudge.kind()) {
            case LEAD -> texts.get(lang, "deadlines.nudge.lead", "title", title,
                    "relative", words.relative(deadline.due(), now, lang), "when", when);
            case DUE -> texts.get(lang, "deadlines.nudge.due", "title", title, "when", when);
            case FOLLOW_UP -> texts.get(lang, "deadlines.nudge.followUp", "title", title, "when", when);
            case SNOOZE, ESCALATION -> texts.get(lang, "deadlines.nudge.snooze", "title", title, "when", when);
        };
        return Reply.card(text, cards.nudge(text, deadline, nudge.occurrence(), lang));
    }

    /** To a coordinator in their 1:1 chat, or (when none could be reached) to the team's conversation. */
    Reply escalation(Deadline deadline, boolean toChannel, Instant now) {
        Language lang = deadline.language();
        String text = texts.get(lang, toChannel ? "deadlines.nudge.escalationChannel" : "deadlines.nudge.escalation",
                "title", TeamsText.escape(deadline.title()), "when", words.when(deadline.due(), lang, now));
        return Reply.card(text, cards.nudge(text, deadline, deadline.due().date(), lang));
    }

    /** Tells the creator and coordinators that reminders to a conversation stopped. */
    Reply unreachable(List<Deadline> deadlines, Language lang) {
        String titles = deadlines.stream().map(d -> "**" + TeamsText.escape(d.title()) + "**")
                .collect(Collectors.joining(", "));
        return Reply.text(texts.get(lang, "deadlines.nudge.unreachable", "titles", titles));
    }

    Reply failed(Deadline deadline) {
        return Reply.text(texts.get(deadline.language(), "deadlines.nudge.failed", "title", TeamsText.escape(deadline.title())));
    }
}
