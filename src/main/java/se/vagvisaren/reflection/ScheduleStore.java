package se.vagvisaren.reflection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;

/** Planned launches in {@code reflection_schedule}; one row per occurrence, claimed once when it runs. */
@Repository
@RequiredArgsConstructor
class ScheduleStore {

    private final JdbcClient jdbc;

    /**
     * One planned launch.
     *
     * @param status PENDING until it runs; LAUNCHED, CANCELLED or FAILED after
     */
    record Occurrence(String id, String planId, String exerciseId, String workspaceId, ConversationKey conversation,
                      Scope scope, Language language, AnswerMode mode, String createdBy, Instant runAt, String status) {
    }

    void insert(Occurrence o) {
        jdbc.sql("INSERT INTO reflection_schedule (id, plan_id, exercise_id, workspace_id, tenant_id, conversation_id, "
                        + "scope, lang, answer_mode, created_by, run_at, status) VALUES (:id, :plan, :ex, :ws, :t, :c, "
                        + ":scope, :lang, :mode, :by, :at, 'PENDING')")
                .param("id", o.id()).param("plan", o.planId()).param("ex", o.exerciseId()).param("ws", o.workspaceId())
                .param("t", o.conversation().tenantId()).param("c", o.conversation().conversationId())
                .param("scope", o.scope().name()).param("lang", o.language().code()).param("mode", o.mode().name())
                .param("by", o.createdBy()).param("at", SessionStore.utc(o.runAt())).update();
    }

    /** Claims a pending occurrence for running; {@code false} when it already ran or was cancelled. */
    boolean claim(String id) {
        return jdbc.sql("UPDATE reflection_schedule SET status = 'RUNNING' WHERE id = :id AND status = 'PENDING'")
                .param("id", id).update() == 1;
    }

    void finish(String id, String status, String sessionId) {
        jdbc.sql("UPDATE reflection_schedule SET status = :s, session_id = :session WHERE id = :id")
                .param("s", status).param("session", sessionId).param("id", id).update();
    }

    Optional<Occurrence> find(String id) {
        return jdbc.sql("SELECT id, plan_id, exercise_id, workspace_id, tenant_id, conversation_id, scope, lang, "
                        + "answer_mode, created_by, run_at, status FROM reflection_schedule WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Occurrence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        new ConversationKey(rs.getString(5), rs.getString(6)), Scope.valueOf(rs.getString(7)),
                        Language.fromCode(rs.getString(8)), AnswerMode.valueOf(rs.getString(9)), rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12)))
                .optional();
    }

    /** Cancels the pending occurrences of a conversation; returns how many. */
    int cancelPending(String conversationId) {
        return jdbc.sql("UPDATE reflection_schedule SET status = 'CANCELLED' WHERE conversation_id = :c AND status = 'PENDING'")
                .param("c", conversationId).update();
    }

    /** Cancels what is left of a plan, e.g. when the bot was removed from the conversation. */
    int cancelPlan(String planId) {
        return jdbc.sql("UPDATE reflection_schedule SET status = 'CANCELLED' WHERE plan_id = :p AND status = 'PENDING'")
                .param("p", planId).update();
    }

    /** Pending occurrences of a conversation, soonest first. */
    List<Instant> pending(String conversationId) {
        return jdbc.sql("SELECT run_at FROM reflection_schedule WHERE conversation_id = :c AND status = 'PENDING' ORDER BY run_at")
                .param("c", conversationId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Deletes finished occurrences that ran before {@code cutoff}. */
    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM reflection_schedule WHERE status <> 'PENDING' AND run_at < :c")
                .param("c", SessionStore.utc(cutoff)).update();
    }
}
