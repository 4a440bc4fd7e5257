package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.TeamsText;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;
import se.vagvisaren.reflection.ReflectionSession.Status;

/**
 * Runs exercise sessions: launch, answer, close, delete. Every decision reads the database, never memory,
 * so answers may arrive at any replica, concurrently or after a restart. Answers and closing take the
 * session's row lock, which makes the counter exact and keeps answers out of a closed session.
 */
@Service
public class ReflectionSessions {

    private static final Logger log = LoggerFactory.getLogger(ReflectionSessions.class);
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int LOCK_ATTEMPTS = 5;
    private static final int MAX_NAME_CHARS = 256;

    private final SessionStore store;
    private final RespondentKeys keys;
    private final LaunchPolicy policy;
    private final AnswerScreen screen;
    private final ReflectionProperties properties;
    private final ReflectionTimers timers;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    ReflectionSessions(SessionStore store, RespondentKeys keys, LaunchPolicy policy, AnswerScreen screen,
                       ReflectionProperties properties, ReflectionTimers timers, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this.store = store;
        this.keys = keys;
        this.policy = policy;
        this.screen = screen;
        this.properties = properties;
        this.timers = timers;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- launching ------------------------------------------------------------------------------

    /** How a launch ended. {@code session} is the new one, or the one already open for {@code ALREADY_OPEN}. */
    record Launch(Kind kind, ReflectionSession session) {
        enum Kind { LAUNCHED, ALREADY_OPEN, NOT_ALLOWED, NAMED_NOT_ALLOWED, DUPLICATE }
    }

    /**
     * Launches an exercise where the message was written: a group session in a channel or group chat
     * (one open at a time), a personal one in a 1:1 chat.
     *
     * @param named     the launcher asked for named answers (facilitators only)
     * @param launchRef id of the activity that asked, so a redelivered activity does not launch twice
     */
    Launch launch(Exercise exercise, IncomingMessage message, boolean named, String launchRef) {
        boolean shared = message.scope().isShared();
        if (shared && !policy.mayLaunch(message)) {
            return new Launch(Launch.Kind.NOT_ALLOWED, null);
        }
        if (shared && named && !policy.mayChooseNamed(message)) {
            return new Launch(Launch.Kind.NAMED_NOT_ALLOWED, null);
        }
        if (shared) {
            Optional<ReflectionSession> open = store.latestOpen(message.conversation().conversationId());
            if (open.isPresent()) {
                return new Launch(Launch.Kind.ALREADY_OPEN, open.get());
            }
        }
        AnswerMode mode = !shared ? AnswerMode.PERSONAL : named ? AnswerMode.NAMED : AnswerMode.ANONYMOUS;
        String owner = shared ? null : keys.owner(message.conversation().tenantId(), message.sender().id());
        ReflectionSession session = open(exercise, message.workspaceId(), message.conversation(), message.scope(),
                message.language(), mode, message.sender().id(), owner, launchRef);
        return new Launch(session == null ? Launch.Kind.DUPLICATE : Launch.Kind.LAUNCHED, session);
    }

    /**
     * Opens a group session planned in advance (see {@link ScheduledLaunches}); permissions were checked
     * when it was planned.
     *
     * @return the new session, or {@code null} when this occurrence already launched one
     */
    ReflectionSession openPlanned(Exercise exercise, String workspaceId, ConversationKey conversation, Scope scope,
                                  Language language, AnswerMode mode, String plannedBy, String occurrenceId) {
        return open(exercise, workspaceId, conversation, scope, language, mode, plannedBy, null, occurrenceId);
    }

    private ReflectionSession open(Exercise exercise, String workspaceId, ConversationKey conversation, Scope scope,
                                   Language language, AnswerMode mode, String launchedBy, String ownerKey, String launchRef) {
        Instant now = clock.instant();
        Instant closesAt = null;
        if (mode != AnswerMode.PERSONAL) {
            Duration openFor = properties.openFor() != null ? properties.openFor()
                    : Duration.ofMinutes(exercise.durationMinutes());
            closesAt = now.plus(openFor);
        }
        ReflectionSession session = new ReflectionSession(UUID.randomUUID().toString(), exercise, workspaceId,
                conversation, scope, language, mode, launchedBy, ownerKey, Status.OPEN, keys.newSalt(), now, closesAt, null);
        if (!store.insert(session, launchRef)) {
            return null;
        }
        if (closesAt != null) {
            timers.closeAt(session.id(), closesAt);
        }
        log.info("Reflection session {} opened ({}, exercise {}, mode {})", session.id(), scope, exercise.id(), mode);
        return session;
    }

    /** Removes a session that never reached its conversation (nobody can have answered it). */
    void discard(String sessionId) {
        store.deleteUnanswered(sessionId);
    }

    // ---- answering ------------------------------------------------------------------------------

    /**
     * How an answer ended.
     *
     * @param count    answers in the session after this one (for SAVED and CLOSED)
     * @param replaced whether it replaced the respondent's earlier answer
     * @param problem  why it was rejected, for INVALID
     * @param saved    personal mode: what was stored, to show back to the owner; PERSONAL_DATA: what was held
     *                 back, to pre-fill the presser's own card so they can edit it
     */
    record Answer(Kind kind, ReflectionSession session, int count, boolean replaced, AnswerForm.Problem problem,
                  JsonNode saved) {
        enum Kind { SAVED, CLOSED, UNKNOWN, INVALID, PERSONAL_DATA, DISTRESS }

        static Answer of(Kind kind, ReflectionSession session) {
            return new Answer(kind, session, 0, false, null, null);
        }
    }

    /**
     * Stores one person's answer from card data. The session must belong to the conversation the card was
     * pressed in (and, in personal mode, to the presser); otherwise it is treated as unknown.
     */
    Answer answer(String sessionId, JsonNode data, IncomingMessage message) {
        return answer(sessionId, data, message, false);
    }

    /**
     * Stores an answer; with {@code personalDataConfirmed} the writer has confirmed on the warning card that
     * it holds no personal data, so only the crisis check runs. Everything else is checked again: the
     * session may have closed while the answer was held.
     */
    Answer answer(String sessionId, JsonNode data, IncomingMessage message, boolean personalDataConfirmed) {
        Optional<ReflectionSession> found = visible(sessionId, message);
        if (found.isEmpty()) {
            return Answer.of(Answer.Kind.UNKNOWN, null);
        }
        ReflectionSession session = found.get();
        if (!session.isOpen()) {
            return new Answer(Answer.Kind.CLOSED, session, store.countAnswers(session.id()), false, null, null);
        }
        AnswerForm.Result form = AnswerForm.read(session.exercise(), data, properties.maxTextChars());
        if (!form.ok()) {
            return new Answer(Answer.Kind.INVALID, session, 0, false, form.problem(), null);
        }
        for (String text : form.texts()) {
            AnswerScreen.Verdict verdict = screen.check(text, session.language());
            if (verdict == AnswerScreen.Verdict.DISTRESS) {
                return Answer.of(Answer.Kind.DISTRESS, session);
            }
            if (verdict == AnswerScreen.Verdict.PERSONAL_DATA && !personalDataConfirmed) {
                return new Answer(Answer.Kind.PERSONAL_DATA, session, 0, false, null, form.answers());
            }
        }
        String respondent = session.mode() == AnswerMode.PERSONAL ? session.ownerKey()
                : keys.respondent(session.salt(), session.conversation().tenantId(), message.sender().id());
        String name = session.mode() == AnswerMode.NAMED
                ? TeamsText.shorten(message.sender().displayName(), MAX_NAME_CHARS) : null;
        String json = form.answers().toString();
        int[] result = withLockRetry(() -> transactions.execute(tx -> {
            if (!store.lockIfOpen(session.id())) {
                return null;
            }
            boolean replaced = store.saveAnswer(session.id(), respondent, name, json);
            return new int[] {store.countAnswers(session.id()), replaced ? 1 : 0};
        }));
        if (result == null) {
            return new Answer(Answer.Kind.CLOSED, session, store.countAnswers(session.id()), false, null, null);
        }
        log.info("Answer saved in reflection session {} ({} answers)", session.id(), result[0]);
        return new Answer(Answer.Kind.SAVED, session, result[0], result[1] == 1, null, form.answers());
    }

    /** The session as the presser may see it, or empty when unknown, malformed, elsewhere or not theirs. */
    Optional<ReflectionSession> visible(String sessionId, IncomingMessage message) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()
                || message.sender().id() == null || message.sender().id().isBlank()) {
            return Optional.empty();
        }
        return store.find(sessionId)
                .filter(s -> s.conversation().conversationId().equals(message.conversation().conversationId()))
                .filter(s -> s.mode() != AnswerMode.PERSONAL
                        || s.ownerKey().equals(keys.owner(message.conversation().tenantId(), message.sender().id())));
    }

    /** Answers so far; for cards. */
    int count(String sessionId) {
        return store.countAnswers(sessionId);
    }

    /** The owner's saved answer in a personal session, to pre-fill their card. */
    Optional<JsonNode> ownAnswer(ReflectionSession session) {
        if (session.mode() != AnswerMode.PERSONAL) {
            return Optional.empty();
        }
        return store.answerOf(session.id(), session.ownerKey()).map(json -> {
            try {
                return Mappers.JSON.readTree(json);
            } catch (Exception e) {
                return null;
            }
        });
    }

    // ---- closing --------------------------------------------------------------------------------

    /** How closing ended; {@code tally} is set for CLOSED. */
    record Close(Kind kind, ReflectionSession session, Tally tally) {
        enum Kind { CLOSED, ALREADY_CLOSED, NOT_ALLOWED, NONE_OPEN, UNKNOWN }
    }

    /** Closes a session from its card's button, if the presser may. */
    Close close(String sessionId, IncomingMessage message) {
        Optional<ReflectionSession> found = visible(sessionId, message).filter(s -> s.mode() != AnswerMode.PERSONAL);
        if (found.isEmpty()) {
            return new Close(Close.Kind.UNKNOWN, null, null);
        }
        if (!found.get().isOpen()) {
            return new Close(Close.Kind.ALREADY_CLOSED, found.get(), null);
        }
        if (!policy.mayClose(found.get(), message)) {
            return new Close(Close.Kind.NOT_ALLOWED, found.get(), null);
        }
        return closeNow(found.get());
    }

    /** Closes the latest open session in the message's conversation ("avsluta övningen"). */
    Close closeLatest(IncomingMessage message) {
        Optional<ReflectionSession> open = store.latestOpen(message.conversation().conversationId());
        if (open.isEmpty()) {
            return new Close(Close.Kind.NONE_OPEN, null, null);
        }
        if (!policy.mayClose(open.get(), message)) {
            return new Close(Close.Kind.NOT_ALLOWED, open.get(), null);
        }
        return closeNow(open.get());
    }

    /** Closes the open session of a conversation without a permission check (a new planned launch replaces it). */
    Optional<Close> closeOpenIn(String conversationId) {
        return store.latestOpen(conversationId).map(this::closeUnattended).filter(c -> c.kind() == Close.Kind.CLOSED);
    }

    /** A closed group session with its results, to post them again; empty when it is open, personal or gone. */
    Optional<Close> resultsOf(String sessionId) {
        return store.find(sessionId)
                .filter(s -> s.status() == Status.CLOSED && s.mode() != AnswerMode.PERSONAL)
                .map(this::withResults);
    }

    /** A closed session with its tally, counted again from the stored answers. */
    private Close withResults(ReflectionSession closed) {
        return new Close(Close.Kind.CLOSED, closed, Tally.of(closed.exercise(), store.answers(closed.id()), random));
    }

    /**
     * The latest group session closed in the message's conversation within {@code resultsShownFor}, with its
     * results ("visa resultatet" when nothing is open). Anonymous results may be shown again by anyone in
     * the conversation: they were posted to all of it. Results with names only by those who may close the
     * session, because people who joined the chat later must not get names they were never shown. A later
     * try of posting them that still waits after a Teams outage is dropped: it would only post them twice.
     *
     * @return CLOSED with the tally, NOT_ALLOWED, or empty when there is none
     */
    Optional<Close> reshowLatestResults(IncomingMessage message) {
        Optional<ReflectionSession> latest = store.latestClosed(message.conversation().conversationId(),
                clock.instant().minus(properties.resultsShownFor()));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ReflectionSession session = latest.get();
        if (session.mode() == AnswerMode.NAMED && !policy.mayClose(session, message)) {
            return Optional.of(new Close(Close.Kind.NOT_ALLOWED, session, null));
        }
        timers.cancelResultsRetry(session.id());
        store.resultsSettled(session.id());
        return Optional.of(withResults(session));
    }

    /** Closes a session whose end time has come; empty when it was already closed or is not due. */
    Optional<Close> closeIfDue(String sessionId) {
        return store.find(sessionId)
                .filter(ReflectionSession::isOpen)
                .filter(s -> s.closesAt() != null && !s.closesAt().isAfter(clock.instant()))
                .map(this::closeUnattended)
                .filter(c -> c.kind() == Close.Kind.CLOSED);
    }

    /** Closes with the results marked pending: nobody is in a turn to receive them, the bot posts them. */
    private Close closeUnattended(ReflectionSession session) {
        return closeNow(session, true);
    }

    private Close closeNow(ReflectionSession session) {
        return closeNow(session, false);
    }

    private Close closeNow(ReflectionSession session, boolean resultsPending) {
        Instant now = clock.instant();
        Tally tally = withLockRetry(() -> transactions.execute(tx -> {
            if (!store.close(session.id(), now, resultsPending)) {
                return null;
            }
            return Tally.of(session.exercise(), store.answers(session.id()), random);
        }));
        if (tally == null) {
            return new Close(Close.Kind.ALREADY_CLOSED, session, null);
        }
        log.info("Reflection session {} closed with {} answers", session.id(), tally.respondents());
        ReflectionSession closed = new ReflectionSession(session.id(), session.exercise(), session.workspaceId(),
                session.conversation(), session.scope(), session.language(), session.mode(), session.launchedBy(),
                session.ownerKey(), Status.CLOSED, null, session.openedAt(), session.closesAt(), now);
        return new Close(Close.Kind.CLOSED, closed, tally);
    }

    // ---- housekeeping ---------------------------------------------------------------------------

    /** The session's results need no more posting: posted, shown on request, or impossible to post. */
    void resultsSettled(String sessionId) {
        store.resultsSettled(sessionId);
    }

    /** Ids of closed sessions whose results are still to be posted, closed at or before {@code closedBy}. */
    List<String> resultsPending(Instant closedBy) {
        return store.resultsPending(closedBy);
    }

    /** Ids of open sessions whose end time has passed (closed by the housekeeping task after downtime). */
    List<String> overdue() {
        return store.overdue(clock.instant());
    }

    private static <T> T withLockRetry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException busy) {
                // Many people answering at once can outwait the database lock timeout; the work is idempotent.
                if (attempt >= LOCK_ATTEMPTS) {
                    throw busy;
                }
            }
        }
    }
}
