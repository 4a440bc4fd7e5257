package se.vagvisaren.deadlines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/** The replies shared by the chat handler and the card handler: forms, lists and outcome texts. */
@Component
class DeadlineReplies {

    private final DeadlineService service;
    private final DeadlineCards cards;
    private final ReplyTexts texts;
    private final DueWords words;
    private final NudgeStore nudges;
    private final DeadlineSettings settings;
    private final DeadlineStore deadlines;
    private final CalendarLinks links;
    private final DeadlineProperties properties;
    private final Clock clock;
    private final ReminderPolicy policy;

    DeadlineReplies(DeadlineService service, DeadlineCards cards, ReplyTexts texts, DueWords words, NudgeStore nudges,
                    DeadlineSettings settings, DeadlineStore deadlines, CalendarLinks links,
                    DeadlineProperties properties, Clock clock, ReminderPolicy policy) {
        this.policy = policy;
        this.service = service;
        this.cards = cards;
        this.texts = texts;
        this.words = words;
        this.nudges = nudges;
        this.settings = settings;
        this.deadlines = deadlines;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** The correctable form, with an optional text above it (a question or what is wrong). */
    Reply form(DeadlineDraft draft, IncomingMessage message, String headingKey, Deadline editing, String text) {
        LocalDate today = clock.instant().atZone(settings.zone(message.workspaceId())).toLocalDate();
        String token = editing == null ? UUID.randomUUID().toString() : null;
        ObjectNode card = cards.confirm(draft, message.scope(), message.language(), headingKey, editing, token, today);
        return text == null ? Reply.card(texts.get(message.language(), headingKey), card) : Reply.card(text, card);
    }

    /** An empty "new deadline" form with the team's lead times. */
    Reply newForm(IncomingMessage message) {
        DeadlineDraft empty = new DeadlineDraft("", null, null, Deadline.Target.CONVERSATION,
                settings.leadTimes(message.workspaceId()), Recurrence.NONE);
        return form(empty, message, "deadlines.confirm.headingNew", null, null);
    }

    /** The form for editing a stored deadline. */
    Reply editForm(Deadline d, IncomingMessage message) {
        DeadlineDraft draft = new DeadlineDraft(d.title(), d.due().date(), d.due().time(), d.target(), d.leadTimes(), d.recurrence());
        return form(draft, message, "deadlines.confirm.headingEdit", d, null);
    }

    /** What the bot says about a draft it cannot save yet. */
    String problem(DraftCheck.Problem problem, DeadlineDraft draft, IncomingMessage message) {
        Language lang = message.language();
        return switch (problem) {
            case MISSING_DATE -> texts.get(lang, "deadlines.ask.when", "title", TeamsText.escape(draft.title()));
            case PAST -> DeadlineCards.capitalize(texts.get(lang, "deadlines.invalid.past", "when",
                    words.when(new Due(draft.date(), draft.time(), settings.zone(message.workspaceId())), lang, clock.instant())));
            case TOO_FAR -> texts.get(lang, "deadlines.invalid.tooFar", "years", properties.maxYearsAhead());
            case TITLE_TOO_LONG -> texts.get(lang, "deadlines.invalid.titleTooLong",
                    "length", draft.title().codePointCount(0, draft.title().length()), "max", properties.maxTitleChars());
        };
    }

    /** "Klart! Jag påminner kanalen om ..." with the first reminder. */
    String created(Deadline d, Language lang) {
        Instant now = clock.instant();
        String target = texts.get(lang, d.personal() ? "deadlines.targetWords.me"
                : d.scope() == se.vagvisaren.conversation.Scope.CHANNEL ? "deadlines.targetWords.channel" : "deadlines.targetWords.chat");
        String text = texts.get(lang, "deadlines.saved.created", "target", target, "title", TeamsText.escape(d.title()),
                "when", words.when(d.due(), lang, now));
        String next = nudges.next(d.id())
                .map(at -> texts.get(lang, "deadlines.saved.nextReminder", "next", words.moment(at, d.due().zone(), lang, now)))
                .orElse(texts.get(lang, "deadlines.saved.noReminder"));
        return text + " " + next + adjustments(d, lang, now);
    }

    /**
     * " Påminnelsen 1 dag före flyttas…" for each reminder the weekend, holiday or office-hours rules moved or
     * dropped; empty when every reminder comes when its lead time says (issue 20: nothing moves silently).
     */
    String adjustments(Deadline d, Language lang) {
        return adjustments(d, lang, clock.instant());
    }

    private String adjustments(Deadline d, Language lang, Instant now) {
        StringBuilder out = new StringBuilder();
        for (ReminderPolicy.Adjustment a : policy.adjustments(d.due(), d.leadTimes(), now)) {
            String lead = cards.leadLabel(a.lead(), lang);
            String asked = words.moment(a.asked(), d.due().zone(), lang, now);
            out.append(' ').append(a.dropped()
                    ? texts.get(lang, "deadlines.saved.reminderDropped", "lead", lead, "asked", asked)
                    : texts.get(lang, "deadlines.saved.reminderMoved", "lead", lead, "asked", asked,
                            "planned", words.moment(a.planned(), d.due().zone(), lang, now)));
        }
        return out.toString();
    }

    String when(Deadline d, Language lang) {
        return words.when(d.due(), lang, clock.instant());
    }

    String when(Due due, Language lang) {
        return words.when(due, lang, clock.instant());
    }

    String text(Language lang, String key, Object... args) {
        return texts.get(lang, key, args);
    }

    /** The deadlines visible in the conversation, with buttons, or a hint when there are none. */
    Reply list(IncomingMessage message) {
        Language lang = message.language();
        int limit = properties.maxListed();
        List<Deadline> visible = service.visibleIn(message, limit + 1);
        if (visible.isEmpty()) {
            ObjectNode card = cards.list(texts.get(lang, "deadlines.list.empty"), List.of(), Map.of(), 0, lang, clock.instant());
            return Reply.card(texts.get(lang, "deadlines.list.empty"), card);
        }
        int more = visible.size() > limit ? deadlines.countOpenShared(message.workspaceId()) - limit : 0;
        List<Deadline> shown = visible.size() > limit ? visible.subList(0, limit) : visible;
        Map<Long, Instant> next = new HashMap<>();
        shown.forEach(d -> nudges.next(d.id()).ifPresent(at -> next.put(d.id(), at)));
        String heading = texts.get(lang, message.scope().isShared() ? "deadlines.list.heading" : "deadlines.list.headingPersonal");
        return Reply.card(heading, cards.list(heading, shown, next, Math.max(0, more), lang, clock.instant()));
    }

    /** The signed calendar link of the message's workspace. */
    Reply calendar(IncomingMessage message) {
        return Reply.text(texts.get(message.language(), "deadlines.calendar.link", "url", links.url(message.workspaceId())));
    }

    DeadlineCards cards() {
        return cards;
    }
}
