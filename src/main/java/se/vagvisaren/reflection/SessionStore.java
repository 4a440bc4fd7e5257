package se.vagvisaren.reflection;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;
import se.vagvisaren.reflection.ReflectionSession.Status;

/**
 * Sessions and answers in {@code reflection_session} / {@code reflection_answer}. Methods that change
 * answers expect to run inside the caller's transaction (see {@link ReflectionSessions}).
 */
@Repository
@RequiredArgsConstructor
class SessionStore {

    private static final String COLUMNS = "id, exercise_json, workspace_id, tenant_id, conversation_id, scope, lang, "
            + "answer_mode, launched_by, owner_key, status, salt, opened_at, closes_at, closed_at";

    private final JdbcClient jdbc;

    /**
     * Stores a new open session.
     *
     * @param launchRef id of the activity or schedule occurrence that launched it, or {@code null}
     * @return {@code false} when a session with the same launch reference exists in the conversation
     *         (Teams redelivered the message)
     */
    boolean insert(ReflectionSession s, String launchRef) {
        try {
            jdbc.sql("INSERT INTO reflection_session (" + COLUMNS + ", exercise_id, launch_ref) VALUES (:id, :ex, :ws, :tenant, "
                            + ":conv, :scope, :lang, :mode, :by, :owner, :status, :salt, :opened, :closes, :closed, :exId, :ref)")
                    .param("id", s.id()).param("ex", toJson(s.exercise())).param("ws", s.workspaceId())
                    .param("tenant", s.conversation().tenantId()).param("conv", s.conversation().conversationId())
                    .param("scope", s.scope().name()).param("lang", s.language().code()).param("mode", s.mode().name())
                    .param("by", s.launchedBy()).param("owner", s.ownerKey()).param("status", s.status().name())
                    .param("salt", s.salt()).param("opened", utc(s.openedAt())).param("closes", utc(s.closesAt()))
                    .param("closed", utc(s.closedAt())).param("exId", s.exercise().id()).param("ref", launchRef)
                    .update();
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    Optional<ReflectionSession> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reflection_session WHERE id = :id")
                .param("id", id).query(this::session).optional();
    }

    /** The most recently opened open session in a shared conversation. */
    Optional<ReflectionSession> latestOpen(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reflection_session WHERE conversation_id = :c AND status = 'OPEN' "
                        + "AND answer_mode <> 'PERSONAL' ORDER BY opened_at DESC, id FETCH FIRST 1 ROWS ONLY")
                .param("c", conversationId).query(this::session).optional();
    }

    /** The group session in the conversation closed most recently, not before {@code since}. */
    Optional<ReflectionSession> latestClosed(String conversationId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reflection_session WHERE conversation_id = :c AND status = 'CLOSED' "
                        + "AND answer_mode <> 'PERSONAL' AND closed_at >= :since ORDER BY closed_at DESC, id FETCH FIRST 1 ROWS ONLY")
                .param("c", conversationId).param("since", utc(since)).query(this::session).optional();
    }

    /**
     * Takes the session's row lock for the rest of the transaction if it is still open. Answers and
     * closing both lock the row, so no answer can slip in after the close committed.
     */
    boolean lockIfOpen(String sessionId) {
        return jdbc.sql("UPDATE reflection_session SET answer_seq = answer_seq + 1 WHERE id = :id AND status = 'OPEN'")
                .param("id", sessionId).update() == 1;
    }

    /** Saves an answer, replacing this respondent's earlier one. Returns {@code true} if it replaced one. */
    boolean saveAnswer(String sessionId, String respondentKey, String name, String answersJson) {
        int updated = jdbc.sql("UPDATE reflection_answer SET answers_json = :a, respondent_name = :n "
                        + "WHERE session_id = :s AND respondent_key = :k")
                .param("a", answersJson).param("n", name).param("s", sessionId).param("k", respondentKey).update();
        if (updated > 0) {
            return true;
        }
        jdbc.sql("INSERT INTO reflection_answer (session_id, respondent_key, respondent_name, answers_json) VALUES (:s, :k, :n, :a)")
                .param("s", sessionId).param("k", respondentKey).param("n", name).param("a", answersJson).update();
        return false;
    }

    int countAnswers(String sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM reflection_answer WHERE session_id = :s")
                .param("s", sessionId).query(Integer.class).single();
    }

    /** Every answer of a session, in no particular order. */
    List<StoredAnswer> answers(String sessionId) {
        return jdbc.sql("SELECT respondent_name, answers_json FROM reflection_answer WHERE session_id = :s")
                .param("s", sessionId).query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2))).list();
    }

    /** One respondent's answer as JSON, if any. */
    Optional<String> answerOf(String sessionId, String respondentKey) {
        return jdbc.sql("SELECT answers_json FROM reflection_answer WHERE session_id = :s AND respondent_key = :k")
                .param("s", sessionId).param("k", respondentKey).query(String.class).optional();
    }

    /**
     * Marks an open session closed. For anonymous sessions the salt is erased at the same time.
     *
     * @return {@code false} when it was already closed (someone else closed it first)
     */
    boolean close(String sessionId, Instant now) {
        return close(sessionId, now, false);
    }

    /** As {@link #close(String, Instant)}; {@code resultsPending} marks results still to be posted by the bot. */
    boolean close(String sessionId, Instant now, boolean resultsPending) {
        return jdbc.sql("UPDATE reflection_session SET status = 'CLOSED', closed_at = :now, results_pending = :pending, "
                        + "salt = CASE WHEN answer_mode = 'ANONYMOUS' THEN NULL ELSE salt END "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("now", utc(now)).param("pending", resultsPending).param("id", sessionId).update() == 1;
    }

    /** The results of the session need no more posting (posted, shown, or impossible to post). */
    void resultsSettled(String sessionId) {
        jdbc.sql("UPDATE reflection_session SET results_pending = FALSE WHERE id = :id AND results_pending")
                .param("id", sessionId).update();
    }

    /** Closed sessions whose results are still to be posted, closed at or before {@code closedBy}. */
    List<String> resultsPending(Instant closedBy) {
        return jdbc.sql("SELECT id FROM reflection_session WHERE status = 'CLOSED' AND results_pending AND closed_at <= :t")
                .param("t", utc(closedBy)).query(String.class).list();
    }

    boolean deleteAnswer(String sessionId, String respondentKey) {
        return jdbc.sql("DELETE FROM reflection_answer WHERE session_id = :s AND respondent_key = :k")
                .param("s", sessionId).param("k", respondentKey).update() > 0;
    }

    /** Sessions whose respondent keys can still be computed (open ones, and named ones), in one tenant. */
    List<ReflectionSession> salted(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reflection_session WHERE tenant_id = :t AND salt IS NOT NULL "
                        + "AND answer_mode <> 'PERSONAL'")
                .param("t", tenantId).query(this::session).list();
    }

    /** Personal sessions of one owner with their answer, oldest first; for a GDPR export. */
    List<PersonalAnswers.Exported> personalAnswers(String ownerKey) {
        return jdbc.sql("SELECT s.exercise_id, s.answer_mode, s.opened_at, a.answers_json FROM reflection_session s "
                        + "JOIN reflection_answer a ON a.session_id = s.id WHERE s.owner_key = :o ORDER BY s.opened_at")
                .param("o", ownerKey)
                .query((rs, n) -> new PersonalAnswers.Exported(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    /** Deletes every personal session (answers cascade) of one owner; returns how many sessions. */
    int deletePersonal(String ownerKey) {
        jdbc.sql("DELETE FROM reflection_answer WHERE session_id IN (SELECT id FROM reflection_session WHERE owner_key = :o)")
                .param("o", ownerKey).update();
        return jdbc.sql("DELETE FROM reflection_session WHERE owner_key = :o").param("o", ownerKey).update();
    }

    /** Deletes a session that has no answers (it never reached its conversation). */
    boolean deleteUnanswered(String sessionId) {
        return jdbc.sql("DELETE FROM reflection_session WHERE id = :id AND NOT EXISTS "
                        + "(SELECT 1 FROM reflection_answer WHERE session_id = :id)")
                .param("id", sessionId).update() == 1;
    }

    /** Open shared sessions whose end time has passed, for a sweep after downtime. */
    List<String> overdue(Instant now) {
        return jdbc.sql("SELECT id FROM reflection_session WHERE status = 'OPEN' AND closes_at IS NOT NULL AND closes_at <= :now")
                .param("now", utc(now)).query(String.class).list();
    }

    /**
     * Deletes sessions closed before {@code cutoff} and personal sessions opened before it, answers first.
     *
     * @return how many sessions were deleted
     */
    int deleteOlderThan(Instant cutoff) {
        String expired = "SELECT id FROM reflection_session WHERE (closed_at IS NOT NULL AND closed_at < :c) "
                + "OR (answer_mode = 'PERSONAL' AND opened_at < :c)";
        jdbc.sql("DELETE FROM reflection_answer WHERE session_id IN (" + expired + ")").param("c", utc(cutoff)).update();
        return jdbc.sql("DELETE FROM reflection_session WHERE id IN (" + expired + ")").param("c", utc(cutoff)).update();
    }

    private ReflectionSession session(ResultSet rs, int row) throws SQLException {
        return new ReflectionSession(
                rs.getString("id"),
                fromJson(rs.getString("exercise_json")),
                rs.getString("workspace_id"),
                new ConversationKey(rs.getString("tenant_id"), rs.getString("conversation_id")),
                Scope.valueOf(rs.getString("scope")),
                Language.fromCode(rs.getString("lang")),
                AnswerMode.valueOf(rs.getString("answer_mode")),
                rs.getString("launched_by"),
                rs.getString("owner_key"),
                Status.valueOf(rs.getString("status")),
                rs.getString("salt"),
                instant(rs, "opened_at"),
                instant(rs, "closes_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String toJson(Exercise exercise) {
        try {
            return Mappers.JSON.writeValueAsString(exercise);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store exercise " + exercise.id(), e);
        }
    }

    private static Exercise fromJson(String json) {
        try {
            return Mappers.JSON.readValue(json, Exercise.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored exercise is unreadable", e);
        }
    }

    /**
     * One stored answer.
     *
     * @param name        the respondent's display name in named mode, otherwise {@code null}
     * @param answersJson question id to value: a number (scale), an option id (single), a list of option
     *                    ids (multiple) or a string (text)
     */
    record StoredAnswer(String name, String answersJson) {
    }
}
