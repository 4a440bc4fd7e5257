package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.VagvisarenApplication;

/**
 * An installed bot is upgraded: its database has every migration of the previous release, including the
 * highest-numbered ones, but not a migration added since in a lower feature range. The new release must
 * start on it and apply that migration (Flyway refuses by default: "resolved migration not applied").
 */
class DatabaseUpgradeTest {

    /** Added after the previous release, numbered below migrations that release already applied. */
    private static final String NEW_IN_THIS_RELEASE = "V21__reflection_results_pending.sql";

    @TempDir
    Path dir;

    @Test
    void databaseOfThePreviousRelease_newMigrationInALowerRange_isAppliedAtStartUp() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path previousRelease = Files.createDirectories(dir.resolve("previous-release"));
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                if (!migration.getFileName().toString().equals(NEW_IN_THIS_RELEASE)) {
                    Files.copy(migration, previousRelease.resolve(migration.getFileName()));
                }
            }
        }
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + previousRelease).load().migrate();

        try (ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(VagvisarenApplication.class)
                .profiles("test").run("--server.port=0", "--spring.datasource.url=" + url)) {
            JdbcClient jdbc = upgraded.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '21' AND success")
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'reflection_session' "
                    + "AND column_name = 'results_pending'").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
