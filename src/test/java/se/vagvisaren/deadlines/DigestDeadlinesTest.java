package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.progress.UpcomingDeadlines.UpcomingDeadline;
import se.vagvisaren.testing.TestDatabases;

/** The digest sees a team's open shared deadlines in the window, never personal or closed ones. */
class DigestDeadlinesTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    private static void insert(JdbcClient jdbc, String workspace, String title, String target, String status, Instant due) {
        OffsetDateTime at = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO deadline (workspace_id, tenant_id, conversation_id, scope, target, owner_id, title, due_date,
                  due_time, zone_id, due_at, lead_times, anchor_day, status, created_at, updated_at)
                VALUES (:w, 't', 'c', 'CHANNEL', :target, 'anna', :title, :d, NULL, 'Europe/Stockholm', :at, '7d,1d,0', 1,
                  :status, :at, :at)""")
                .param("w", workspace).param("target", target).param("title", title)
                .param("d", at.toLocalDate()).param("at", at).param("status", status).update();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void between_returnsOpenSharedDeadlinesInWindow_soonestFirst(String name, DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        Instant monday = Instant.parse("2026-11-30T07:00:00Z");
        insert(jdbc, "team-1", "Åtgärdsplanen", "CONVERSATION", "OPEN", monday.plusSeconds(86_400 * 5));
        insert(jdbc, "team-1", "Lägesbilden", "CONVERSATION", "OPEN", monday.plusSeconds(86_400 * 2));
        insert(jdbc, "team-1", "Min egen påminnelse", "PERSON", "OPEN", monday.plusSeconds(86_400));
        insert(jdbc, "team-1", "Redan klar", "CONVERSATION", "DONE", monday.plusSeconds(86_400));
        insert(jdbc, "team-1", "Långt bort", "CONVERSATION", "OPEN", monday.plusSeconds(86_400 * 40));
        insert(jdbc, "team-2", "Annat team", "CONVERSATION", "OPEN", monday.plusSeconds(86_400));

        var upcoming = new DigestDeadlines(jdbc).between("team-1", monday, monday.plusSeconds(86_400 * 14));

        assertThat(upcoming).extracting(UpcomingDeadline::title).containsExactly("Lägesbilden", "Åtgärdsplanen");
    }
}
