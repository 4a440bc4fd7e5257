package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start whose PostgreSQL cannot be reached ends at once with one clear line and a non-zero exit code (issue 18):
 * the real application in a JVM of its own, pointed at a loopback port where nothing listens.
 */
class DatabaseUnreachableStartTest {

    @TempDir
    Path work;

    @Test
    void postgresNotListening_oneClearLine_noStackTrace_noPassword_exitCodeNotZero() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free now, and nothing listens once it is closed
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/vagvisaren?user=bot&password=s3cret-in-url";
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "se.vagvisaren.VagvisarenApplication",
                "--server.port=0", "--spring.profiles.active=postgres",
                "--vagvisaren.nlu.model-cache-dir=" + work.resolve("nlu"))
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        builder.environment().put("VAGVISAREN_DB_URL", url);
        builder.environment().put("VAGVISAREN_DB_PASSWORD", "s3cret-in-env");
        Process process = builder.start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start gave up by itself").isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cannot connect to the database jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/vagvisaren?user=***&password=***: Connection to 127.0.0.1:" + closedPort + " refused")
                .contains("VAGVISAREN_DB_URL")
                .doesNotContain("s3cret")
                .doesNotContainPattern("(?m)^\\s+at (org|com|java)\\.");
    }

    @Test
    void credentialsInTheUrl_areNotShown() {
        for (List<String> urlAndShown : List.of(
                List.of("jdbc:postgresql://bot:pw@db.kommun.se:5432/vagvisaren", "jdbc:postgresql://***@db.kommun.se:5432/vagvisaren"),
                List.of("jdbc:postgresql://db:5432/v?ssl=true&PASSWORD=x&user=y", "jdbc:postgresql://db:5432/v?ssl=true&PASSWORD=***&user=***"),
                List.of("jdbc:h2:file:./data/vagvisaren;MODE=PostgreSQL;PASSWORD=a$1", "jdbc:h2:file:./data/vagvisaren;MODE=PostgreSQL;PASSWORD=***"),
                List.of("jdbc:postgresql://localhost:5432/vagvisaren", "jdbc:postgresql://localhost:5432/vagvisaren"))) {
            assertThat(DatabaseUnreachableFailureAnalyzer.withoutCredentials(urlAndShown.get(0))).isEqualTo(urlAndShown.get(1));
        }
    }
}
