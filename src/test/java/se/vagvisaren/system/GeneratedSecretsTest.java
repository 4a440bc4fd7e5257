package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 20: a generated secret is made once per database and read back after a restart. */
class GeneratedSecretsTest {

    @TempDir
    Path data;

    static DataSource h2File(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).outOfOrder(true).load().migrate();
        return ds;
    }

    private static GeneratedSecrets secrets(DataSource ds) {
        return new GeneratedSecrets(JdbcClient.create(ds), Clock.systemUTC());
    }

    @Test
    void getOrCreate_sameDatabaseReopened_returnsTheSameSecret() {
        Path file = data.resolve("bot");
        byte[] before = secrets(h2File(file)).getOrCreate(GeneratedSecrets.LINKS);

        byte[] after = secrets(h2File(file)).getOrCreate(GeneratedSecrets.LINKS);

        assertThat(before).hasSize(32).isEqualTo(after);
    }

    @Test
    void getOrCreate_otherDatabaseOrOtherName_returnsAnotherSecret() {
        byte[] one = secrets(h2File(data.resolve("a"))).getOrCreate(GeneratedSecrets.LINKS);
        GeneratedSecrets other = secrets(h2File(data.resolve("b")));

        assertThat(other.getOrCreate(GeneratedSecrets.LINKS)).isNotEqualTo(one);
        assertThat(other.getOrCreate("another-purpose")).isNotEqualTo(other.getOrCreate(GeneratedSecrets.LINKS));
    }

    @Test
    void getOrCreate_twoInstancesOnOneDatabase_agreeOnOneSecret() {
        DataSource ds = h2File(data.resolve("shared"));
        GeneratedSecrets first = secrets(ds);
        GeneratedSecrets second = secrets(ds);

        assertThat(first.getOrCreate(GeneratedSecrets.LINKS)).isEqualTo(second.getOrCreate(GeneratedSecrets.LINKS));
        assertThat(JdbcClient.create(ds).sql("SELECT COUNT(*) FROM generated_secret").query(Integer.class).single()).isOne();
    }
}
