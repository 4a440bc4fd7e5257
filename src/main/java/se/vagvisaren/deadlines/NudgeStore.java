package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The nudges of each deadline and their delivery state. */
@Repository
@RequiredArgsConstructor
class NudgeStore {

    private static final String COLUMNS = "id, deadline_id, kind, lead_time, occurrence, planned_at, status, attempts";

    private final JdbcClient jdbc;

    long insert(long deadlineId, PlannedNudge nudge, LocalDate occurrence) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO deadline_nudge (deadline_id, kind, lead_time, occurrence, planned_at, status, attempts) "
                        + "VALUES (:d, :kind, :lead, :occ, :at, 'PLANNED', 0)")
                .param("d", deadlineId).param("kind", nudge.kind().name())
                .param("lead", nudge.lead() == null ? null : nudge.lead().spec()).param("occ", occurrence)
                .param("at", DeadlineStore.utc(nudge.at()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Nudge> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline_nudge WHERE id = :id").param("id", id)
                .query((rs, n) -> new Nudge(rs.getLong(1), rs.getLong(2), NudgeKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        Nudge.Status.valueOf(rs.getString(7)), rs.getInt(8)))
                .optional();
    }

    /**
     * Takes a nudge for sending. Succeeds for exactly one caller while it is planned or waiting for a retry;
     * a claim older than {@code staleBefore} (its sender died mid-way) may be taken over.
     */
    boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE deadline_nudge SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1 "
                        + "WHERE id = :id AND (status IN ('PLANNED', 'RETRY') OR (status = 'SENDING' AND claimed_at < :stale))")
                .param("now", DeadlineStore.utc(now)).param("id", id)
                .param("stale", DeadlineStore.utc(staleBefore)).update() == 1;
    }

    void finish(long id, Nudge.Status status, String detail, Instant now) {
        jdbc.sql("UPDATE deadline_nudge SET status = :s, detail = :detail, sent_at = :now WHERE id = :id")
                .param("s", status.name()).param("detail", detail).param("now", DeadlineStore.utc(now))
                .param("id", id).update();
    }

    void retryAt(long id, Instant at, String detail) {
        jdbc.sql("UPDATE deadline_nudge SET status = 'RETRY', planned_at = :at, detail = :detail WHERE id = :id AND status = 'SENDING'")
                .param("at", DeadlineStore.utc(at)).param("detail", detail).param("id", id).update();
    }

    /** Cancels the nudges of a deadline not yet sent, optionally only one kind; returns their ids. */
    List<Long> cancelPending(long deadlineId, NudgeKind onlyKind) {
        String kindFilter = onlyKind == null ? "" : " AND kind = :kind";
        var select = jdbc.sql("SELECT id FROM deadline_nudge WHERE deadline_id = :d AND status IN ('PLANNED', 'RETRY')" + kindFilter)
                .param("d", deadlineId);
        var update = jdbc.sql("UPDATE deadline_nudge SET status = 'CANCELLED' WHERE deadline_id = :d "
                + "AND status IN ('PLANNED', 'RETRY')" + kindFilter).param("d", deadlineId);
        if (onlyKind != null) {
            select = select.param("kind", onlyKind.name());
            update = update.param("kind", onlyKind.name());
        }
        List<Long> ids = select.query(Long.class).list();
        update.update();
        return ids;
    }

    /** The next nudge still to go out for a deadline, if any. */
    Optional<Instant> next(long deadlineId) {
        return jdbc.sql("SELECT planned_at FROM deadline_nudge WHERE deadline_id = :d AND status IN ('PLANNED', 'RETRY') "
                        + "ORDER BY planned_at LIMIT 1")
                .param("d", deadlineId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }
}
