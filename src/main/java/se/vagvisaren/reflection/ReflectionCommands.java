package se.vagvisaren.reflection;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * What the reflection feature does for a request, whether it came as chat text ({@link ReflectionIntents})
 * or a card button ({@link ReflectionCardActions}): launch, plan, pick, close, delete, settings. Each
 * returns an {@link Outcome} the caller turns into chat replies or a card-action result.
 */
@Component
class ReflectionCommands {

    private final ReflectionSessions sessions;
    private final PersonalAnswers personalAnswers;
    private final ScheduledLaunches scheduled;
    private final ExerciseCatalog catalog;
    private final LaunchPolicy policy;
    private final ExerciseCards exerciseCards;
    private final PickerCards pickerCards;
    private final ResultCards resultCards;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;

    ReflectionCommands(ReflectionSessions sessions, PersonalAnswers personalAnswers, ScheduledLaunches scheduled, ExerciseCatalog catalog,
                       LaunchPolicy policy, ExerciseCards exerciseCards, PickerCards pickerCards,
                       ResultCards resultCards, ReplyTexts texts, ReflectionProperties properties) {
        this.properties = properties;
        this.sessions = sessions;
        this.personalAnswers = personalAnswers;
        this.scheduled = scheduled;
        this.catalog = catalog;
        this.policy = policy;
        this.exerciseCards = exerciseCards;
        this.pickerCards = pickerCards;
        this.resultCards = resultCards;
        this.texts = texts;
    }

    /**
     * The result of one request.
     *
     * @param replies what to say; for a refused card press only the presser should see it
     * @param toast   a one-line confirmation for the presser of a card button
     * @param refused whether the request was turned down (nothing changed)
     */
    record Outcome(List<Reply> replies, String toast, boolean refused) {
        static Outcome done(Reply reply, String toast) {
            return new Outcome(List.of(reply), toast, false);
        }

        static Outcome refusal(Reply reply) {
            return new Outcome(List.of(reply), reply.text(), true);
        }

        static Outcome nothing() {
            return new Outcome(List.of(), null, false);
        }
    }

    Outcome launch(IncomingMessage message, Exercise exercise, boolean named, String launchRef) {
        Language lang = message.language();
        ReflectionSessions.Launch launch = sessions.launch(exercise, message, named, launchRef);
        return switch (launch.kind()) {
            case LAUNCHED -> Outcome.done(Reply.card(texts.get(lang, "reflection.launch.summary", "title",
                            exercise.text(lang).title()), exerciseCards.open(launch.session(), 0, null, null)),
                    texts.get(lang, "reflection.launch.started"));
            case ALREADY_OPEN -> refuse(lang, "reflection.launch.already-open", "title",
                    launch.session().exercise().text(lang).title());
            case NOT_ALLOWED -> refuse(lang, "reflection.launch.not-allowed");
            case NAMED_NOT_ALLOWED -> refuse(lang, "reflection.launch.named-not-allowed");
            case DUPLICATE -> Outcome.nothing();
        };
    }

    Outcome plan(IncomingMessage message, Exercise exercise, boolean named, List<ZonedDateTime> times) {
        Language lang = message.language();
        ScheduledLaunches.Plan plan = scheduled.plan(exercise, message, named, times);
        return switch (plan.kind()) {
            case PLANNED -> {
                String title = exercise.text(lang).title();
                String key = plan.times().size() == 1 ? "reflection.schedule.planned-once" : "reflection.schedule.planned";
                String text = texts.get(lang, key, "title", title, "count", plan.times().size(),
                        "dates", dates(lang, message.workspaceId(), plan.times()));
                yield Outcome.done(Reply.text(text), text);
            }
            case NOT_ALLOWED -> refuse(lang, "reflection.launch.not-allowed");
            case NAMED_NOT_ALLOWED -> refuse(lang, "reflection.launch.named-not-allowed");
            case PERSONAL_CHAT -> refuse(lang, "reflection.schedule.personal");
            case UNAVAILABLE -> refuse(lang, "reflection.schedule.unavailable");
            case TOO_MANY -> refuse(lang, "reflection.schedule.too-many", "max", properties.maxOccurrences());
        };
    }

    /**
     * The picker card.
     *
     * @param times planned launch times to carry to the chosen exercise, or empty to launch at once
     */
    Outcome picker(IncomingMessage message, List<Exercise> shown, List<Instant> times, boolean ambiguous) {
        Language lang = message.language();
        if (catalog.all().isEmpty()) {
            return refuse(lang, "reflection.launch.none");
        }
        String key = !times.isEmpty() ? "reflection.picker.intro-schedule"
                : ambiguous ? "reflection.picker.ambiguous"
                : message.scope().isShared() ? "reflection.picker.intro" : "reflection.picker.intro-personal";
        String schedule = times.isEmpty() ? null : times.stream().map(Instant::toString).collect(Collectors.joining(","));
        Reply card = pickerCards.picker(lang, catalog.all(), shown, message.scope().isShared(), schedule, key,
                times.isEmpty() ? "" : dates(lang, message.workspaceId(), times));
        return Outcome.done(card, null);
    }

    Outcome closeLatest(IncomingMessage message) {
        return closed(message.language(), sessions.closeLatest(message));
    }

    /**
     * "visa resultatet": closes the open exercise and shows its results, as "avsluta" does; with none open,
     * shows the results of the latest one closed here again (for example when they were never posted
     * because Teams was down at closing).
     */
    Outcome showResults(IncomingMessage message) {
        Language lang = message.language();
        ReflectionSessions.Close close = sessions.closeLatest(message);
        if (close.kind() == ReflectionSessions.Close.Kind.NOT_ALLOWED) {
            return refuse(lang, "reflection.results.still-open");
        }
        if (close.kind() != ReflectionSessions.Close.Kind.NONE_OPEN) {
            return closed(lang, close);
        }
        Optional<ReflectionSessions.Close> latest = sessions.reshowLatestResults(message);
        if (latest.isEmpty()) {
            return refuse(lang, "reflection.results.none", "days", properties.resultsShownFor().toDays());
        }
        if (latest.get().kind() == ReflectionSessions.Close.Kind.NOT_ALLOWED) {
            return refuse(lang, "reflection.results.named-not-allowed");
        }
        ReflectionSession session = latest.get().session();
        String intro = texts.get(lang, "reflection.results.again", "title", session.exercise().text(lang).title(),
                "closed", exerciseCards.dateTime(lang, message.workspaceId(), session.closedAt()));
        return new Outcome(List.of(Reply.text(intro), resultCards.results(session, latest.get().tally())), intro, false);
    }

    /** Turns a closing into the results card (public) or a refusal. */
    Outcome closed(Language lang, ReflectionSessions.Close close) {
        return switch (close.kind()) {
            case CLOSED -> Outcome.done(resultCards.results(close.session(), close.tally()),
                    texts.get(lang, "reflection.close.done"));
            case ALREADY_CLOSED -> refuse(lang, "reflection.close.already");
            case NOT_ALLOWED -> refuse(lang, "reflection.close.not-allowed");
            case NONE_OPEN -> refuse(lang, "reflection.close.none-open");
            case UNKNOWN -> refuse(lang, "reflection.answer.unknown");
        };
    }

    /** "radera mina svar": the confirmation goes privately to the sender. */
    Outcome deleteMine(IncomingMessage message) {
        int deleted = personalAnswers.erase(message.conversation().tenantId(), message.sender().id());
        String text = texts.get(message.language(), deleted == 0 ? "reflection.delete.none" : "reflection.delete.done",
                "count", deleted);
        return Outcome.done(Reply.text(text).privately(), text);
    }

    Outcome setFacilitatorsOnly(IncomingMessage message, boolean facilitatorsOnly) {
        Language lang = message.language();
        if (!message.scope().isShared()) {
            return refuse(lang, "reflection.settings.personal");
        }
        if (!policy.mayChangeSettings(message)) {
            return refuse(lang, "reflection.settings.not-allowed");
        }
        policy.setFacilitatorsOnly(message.workspaceId(), facilitatorsOnly);
        String text = texts.get(lang, facilitatorsOnly ? "reflection.settings.saved-facilitators"
                : "reflection.settings.saved-everyone");
        return Outcome.done(Reply.text(text), text);
    }

    Outcome settingsCard(IncomingMessage message) {
        if (!message.scope().isShared()) {
            return refuse(message.language(), "reflection.settings.personal");
        }
        return Outcome.done(pickerCards.settings(message.language(), policy.facilitatorsOnly(message.workspaceId())), null);
    }

    Outcome cancelSchedule(IncomingMessage message) {
        Language lang = message.language();
        Optional<Integer> cancelled = scheduled.cancel(message);
        if (cancelled.isEmpty()) {
            return refuse(lang, "reflection.launch.not-allowed");
        }
        String text = cancelled.get() == 0 ? texts.get(lang, "reflection.schedule.none")
                : texts.get(lang, "reflection.schedule.cancelled", "count", cancelled.get());
        return Outcome.done(Reply.text(text), text);
    }

    private String dates(Language lang, String workspaceId, List<Instant> times) {
        return times.stream().map(t -> exerciseCards.dateTime(lang, workspaceId, t)).collect(Collectors.joining(", "));
    }

    private Outcome refuse(Language lang, String key, Object... args) {
        return Outcome.refusal(Reply.text(texts.get(lang, key, args)));
    }
}
