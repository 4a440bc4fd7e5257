package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.TestDatabases;

/** One row per key on both databases, also when another replica inserts the same key between our two statements. */
class RowUpsertTest {

    private static final String UPDATE =
            "UPDATE known_user SET channel_user_id = :cu, updated_at = :now WHERE tenant_id = :t AND user_id = :u";
    private static final String INSERT =
            "INSERT INTO known_user (tenant_id, user_id, channel_user_id, updated_at) VALUES (:t, :u, :cu, :now)";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC);

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void write_newKeyThenSameKey_insertsOnceAndKeepsTheLatestValues(String name, DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);

        RowUpsert.write(jdbc, UPDATE, INSERT, s -> bind(s, "29:first"));
        RowUpsert.write(jdbc, UPDATE, INSERT, s -> bind(s, "29:second"));

        assertThat(channelUserIds(jdbc)).isEqualTo("29:second");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void write_anotherReplicaInsertsFirst_noErrorAndOurValuesWin(String name, DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        AtomicInteger statements = new AtomicInteger();

        RowUpsert.write(jdbc, UPDATE, INSERT, s -> {
            if (statements.getAndIncrement() == 1) {
                // between our UPDATE (no row yet) and our INSERT, another replica inserts the same user
                jdbc.sql(INSERT).param("t", "tenant-1").param("u", "user-anna").param("cu", "29:other")
                        .param("now", NOW).update();
            }
            return bind(s, "29:ours");
        });

        assertThat(statements).hasValue(3);
        assertThat(channelUserIds(jdbc)).isEqualTo("29:ours");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, String channelUserId) {
        return s.param("t", "tenant-1").param("u", "user-anna").param("cu", channelUserId).param("now", NOW);
    }

    /** Every stored channel user id of the test user, comma-separated (one row expected). */
    private static String channelUserIds(JdbcClient jdbc) {
        return String.join(",", jdbc.sql("SELECT channel_user_id FROM known_user WHERE tenant_id = 'tenant-1' AND user_id = 'user-anna'")
                .query(String.class).list());
    }
}
