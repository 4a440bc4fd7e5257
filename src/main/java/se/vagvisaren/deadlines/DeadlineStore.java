package se.vagvisaren.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;

/**
 * Deadlines in the database. Every change is a conditional update (on status, version or occurrence) so
 * two people pressing a button at once, or two instances, can never both win.
 */
@Repository
@RequiredArgsConstructor
class DeadlineStore {

    private static final String COLUMNS = "id, workspace_id, tenant_id, conversation_id, scope, target, owner_id, title, "
            + "due_date, due_time, zone_id, lead_times, recurrence, anchor_day, lang, status, reachable, version, closed_at";

    private final JdbcClient jdbc;

    /** Inserts a new open deadline and returns its id. Throws DuplicateKeyException when the token was used. */
    long insert(Deadline d, String createToken, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO deadline (workspace_id, tenant_id, conversation_id, scope, target, owner_id, title, due_date,
                  due_time, zone_id, due_at, lead_times, recurrence, anchor_day, lang, status, reachable, version,
                  create_token, created_at, updated_at)
                VALUES (:w, :tenant, :conv, :scope, :target, :owner, :title, :date, :time, :zone, :dueAt, :leads,
                  :rec, :anchor, :lang, 'OPEN', TRUE, 0, :token, :now, :now)""")
                .param("w", d.workspaceId()).param("tenant", d.tenantId()).param("conv", d.conversationId())
                .param("scope", d.scope().name()).param("target", d.target().name()).param("owner", d.ownerId())
                .param("title", d.title()).param("date", d.due().date()).param("time", d.due().time())
                .param("zone", d.due().zone().getId()).param("dueAt", utc(d.due().instant()))
                .param("leads", LeadTime.specs(d.leadTimes())).param("rec", d.recurrence().name())
                .param("anchor", d.anchorDay()).param("lang", d.language().code()).param("token", createToken)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Deadline> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE id = :id").param("id", id)
                .query(DeadlineStore::map).optional();
    }

    Optional<Deadline> findByToken(String workspaceId, String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE workspace_id = :w AND create_token = :t")
                .param("w", workspaceId).param("t", token).query(DeadlineStore::map).optional();
    }

    /** Open deadlines of a workspace that nudge its conversations (not personal ones), soonest first. */
    List<Deadline> openShared(String workspaceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE workspace_id = :w AND status = 'OPEN' "
                        + "AND target = 'CONVERSATION' ORDER BY due_at, id LIMIT :limit")
                .param("w", workspaceId).param("limit", limit).query(DeadlineStore::map).list();
    }

    /** Open personal deadlines of one person, in any workspace, soonest first. */
    List<Deadline> openPersonal(String ownerId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE owner_id = :o AND status = 'OPEN' "
                        + "AND target = 'PERSON' ORDER BY due_at, id LIMIT :limit")
                .param("o", ownerId).param("limit", limit).query(DeadlineStore::map).list();
    }

    int countOpenShared(String workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM deadline WHERE workspace_id = :w AND status = 'OPEN' AND target = 'CONVERSATION'")
                .param("w", workspaceId).query(Integer.class).single();
    }

    /** Replaces what the user can edit, if nobody changed the deadline since {@code expectedVersion}. */
    boolean update(long id, long expectedVersion, Deadline changed, Instant now) {
        return jdbc.sql("""
                UPDATE deadline SET title = :title, due_date = :date, due_time = :time, zone_id = :zone, due_at = :dueAt,
                  lead_times = :leads, recurrence = :rec, anchor_day = :anchor, target = :target, reachable = TRUE,
                  version = version + 1, updated_at = :now
                WHERE id = :id AND version = :v AND status = 'OPEN'""")
                .param("title", changed.title()).param("date", changed.due().date()).param("time", changed.due().time())
                .param("zone", changed.due().zone().getId()).param("dueAt", utc(changed.due().instant()))
                .param("leads", LeadTime.specs(changed.leadTimes())).param("rec", changed.recurrence().name())
                .param("anchor", changed.anchorDay()).param("target", changed.target().name())
                .param("now", utc(now)).param("id", id).param("v", expectedVersion)
                .update() == 1;
    }

    /** Closes an open deadline; {@code false} when it was already closed (someone else was first). */
    boolean close(long id, Deadline.Status status, String by, Instant now) {
        return jdbc.sql("UPDATE deadline SET status = :s, closed_by = :by, closed_at = :now, updated_at = :now, "
                        + "version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .param("s", status.name()).param("by", by).param("now", utc(now)).param("id", id)
                .update() == 1;
    }

    /** Moves a recurring deadline from one occurrence to the next; {@code false} when it had already moved. */
    boolean advance(long id, LocalDate from, Due next, Instant now) {
        return jdbc.sql("UPDATE deadline SET due_date = :next, due_at = :dueAt, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND due_date = :from AND status = 'OPEN'")
                .param("next", next.date()).param("dueAt", utc(next.instant())).param("now", utc(now))
                .param("id", id).param("from", from).update() == 1;
    }

    /** Takes the version as a lock for a change that touches only nudges (snooze). */
    boolean touch(long id, long expectedVersion, Instant now) {
        return jdbc.sql("UPDATE deadline SET version = version + 1, updated_at = :now WHERE id = :id AND version = :v AND status = 'OPEN'")
                .param("now", utc(now)).param("id", id).param("v", expectedVersion).update() == 1;
    }

    /**
     * Marks the open deadlines nudging a conversation as unreachable and returns those this call changed
     * (so exactly one caller tells people about it).
     */
    List<Deadline> markUnreachable(String conversationId, Instant now) {
        List<Deadline> affected = jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE conversation_id = :c "
                        + "AND target = 'CONVERSATION' AND status = 'OPEN' AND reachable = TRUE")
                .param("c", conversationId).query(DeadlineStore::map).list();
        return affected.stream().filter(d -> markUnreachable(d.id(), now)).toList();
    }

    boolean markUnreachable(long id, Instant now) {
        return jdbc.sql("UPDATE deadline SET reachable = FALSE, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND reachable = TRUE")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    /**
     * Open deadlines for a workspace's calendar feed, soonest first: the shared ones, plus personal ones
     * made in that 1:1 chat (a personal reminder asked for in a channel stays out of the team's feed).
     */
    List<Deadline> calendar(String workspaceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE workspace_id = :w AND status = 'OPEN' "
                        + "AND (target = 'CONVERSATION' OR scope = 'PERSONAL') ORDER BY due_at, id LIMIT :limit")
                .param("w", workspaceId).param("limit", limit).query(DeadlineStore::map).list();
    }

    private static Deadline map(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("zone_id"));
        LocalTime time = rs.getObject("due_time", LocalTime.class);
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Deadline(rs.getLong("id"), rs.getString("workspace_id"), rs.getString("tenant_id"),
                rs.getString("conversation_id"), Scope.valueOf(rs.getString("scope")),
                Deadline.Target.valueOf(rs.getString("target")), rs.getString("owner_id"), rs.getString("title"),
                new Due(rs.getObject("due_date", LocalDate.class), time, zone),
                LeadTime.parseList(rs.getString("lead_times")), Recurrence.parse(rs.getString("recurrence")),
                rs.getInt("anchor_day"), Language.fromCode(rs.getString("lang")),
                Deadline.Status.valueOf(rs.getString("status")), rs.getBoolean("reachable"), rs.getLong("version"),
                closed == null ? null : closed.toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
