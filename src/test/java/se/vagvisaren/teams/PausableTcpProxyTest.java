package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TestDatabases;

class PausableTcpProxyTest {

    private static int selectOne(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void cutAndRestore_refusesThenServesAgain() throws Exception {
        EmbeddedPostgres server = TestDatabases.postgresServer();
        try (PausableTcpProxy proxy = new PausableTcpProxy(server.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?connectTimeout=2";
            assertThat(selectOne(url)).isEqualTo(1);
            try (Connection open = DriverManager.getConnection(url, "postgres", "")) {
                proxy.cut();

                assertThatThrownBy(() -> open.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> selectOne(url)).isInstanceOf(SQLException.class);
            }
            proxy.restore();

            assertThat(selectOne(url)).isEqualTo(1);
        }
    }
}
