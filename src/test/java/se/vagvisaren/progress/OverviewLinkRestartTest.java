package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.system.GeneratedSecrets;
import se.vagvisaren.testing.TestSecrets;

/**
 * Issue 20: without {@code VAGVISAREN_LINK_SECRET} an overview link used to be signed with a key that lived
 * only as long as the process. Now the key is kept in the database: a link from before a restart (a new
 * key store on the same H2 file) still opens the page.
 */
class OverviewLinkRestartTest {

    @TempDir
    Path data;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private OverviewLinks startOn(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).outOfOrder(true).load().migrate();
        return new OverviewLinks(ProgressFixtures.properties(), clock,
                TestSecrets.generated(new GeneratedSecrets(JdbcClient.create(ds), clock)));
    }

    @Test
    void token_noConfiguredSecret_isStillValidAfterRestart() {
        String token = startOn(data.resolve("bot")).token("county-officer");

        OverviewLinks afterRestart = startOn(data.resolve("bot"));

        assertThat(afterRestart.verify(token)).contains(afterRestart.holder("county-officer"));
        assertThat(startOn(data.resolve("another-install")).verify(token)).isEmpty();
    }
}
