package se.vagvisaren.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for repository tests: a fresh in-memory H2 (PostgreSQL mode, as in production
 * defaults) or a fresh database on one embedded PostgreSQL server shared by the JVM. Both come
 * migrated with the project's Flyway scripts.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new, migrated in-memory H2 database. */
    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        migrate(ds);
        return ds;
    }

    /** A new, migrated database on the embedded PostgreSQL server (started on first use). */
    public static DataSource postgres() {
        String name = createPostgresDatabase();
        DataSource ds = postgresServer().getDatabase("postgres", name);
        migrate(ds);
        return ds;
    }

    /** The JDBC URL of a new, empty database on the embedded PostgreSQL server, for whole app instances (they migrate it). */
    public static String postgresUrl() {
        return postgresServer().getJdbcUrl("postgres", createPostgresDatabase());
    }

    private static String createPostgresDatabase() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgresServer().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database", e);
        }
        return name;
    }

    /** The shared embedded PostgreSQL server, for tests that need a JDBC URL (e.g. two app instances). */
    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }
}
