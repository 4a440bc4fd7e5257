package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.vagvisaren.progress.UpcomingDeadlines;

/**
 * Gives the progress digest and the county-board overview a team's open shared deadlines. Personal
 * reminders ("påminn mig") are private and never appear there.
 */
@Component
@RequiredArgsConstructor
class DigestDeadlines implements UpcomingDeadlines {

    private final JdbcClient jdbc;

    @Override
    public List<UpcomingDeadline> between(String workspaceId, Instant from, Instant until) {
        return jdbc.sql("SELECT title, due_at FROM deadline WHERE workspace_id = :w AND status = 'OPEN' "
                        + "AND target = 'CONVERSATION' AND due_at >= :from AND due_at < :until ORDER BY due_at LIMIT 20")
                .param("w", workspaceId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new UpcomingDeadline(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }
}
