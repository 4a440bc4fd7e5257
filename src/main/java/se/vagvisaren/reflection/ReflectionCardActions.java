package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.CardActionResult.Outcome;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.reflection.ExerciseCards.Notice;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;
import se.vagvisaren.safeguarding.HeldDrafts;

/**
 * Presses on the reflection cards ({@code reflection.*} verbs). With {@code Action.Execute} the presser
 * gets an updated card (counter, closed state) or a short message in the invoke response, and nobody else
 * sees it; with the {@code Action.Submit} fallback ({@code via: submit}) the same confirmation arrives as a
 * private message. Refusals change nothing and are never posted to the channel. An answer held back for
 * personal data waits in {@link HeldDrafts} (memory only) until the presser edits and sends it again or
 * confirms with {@code reflection.confirm-held} that it holds none.
 */
@Component
@RequiredArgsConstructor
class ReflectionCardActions implements CardActionHandler {

    /** The feature name under which answers are held back. */
    static final String HELD = "reflection";

    /**
     * An answer held back for personal data, as it was sent.
     *
     * @param data    the card data of the press (answers and session id)
     * @param message the press that sent it: its sender is the respondent, its conversation the session's
     */
    record HeldAnswer(String sessionId, JsonNode data, IncomingMessage message) {
    }

    private final ReflectionSessions sessions;
    private final ReflectionCommands commands;
    private final ExerciseCatalog catalog;
    private final ExerciseCards cards;
    private final ReplyTexts texts;
    private final WorkspaceZones zones;
    private final ReflectionProperties properties;
    private final HeldDrafts held;
    private final Clock clock;

    @Override
    public String feature() {
        return "reflection";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        boolean viaSubmit = CardElements.VIA_SUBMIT.equals(action.data().path(CardElements.VIA).asText());
        return switch (action.verb()) {
            case ExerciseCards.VERB_ANSWER -> answer(action, viaSubmit);
            case ExerciseCards.VERB_CONFIRM_HELD -> confirmHeld(action, viaSubmit);
            case ExerciseCards.VERB_CLOSE -> close(action, viaSubmit);
            case ExerciseCards.VERB_REFRESH -> refresh(action);
            case ExerciseCards.VERB_DELETE_MINE -> deleteMine(action, viaSubmit);
            case PickerCards.VERB_LAUNCH -> launch(action, viaSubmit);
            case PickerCards.VERB_SETTINGS -> settings(action, viaSubmit);
            default -> CardActionResult.unknown();
        };
    }

    private CardActionResult answer(CardAction action, boolean viaSubmit) {
        IncomingMessage message = action.message();
        String sessionId = sessionId(action);
        ReflectionSessions.Answer answer = sessions.answer(sessionId, action.data(), message);
        if (answer.kind() == ReflectionSessions.Answer.Kind.SAVED) {
            // an edited answer that passed replaces the presser's held ones: their old buttons stop working
            held.withdraw(HELD, message);
        }
        return answered(answer, new HeldAnswer(sessionId, action.data().deepCopy(), message), viaSubmit);
    }

    /** The presser says the held answer holds no personal data: store it as first sent, once, if it is theirs. */
    private CardActionResult confirmHeld(CardAction action, boolean viaSubmit) {
        Language lang = action.message().language();
        HeldDrafts.Confirmation<HeldAnswer> confirmation = held.confirm(HELD,
                action.data().path(ExerciseCards.HELD).asText(null), action.message(), HeldAnswer.class);
        return switch (confirmation.status()) {
            case UNKNOWN -> refused(texts.get(lang, "reflection.held.unknown"), viaSubmit);
            case NOT_YOURS -> refused(texts.get(lang, "reflection.held.not-yours"), viaSubmit);
            case ALREADY_CONFIRMED -> refused(texts.get(lang, "reflection.held.already"), viaSubmit);
            case CONFIRMED -> {
                HeldAnswer answer = confirmation.draft();
                yield answered(sessions.answer(answer.sessionId(), answer.data(), answer.message(), true), answer, viaSubmit);
            }
        };
    }

    private CardActionResult answered(ReflectionSessions.Answer answer, HeldAnswer sent, boolean viaSubmit) {
        IncomingMessage message = sent.message();
        ReflectionSession session = answer.session();
        Language lang = session != null ? session.language() : message.language();
        return switch (answer.kind()) {
            case SAVED -> saved(answer, viaSubmit);
            case CLOSED -> {
                String text = texts.get(lang, "reflection.answer.closed");
                yield viaSubmit ? CardActionResult.privately(text, Outcome.REFUSED)
                        : CardActionResult.refusedWithCard(cards.closed(session, answer.count(), Notice.warning(text)),
                                text);
            }
            case UNKNOWN -> refused(texts.get(lang, "reflection.answer.unknown"), viaSubmit);
            case INVALID -> refused(problem(lang, answer.problem()), viaSubmit);
            case PERSONAL_DATA -> heldBack(answer, sent, viaSubmit);
            case DISTRESS -> {
                String text = texts.get(lang, "reflection.answer.distress");
                // The card is replaced for the presser only, which also clears what they wrote.
                yield viaSubmit ? CardActionResult.privately(text, Outcome.REFUSED) : CardActionResult.refusedWithCard(
                        cards.open(session, sessions.count(session.id()), Notice.warning(text), null), text);
            }
        };
    }

    /** Holds the answer and shows the presser the warning with their answer to edit and the confirm button. */
    private CardActionResult heldBack(ReflectionSessions.Answer answer, HeldAnswer sent, boolean viaSubmit) {
        ReflectionSession session = answer.session();
        String token = held.hold(HELD, sent.message(), sent);
        String text = texts.get(session.language(), "reflection.answer.personal-data",
                "minutes", held.keptFor().toMinutes());
        ObjectNode card = cards.held(session, sessions.count(session.id()), Notice.warning(text), answer.saved(), token);
        if (viaSubmit) {
            return new CardActionResult(List.of(Reply.card(text, card).privately()), null, text, Outcome.REFUSED);
        }
        return CardActionResult.refusedWithCard(card, text);
    }

    private CardActionResult saved(ReflectionSessions.Answer answer, boolean viaSubmit) {
        ReflectionSession session = answer.session();
        Language lang = session.language();
        if (session.mode() == AnswerMode.PERSONAL) {
            String text = texts.get(lang, "reflection.answer.personal-saved");
            Notice notice = Notice.good(text).withBullets(session.exercise().text(lang).discussion());
            ObjectNode card = cards.open(session, answer.count(), notice, answer.saved());
            return viaSubmit ? CardActionResult.replies(Reply.card(text, card)) : CardActionResult.updateCard(card, text);
        }
        String count = cards.count(lang, answer.count());
        String text = texts.get(lang, answer.replaced() ? "reflection.answer.replaced" : "reflection.answer.saved",
                "answers", count);
        if (viaSubmit) {
            return CardActionResult.replies(Reply.text(text).privately());
        }
        return CardActionResult.updateCard(cards.open(session, answer.count(), Notice.good(text), null), text);
    }

    private CardActionResult close(CardAction action, boolean viaSubmit) {
        IncomingMessage message = action.message();
        ReflectionSessions.Close close = sessions.close(sessionId(action), message);
        Language lang = close.session() != null ? close.session().language() : message.language();
        ReflectionCommands.Outcome outcome = commands.closed(lang, close);
        if (outcome.refused() || viaSubmit) {
            return result(outcome, viaSubmit);
        }
        ObjectNode closedCard = cards.closed(close.session(), close.tally().respondents(), null);
        return new CardActionResult(outcome.replies(), closedCard, outcome.toast(), Outcome.DONE);
    }

    private CardActionResult refresh(CardAction action) {
        Optional<ReflectionSession> found = sessions.visible(sessionId(action), action.message());
        if (found.isEmpty()) {
            return refused(texts.get(action.message().language(), "reflection.answer.unknown"), false);
        }
        ReflectionSession session = found.get();
        int count = sessions.count(session.id());
        ObjectNode card = session.isOpen() ? cards.open(session, count, null, sessions.ownAnswer(session).orElse(null))
                : cards.closed(session, count, null);
        return CardActionResult.updateCard(card, null);
    }

    private CardActionResult deleteMine(CardAction action, boolean viaSubmit) {
        ReflectionCommands.Outcome outcome = commands.deleteMine(action.message());
        if (viaSubmit) {
            return result(outcome, true);
        }
        ObjectNode card = CardTemplates.emptyCard();
        card.withArray("body").add(CardElements.text(outcome.toast()));
        return CardActionResult.updateCard(card, outcome.toast());
    }

    private CardActionResult launch(CardAction action, boolean viaSubmit) {
        IncomingMessage message = action.message();
        JsonNode data = action.data();
        Optional<Exercise> exercise = catalog.byId(data.path(PickerCards.EXERCISE).asText(null));
        if (exercise.isEmpty()) {
            return refused(texts.get(message.language(), "reflection.launch.unknown-exercise"), viaSubmit);
        }
        boolean named = "true".equals(data.path(PickerCards.NAMED).asText());
        String schedule = data.path(PickerCards.SCHEDULE).asText("");
        if (schedule.isBlank()) {
            return result(commands.launch(message, exercise.get(), named, message.activityId()), viaSubmit);
        }
        List<ZonedDateTime> times = times(schedule, zones.of(message.workspaceId()));
        if (times.isEmpty()) {
            return refused(texts.get(message.language(), "reflection.schedule.past"), viaSubmit);
        }
        return result(commands.plan(message, exercise.get(), named, times), viaSubmit);
    }

    private CardActionResult settings(CardAction action, boolean viaSubmit) {
        String value = action.data().path("launch").asText("");
        if (!LaunchPolicy.EVERYONE.equals(value) && !LaunchPolicy.FACILITATORS.equals(value)) {
            return CardActionResult.unknown();
        }
        return result(commands.setFacilitatorsOnly(action.message(), LaunchPolicy.FACILITATORS.equals(value)), viaSubmit);
    }

    /**
     * Planned times carried by a picker card (ISO instants, comma-separated). Card data can be edited,
     * so only future times, at most the configured number, are accepted; anything else gives none.
     */
    private List<ZonedDateTime> times(String schedule, ZoneId zone) {
        String[] parts = schedule.split(",", properties.maxOccurrences() + 1);
        if (parts.length > properties.maxOccurrences()) {
            return List.of();
        }
        List<ZonedDateTime> times = new ArrayList<>();
        Instant now = clock.instant();
        for (String part : parts) {
            try {
                Instant at = Instant.parse(part.trim());
                if (!at.isAfter(now)) {
                    return List.of();
                }
                times.add(at.atZone(zone));
            } catch (DateTimeException e) {
                return List.of();
            }
        }
        return times;
    }

    private String problem(Language lang, AnswerForm.Problem problem) {
        return switch (problem.kind()) {
            case EMPTY -> texts.get(lang, "reflection.answer.empty");
            case INVALID_VALUE -> texts.get(lang, "reflection.answer.invalid", "question", problem.question());
            case TOO_LONG -> texts.get(lang, "reflection.answer.too-long", "question", problem.question(),
                    "max", problem.limit());
        };
    }

    private static String sessionId(CardAction action) {
        return action.data().path(ExerciseCards.SESSION).asText(null);
    }

    /** Success goes where the outcome says; a refusal only to the presser. */
    private static CardActionResult result(ReflectionCommands.Outcome outcome, boolean viaSubmit) {
        if (outcome.refused()) {
            return refused(outcome.toast(), viaSubmit);
        }
        return new CardActionResult(outcome.replies(), null, outcome.toast(), Outcome.DONE);
    }

    private static CardActionResult refused(String text, boolean viaSubmit) {
        return viaSubmit ? CardActionResult.privately(text, Outcome.REFUSED) : CardActionResult.refusedToast(text);
    }
}
