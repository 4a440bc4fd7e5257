package se.vagvisaren.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.TeamsText;

/**
 * Chat entry point: {@code deadline_create} ("påminn styrgruppen om lägesbilden 15 mars kl 10") answers
 * with a form to confirm or correct, never saving straight away; {@code deadline_list} ("vilka deadlines
 * har vi?", or asking for the calendar link); {@code deadline_cancel} ("ta bort påminnelsen om
 * lägesbilden") finds the deadline by its title words and asks before deleting.
 */
@Component
class DeadlineIntents implements IntentHandler {

    private static final Pattern CALENDAR = Pattern.compile("\\b(kalender\\p{L}*|calendar|ics|outlook|ical)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> CANCEL_WORDS = Set.of("ta", "bort", "radera", "avbryt", "stryk", "ställ", "in",
            "påminnelsen", "påminnelse", "påminnelserna", "deadlinen", "deadline", "deadlines", "om", "för", "den", "det",
            "de", "till", "vår", "våra", "er", "snälla", "kan", "du", "jag", "vill", "i", "att", "cancel", "delete",
            "remove", "the", "reminder", "reminders", "about", "for", "our", "please", "want", "to", "can", "you", "my",
            "mig", "me", "min", "mina");

    private final DeadlineService service;
    private final DeadlineReplies replies;
    private final DeadlineSettings settings;
    private final DraftCheck check;
    private final Clock clock;

    DeadlineIntents(DeadlineService service, DeadlineReplies replies, DeadlineSettings settings, DraftCheck check, Clock clock) {
        this.service = service;
        this.replies = replies;
        this.settings = settings;
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Set<String> intents() {
        return Set.of("deadline_create", "deadline_list", "deadline_cancel");
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        return switch (intent.name()) {
            case "deadline_create" -> create(message, intent);
            case "deadline_cancel" -> cancel(message);
            default -> CALENDAR.matcher(message.text()).find() ? List.of(replies.calendar(message)) : List.of(replies.list(message));
        };
    }

    private List<Reply> create(IncomingMessage message, RecognizedIntent intent) {
        Language lang = message.language();
        ZoneId zone = settings.zone(message.workspaceId());
        Instant now = clock.instant();
        DeadlineRequest request = DeadlineRequestReader.read(message.text(), intent.entities(), lang, now.atZone(zone).toLocalDate());
        if (request.invalid() != null) {
            return List.of(Reply.text(replies.text(lang, request.invalid().key(), request.invalid().nameValuePairs())));
        }
        String title = request.title().isEmpty() ? replies.text(lang, "deadlines.defaultTitle") : request.title();
        Deadline.Target target = request.forMe() || !message.scope().isShared() ? Deadline.Target.PERSON : Deadline.Target.CONVERSATION;
        DeadlineDraft draft = new DeadlineDraft(title, null, null, target, settings.leadTimes(message.workspaceId()), request.recurrence());
        if (request.dates().size() > 1) {
            return List.of(whichDate(draft, request.dates(), message));
        }
        if (!request.dates().isEmpty()) {
            DeadlineRequest.When when = request.dates().get(0);
            draft = draft.withDate(when.date(), when.time());
        }
        Optional<DraftCheck.Problem> problem = check.check(draft, zone, now);
        if (problem.isEmpty()) {
            return List.of(replies.form(draft, message, "deadlines.confirm.heading", null, null));
        }
        String text = replies.problem(problem.get(), draft, message);
        if (problem.get() == DraftCheck.Problem.TITLE_TOO_LONG) {
            draft = draft.withTitle(TeamsText.shorten(draft.title(), check.maxTitleChars()));
        }
        return List.of(replies.form(draft, message, "deadlines.confirm.heading", null, text));
    }

    /** Several due times in one message: one button per time, each opening the form with it. */
    private Reply whichDate(DeadlineDraft draft, List<DeadlineRequest.When> dates, IncomingMessage message) {
        Language lang = message.language();
        List<DeadlineCards.Button> buttons = new ArrayList<>();
        ZoneId zone = settings.zone(message.workspaceId());
        for (DeadlineRequest.When when : dates.subList(0, Math.min(5, dates.size()))) {
            Due due = new Due(when.date(), when.time(), zone);
            buttons.add(new DeadlineCards.Button(DeadlineCards.capitalize(replies.when(due, lang)), "deadlines.pick",
                    DeadlineCards.data("title", draft.title(), "date", when.date(), "time", when.time() == null ? "" : when.time(),
                            "target", draft.target() == Deadline.Target.PERSON ? "me" : "conversation",
                            "leads", LeadTime.specs(draft.leadTimes()), "recurrence", draft.recurrence().name().toLowerCase(Locale.ROOT))));
        }
        String text = replies.text(lang, "deadlines.ask.whichDate");
        return Reply.card(text, replies.cards().choice(text, buttons));
    }

    private List<Reply> cancel(IncomingMessage message) {
        Language lang = message.language();
        List<Deadline> visible = service.visibleIn(message, 50);
        if (visible.isEmpty()) {
            return List.of(Reply.text(replies.text(lang, "deadlines.cancel.nothing")));
        }
        List<String> query = words(message.text()).stream().filter(w -> w.length() >= 3 && !CANCEL_WORDS.contains(w)).toList();
        List<Deadline> matches = query.isEmpty() ? visible
                : visible.stream().filter(d -> matches(d.title(), query)).toList();
        if (matches.size() == 1 && !query.isEmpty()) {
            Deadline d = matches.get(0);
            if (!service.mayChange(d, message.sender().id())) {
                return List.of(Reply.text(replies.text(lang, "deadlines.refuse.notAllowed")));
            }
            return List.of(confirmCancel(d, lang));
        }
        List<Deadline> offered = matches.isEmpty() ? visible : matches;
        String text = matches.isEmpty()
                ? replies.text(lang, "deadlines.cancel.noMatch", "words", TeamsText.escape(TeamsText.shorten(String.join(" ", query), 60)))
                        + " " + replies.text(lang, "deadlines.cancel.which")
                : replies.text(lang, query.isEmpty() ? "deadlines.cancel.which" : "deadlines.cancel.choose");
        List<DeadlineCards.Button> buttons = offered.stream().limit(6)
                .map(d -> new DeadlineCards.Button(d.title() + " – " + replies.when(d, lang), "deadlines.cancelConfirmed",
                        DeadlineCards.data("deadlineId", d.id())))
                .toList();
        return List.of(Reply.card(text, replies.cards().choice(text, buttons)));
    }

    Reply confirmCancel(Deadline d, Language lang) {
        String text = replies.text(lang, "deadlines.cancel.confirm", "title", TeamsText.escape(d.title()), "when", replies.when(d, lang));
        return Reply.card(text, replies.cards().choice(text, List.of(
                new DeadlineCards.Button(replies.text(lang, "deadlines.button.cancel"), "deadlines.cancelConfirmed",
                        DeadlineCards.data("deadlineId", d.id())),
                new DeadlineCards.Button(replies.text(lang, "deadlines.button.keep"), "deadlines.keep",
                        DeadlineCards.data("deadlineId", d.id())))));
    }

    /** Every query word matches the start of some title word, or the other way round ("lägesbild" ~ "lägesbilden"). */
    static boolean matches(String title, List<String> query) {
        List<String> titleWords = words(title);
        return query.stream().allMatch(q -> titleWords.stream().anyMatch(t -> sameStem(q, t)));
    }

    private static boolean sameStem(String a, String b) {
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common == Math.min(a.length(), b.length()) || common >= 5;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find() && out.size() < 50) {
            out.add(m.group());
        }
        return out;
    }

    LocalDate today(String workspaceId) {
        return clock.instant().atZone(settings.zone(workspaceId)).toLocalDate();
    }
}
