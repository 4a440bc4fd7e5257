package se.vagvisaren.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores progress updates and their steps. Idempotent on the Teams activity id: a redelivered message
 * finds the update the first delivery stored. Runs unchanged on H2 ({@code MODE=PostgreSQL}) and
 * PostgreSQL; timestamps are written and read as UTC {@link OffsetDateTime}.
 */
@Repository
@RequiredArgsConstructor
class ProgressStore {

    private static final String COLUMNS = "u.id, u.public_id, u.workspace_id, u.tenant_id, u.conversation_id, "
            + "u.channel_id, u.author_id, u.body, u.link, u.steps_confirmed, u.created_at, u.edited_at, s.step";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /**
     * Stores an update once per (conversation, activity id).
     *
     * @return the stored update, and whether it had been stored before (a redelivery)
     */
    Stored insert(NewUpdate update) {
        String publicId = UUID.randomUUID().toString();
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("""
                        INSERT INTO progress_update (public_id, workspace_id, tenant_id, conversation_id, channel_id,
                          source_activity_id, author_id, body, link, steps_confirmed, created_at)
                        VALUES (:pid, :ws, :tenant, :conv, :channel, :activity, :author, :body, :link, :confirmed, :at)""")
                        .param("pid", publicId).param("ws", update.workspaceId()).param("tenant", update.tenantId())
                        .param("conv", update.conversationId()).param("channel", update.channelId())
                        .param("activity", update.sourceActivityId()).param("author", update.authorId())
                        .param("body", update.text()).param("link", update.link())
                        .param("confirmed", update.stepsConfirmed()).param("at", utc(update.createdAt()))
                        .update();
                long id = jdbc.sql("SELECT id FROM progress_update WHERE public_id = :pid")
                        .param("pid", publicId).query(Long.class).single();
                writeSteps(id, update.steps());
            });
            return new Stored(find(publicId).orElseThrow(), false);
        } catch (DuplicateKeyException redelivered) {
            String existing = jdbc.sql("SELECT public_id FROM progress_update WHERE conversation_id = :conv "
                            + "AND source_activity_id = :activity")
                    .param("conv", update.conversationId()).param("activity", update.sourceActivityId())
                    .query(String.class).single();
            return new Stored(find(existing).orElseThrow(), true);
        }
    }

    Optional<ProgressUpdate> find(String publicId) {
        if (publicId == null || publicId.length() > 36) {
            return Optional.empty();
        }
        List<ProgressUpdate> found = select("WHERE u.public_id = :pid", Map.of("pid", publicId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Replaces text, link and steps of an update. */
    void change(String publicId, String text, String link, SortedSet<Integer> steps, Instant editedAt) {
        transactions.executeWithoutResult(tx -> {
            long id = internalId(publicId);
            jdbc.sql("UPDATE progress_update SET body = :body, link = :link, steps_confirmed = TRUE, edited_at = :at "
                            + "WHERE id = :id")
                    .param("body", text).param("link", link).param("at", utc(editedAt)).param("id", id).update();
            jdbc.sql("DELETE FROM progress_update_step WHERE update_id = :id").param("id", id).update();
            writeSteps(id, steps);
        });
    }

    /** Sets the steps a person chose. */
    void confirmSteps(String publicId, SortedSet<Integer> steps) {
        transactions.executeWithoutResult(tx -> {
            long id = internalId(publicId);
            jdbc.sql("UPDATE progress_update SET steps_confirmed = TRUE WHERE id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM progress_update_step WHERE update_id = :id").param("id", id).update();
            writeSteps(id, steps);
        });
    }

    /** Deletes one update; its steps go with it. Returns whether it existed. */
    boolean delete(String publicId) {
        return jdbc.sql("DELETE FROM progress_update WHERE public_id = :pid").param("pid", publicId).update() > 0;
    }

    /**
     * Updates of a workspace in {@code [from, to)}, newest first, at most {@code limit}.
     *
     * @param steps only updates tagged with one of these steps; empty = all updates
     */
    List<ProgressUpdate> latest(String workspaceId, Instant from, Instant to, Collection<Integer> steps, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("ws", workspaceId, "from", utc(from), "to", utc(to),
                "limit", limit));
        String stepFilter = "";
        if (!steps.isEmpty()) {
            stepFilter = " AND EXISTS (SELECT 1 FROM progress_update_step f WHERE f.update_id = p.id AND f.step IN (:steps))";
            params.put("steps", List.copyOf(steps));
        }
        return select("WHERE u.id IN (SELECT p.id FROM progress_update p WHERE p.workspace_id = :ws "
                + "AND p.created_at >= :from AND p.created_at < :to" + stepFilter
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit)", params);
    }

    /** How many updates {@link #latest} would find without a limit. */
    int count(String workspaceId, Instant from, Instant to, Collection<Integer> steps) {
        var spec = jdbc.sql("SELECT COUNT(*) FROM progress_update p WHERE p.workspace_id = :ws AND p.created_at >= :from "
                        + "AND p.created_at < :to" + (steps.isEmpty() ? ""
                        : " AND EXISTS (SELECT 1 FROM progress_update_step f WHERE f.update_id = p.id AND f.step IN (:steps))"))
                .param("ws", workspaceId).param("from", utc(from)).param("to", utc(to));
        if (!steps.isEmpty()) {
            spec = spec.param("steps", List.copyOf(steps));
        }
        return spec.query(Integer.class).single();
    }

    /** Per step, the time of its latest update in the workspace; steps never reported are absent. */
    Map<Integer, Instant> lastUpdatePerStep(String workspaceId) {
        Map<Integer, Instant> out = new HashMap<>();
        jdbc.sql("SELECT s.step, MAX(u.created_at) FROM progress_update u JOIN progress_update_step s "
                        + "ON s.update_id = u.id WHERE u.workspace_id = :ws GROUP BY s.step")
                .param("ws", workspaceId)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                });
        return out;
    }

    /** The times of the first and the latest update of a workspace; empty when it has none. */
    Optional<Span> span(String workspaceId) {
        Span span = jdbc.sql("SELECT MIN(created_at), MAX(created_at) FROM progress_update WHERE workspace_id = :ws")
                .param("ws", workspaceId)
                .query((rs, n) -> new Span(instant(rs, 1), instant(rs, 2)))
                .list().get(0);
        return span.first() == null ? Optional.empty() : Optional.of(span);
    }

    /** Every workspace with at least one update, sorted by id. */
    List<String> workspaces() {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM progress_update ORDER BY workspace_id").query(String.class).list();
    }

    /** Hands every update to {@code sink}, oldest first, without loading them all at once. */
    void forEach(Consumer<ProgressUpdate> sink) {
        Grouper grouper = new Grouper(sink);
        jdbc.sql("SELECT " + COLUMNS + " FROM progress_update u LEFT JOIN progress_update_step s ON s.update_id = u.id "
                        + "ORDER BY u.created_at, u.id, s.step")
                .query(grouper::row);
        grouper.flush();
    }

    private List<ProgressUpdate> select(String where, Map<String, ?> params) {
        List<ProgressUpdate> out = new ArrayList<>();
        Grouper grouper = new Grouper(out::add);
        jdbc.sql("SELECT " + COLUMNS + " FROM progress_update u LEFT JOIN progress_update_step s ON s.update_id = u.id "
                        + where + " ORDER BY u.created_at DESC, u.id DESC, s.step")
                .params(params)
                .query(grouper::row);
        grouper.flush();
        return out;
    }

    private long internalId(String publicId) {
        return jdbc.sql("SELECT id FROM progress_update WHERE public_id = :pid").param("pid", publicId)
                .query(Long.class).single();
    }

    private void writeSteps(long id, Collection<Integer> steps) {
        for (int step : steps) {
            jdbc.sql("INSERT INTO progress_update_step (update_id, step) VALUES (:id, :step)")
                    .param("id", id).param("step", step).update();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Folds the one-row-per-step join back into updates; rows of one update arrive together. */
    private static final class Grouper {
        private final Consumer<ProgressUpdate> sink;
        private long currentId = -1;
        private ResultRow current;
        private final SortedSet<Integer> steps = new TreeSet<>();

        Grouper(Consumer<ProgressUpdate> sink) {
            this.sink = sink;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            if (id != currentId) {
                flush();
                currentId = id;
                current = new ResultRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        rs.getObject(11, OffsetDateTime.class).toInstant(),
                        instant(rs, 12));
            }
            int step = rs.getInt(13);
            if (!rs.wasNull()) {
                steps.add(step);
            }
        }

        void flush() {
            if (current != null) {
                sink.accept(new ProgressUpdate(current.publicId, current.workspaceId, current.tenantId,
                        current.conversationId, current.channelId, current.authorId, current.text, current.link,
                        steps, current.confirmed, current.createdAt, current.editedAt));
                current = null;
                steps.clear();
                currentId = -1;
            }
        }

        private record ResultRow(String publicId, String workspaceId, String tenantId, String conversationId,
                                 String channelId, String authorId, String text, String link, boolean confirmed,
                                 Instant createdAt, Instant editedAt) {
        }
    }

    /**
     * An update to store.
     *
     * @param sourceActivityId the Teams activity id of the message or card submit that carried it
     */
    record NewUpdate(String workspaceId, String tenantId, String conversationId, String channelId,
                     String sourceActivityId, String authorId, String text, String link, SortedSet<Integer> steps,
                     boolean stepsConfirmed, Instant createdAt) {
    }

    /**
     * First and latest update time of a workspace (UTC).
     */
    record Span(Instant first, Instant last) {
    }

    /** An insert's result: the stored update and whether it already existed. */
    record Stored(ProgressUpdate update, boolean duplicate) {
    }
}
