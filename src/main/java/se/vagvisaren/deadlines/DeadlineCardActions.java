package se.vagvisaren.deadlines;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.TeamsText;

/**
 * Presses on deadline cards ({@code deadlines.*}). Ids in card data are only hints: every action loads
 * the deadline and checks that the presser may see and change it.
 */
@Component
@RequiredArgsConstructor
class DeadlineCardActions implements CardActionHandler {

    private final DeadlineService service;
    private final DeadlineReplies replies;
    private final DeadlineIntents intents;
    private final DeadlineSettings settings;

    @Override
    public String feature() {
        return "deadlines";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        IncomingMessage message = action.message();
        JsonNode data = action.data();
        return switch (action.verb()) {
            case "deadlines.new" -> CardActionResult.replies(replies.newForm(message));
            case "deadlines.list" -> CardActionResult.replies(replies.list(message));
            case "deadlines.calendar" -> CardActionResult.replies(replies.calendar(message));
            case "deadlines.pick" -> pick(data, message);
            case "deadlines.save" -> save(data, message);
            case "deadlines.discard" -> CardActionResult.updateCard(
                    replies.cards().summary(replies.text(message.language(), "deadlines.saved.discarded"), null, message.language()), null);
            case "deadlines.done", "deadlines.snooze", "deadlines.edit", "deadlines.cancel", "deadlines.cancelConfirmed",
                    "deadlines.keep" -> onDeadline(action.verb(), data, message);
            default -> CardActionResult.unknown();
        };
    }

    private CardActionResult pick(JsonNode data, IncomingMessage message) {
        Optional<DeadlineDraft> draft = draft(data, message);
        if (draft.isEmpty()) {
            return refused(message.language(), "deadlines.invalid.date");
        }
        return CardActionResult.updateCard(replies.form(draft.get(), message, "deadlines.confirm.heading", null, null).card(), null);
    }

    private CardActionResult save(JsonNode data, IncomingMessage message) {
        Language lang = message.language();
        Optional<DeadlineDraft> read = draft(data, message);
        if (read.isEmpty()) {
            return refused(lang, "deadlines.invalid.date");
        }
        DeadlineDraft draft = read.get();
        if (draft.title().isBlank()) {
            draft = draft.withTitle(replies.text(lang, "deadlines.defaultTitle"));
        }
        String idText = data.path("deadlineId").asText("");
        DeadlineChange change = idText.isBlank()
                ? service.create(draft, message, token(data))
                : service.update(parseId(idText), parseLong(data.path("version").asText(""), -1), draft, message.sender().id());
        return switch (change.kind()) {
            case SAVED -> summary(idText.isBlank() ? replies.created(change.deadline(), lang)
                    : replies.text(lang, "deadlines.saved.updated", "title", TeamsText.escape(change.deadline().title()),
                            "when", replies.when(change.deadline(), lang))
                            + replies.adjustments(change.deadline(), lang), change.deadline(), lang);
            case DUPLICATE -> summary(replies.text(lang, "deadlines.saved.duplicate", "title",
                    TeamsText.escape(change.deadline().title()), "when", replies.when(change.deadline(), lang)), change.deadline(), lang);
            case INVALID -> CardActionResult.refused(replies.problem(change.problem(), draft, message));
            case CONFLICT -> new CardActionResult(List.of(Reply.text(replies.text(lang, "deadlines.refuse.conflict",
                    "title", TeamsText.escape(change.deadline().title())))),
                    replies.editForm(change.deadline(), message).card(), null, CardActionResult.Outcome.REFUSED);
            default -> outcome(change, lang);
        };
    }

    private CardActionResult onDeadline(String verb, JsonNode data, IncomingMessage message) {
        Language lang = message.language();
        Optional<Deadline> found = service.find(parseId(data.path("deadlineId").asText("")));
        if (found.isEmpty() || !service.maySee(found.get(), message)) {
            return refused(lang, "deadlines.refuse.notFound");
        }
        Deadline d = found.get();
        String actor = message.sender().id();
        if (!verb.equals("deadlines.keep") && !service.mayChange(d, actor)) {
            return refused(lang, "deadlines.refuse.notAllowed");
        }
        return switch (verb) {
            case "deadlines.done" -> done(d, data, actor, lang);
            case "deadlines.snooze" -> snooze(d, data, actor, lang);
            case "deadlines.edit" -> d.open() ? CardActionResult.replies(replies.editForm(d, message)) : outcome(DeadlineChange.of(DeadlineChange.Kind.ALREADY_CLOSED, d), lang);
            case "deadlines.cancel" -> d.open() ? CardActionResult.replies(intents.confirmCancel(d, lang)) : outcome(DeadlineChange.of(DeadlineChange.Kind.ALREADY_CLOSED, d), lang);
            case "deadlines.keep" -> summary(replies.text(lang, "deadlines.cancel.kept"), d, lang);
            default -> {
                DeadlineChange change = service.cancel(d.id(), actor);
                yield change.saved()
                        ? summary(replies.text(lang, "deadlines.saved.cancelled", "title", TeamsText.escape(d.title())), change.deadline(), lang)
                        : outcome(change, lang);
            }
        };
    }

    private CardActionResult done(Deadline d, JsonNode data, String actor, Language lang) {
        LocalDate occurrence = parseDate(data.path("occurrence").asText("")).orElse(null);
        DeadlineChange change = service.markDone(d.id(), occurrence, actor);
        if (!change.saved()) {
            return outcome(change, lang);
        }
        Deadline now = change.deadline();
        String text = now.open()
                ? replies.text(lang, "deadlines.saved.doneRecurring", "when", replies.when(now, lang))
                : replies.text(lang, "deadlines.saved.done", "title", TeamsText.escape(now.title()));
        return summary(text, now, lang);
    }

    private CardActionResult snooze(Deadline d, JsonNode data, String actor, Language lang) {
        String period = data.path("period").asText("");
        if (!period.equals("P1D") && !period.equals("P7D")) {
            return CardActionResult.unknown();
        }
        DeadlineChange change = service.snooze(d.id(), Period.parse(period), actor);
        if (!change.saved()) {
            return outcome(change, lang);
        }
        var local = change.when().atZone(d.due().zone());
        String when = replies.when(new Due(local.toLocalDate(), local.toLocalTime(), d.due().zone()), lang);
        return CardActionResult.updateCard(replies.cards().summary(replies.text(lang, "deadlines.saved.snoozed",
                "title", TeamsText.escape(d.title()), "when", when), change.deadline(), lang), null);
    }

    /** The answer for outcomes that are not a plain success; the card is replaced when the state is final. */
    private CardActionResult outcome(DeadlineChange change, Language lang) {
        Deadline d = change.deadline();
        return switch (change.kind()) {
            case NOT_ALLOWED -> refused(lang, "deadlines.refuse.notAllowed");
            case NOT_FOUND -> refused(lang, "deadlines.refuse.notFound");
            case CONFLICT -> refused(lang, "deadlines.refuse.conflict", "title", TeamsText.escape(d.title()));
            case ALREADY_CLOSED -> {
                String text = d.open() ? replies.text(lang, "deadlines.refuse.alreadyMoved", "when", replies.when(d, lang))
                        : replies.text(lang, d.status() == Deadline.Status.DONE ? "deadlines.refuse.alreadyDone"
                        : "deadlines.refuse.alreadyCancelled", "title", TeamsText.escape(d.title()));
                yield CardActionResult.refusedWithCard(replies.cards().summary(text, d, lang), text);
            }
            default -> summary(replies.text(lang, "deadlines.saved.duplicate", "title", TeamsText.escape(d.title()),
                    "when", replies.when(d, lang)), d, lang);
        };
    }

    private CardActionResult summary(String text, Deadline d, Language lang) {
        return CardActionResult.updateCard(replies.cards().summary(text, d, lang), text);
    }

    private CardActionResult refused(Language lang, String key, Object... args) {
        return CardActionResult.refused(replies.text(lang, key, args));
    }

    /** Reads the form inputs; empty when the date or time cannot be read. Lead times outside the offer are dropped. */
    private Optional<DeadlineDraft> draft(JsonNode data, IncomingMessage message) {
        Optional<LocalDate> date = parseDate(data.path("date").asText(""));
        String timeText = data.path("time").asText("").trim();
        LocalTime time = null;
        if (!timeText.isEmpty()) {
            try {
                time = LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        if (date.isEmpty() && !data.path("date").asText("").isBlank()) {
            return Optional.empty();
        }
        List<LeadTime> leads;
        try {
            leads = LeadTime.parseList(data.path("leads").asText(""));
        } catch (IllegalArgumentException e) {
            leads = settings.leadTimes(message.workspaceId());
        }
        Deadline.Target target = "me".equals(data.path("target").asText("")) ? Deadline.Target.PERSON : Deadline.Target.CONVERSATION;
        String title = data.path("title").asText("");
        return Optional.of(new DeadlineDraft(title, date.orElse(null), time, target, leads,
                Recurrence.parse(data.path("recurrence").asText(""))));
    }

    private static String token(JsonNode data) {
        String token = data.path("token").asText("");
        return token.isBlank() || token.length() > 64 ? null : token;
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return text.isBlank() || text.length() > 10 ? Optional.empty() : Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static long parseId(String text) {
        return parseLong(text, -1);
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text.length() > 19 ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
