package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.deployment.RepositoryFiles.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deployment/docker: the image recipe and the compose file, checked without Docker. */
class DockerfileTest {

    final Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.text(deployment("docker/Dockerfile")));

    @Test
    void stages_buildOnJdk25WithMavenAndRunOnJre25() {
        List<Dockerfile.Stage> stages = dockerfile.stages();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.get(0).image()).matches("maven:3\\.9[^:]*-eclipse-temurin-25");
        assertThat(stages.get(0).name()).isEqualTo("build");
        assertThat(stages.get(stages.size() - 1).image()).isEqualTo("eclipse-temurin:25-jre");
    }

    @Test
    void runtimeStage_runsAsNumericNonRootUser() {
        List<Dockerfile.Instruction> users = dockerfile.in(dockerfile.lastStage(), "USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).arguments();
        assertThat(user).matches("[1-9][0-9]{3,}(:[1-9][0-9]{3,})?");
        assertThat(user.split(":")[0]).isEqualTo(KubernetesManifestsTest.RUN_AS_USER);
    }

    @Test
    void runtimeStage_healthcheckProbesActuatorHealthOnPort3978() {
        List<Dockerfile.Instruction> checks = dockerfile.in(dockerfile.lastStage(), "HEALTHCHECK");
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).arguments()).contains("/actuator/health").contains("3978").contains("CMD");
        assertThat(dockerfile.in(dockerfile.lastStage(), "EXPOSE")).extracting(Dockerfile.Instruction::arguments)
                .containsExactly("3978");
    }

    @Test
    void build_extractsLayersAndRuntimeCopiesThemInOrder() {
        assertThat(dockerfile.in(0, "RUN")).extracting(Dockerfile.Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("-Djarmode=tools").contains("extract --layers"));
        List<String> copies = dockerfile.in(dockerfile.lastStage(), "COPY").stream()
                .map(Dockerfile.Instruction::arguments)
                .filter(arguments -> arguments.startsWith("--from=build"))
                .toList();
        assertThat(copies).hasSize(4);
        assertThat(copies.get(0)).contains("/dependencies/");
        assertThat(copies.get(1)).contains("/spring-boot-loader/");
        assertThat(copies.get(2)).contains("/snapshot-dependencies/");
        assertThat(copies.get(3)).contains("/application/");
        List<Dockerfile.Instruction> entrypoints = dockerfile.in(dockerfile.lastStage(), "ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        assertThat(entrypoints.get(0).arguments())
                .isEqualTo("[\"java\", \"@/app/jvm.options\", \"@/app/archive.options\", \"-jar\", \"/app/vagvisaren.jar\"]");
    }

    /** The overview tab needs Microsoft's Teams JavaScript library: the image fetches it (pinned) and the bot serves it. */
    @Test
    void runtime_shipsTheTeamsLibraryWhereTheBotServesIt() {
        assertThat(dockerfile.stages()).anySatisfy(stage -> assertThat(stage.name()).isEqualTo("teams-js"));
        assertThat(dockerfile.in(dockerfile.lastStage(), "COPY")).extracting(Dockerfile.Instruction::arguments)
                .contains("--from=teams-js /teams-js/ /app/teams-js/");
        assertThat(dockerfile.in(dockerfile.lastStage(), "ENV")).extracting(Dockerfile.Instruction::arguments)
                .anySatisfy(env -> assertThat(env).contains("VAGVISAREN_TEAMSJS_DIR=/app/teams-js"));
    }

    /** The image starts the way docs/benchmarks/startup.sh measures: the shared JVM options and a class-data archive. */
    @Test
    void runtime_recordsAClassDataArchiveForWhicheverJavaItHas() {
        assertThat(dockerfile.in(dockerfile.lastStage(), "COPY")).extracting(Dockerfile.Instruction::arguments)
                .contains("deployment/jvm.options /app/jvm.options");
        assertThat(dockerfile.in(dockerfile.lastStage(), "RUN")).extracting(Dockerfile.Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("-Dspring.context.exit=onRefresh")
                        .contains("-XX:ArchiveClassesAtExit=").contains("-XX:SharedArchiveFile=")
                        .contains("-XX:AOTCacheOutput=").contains("-XX:AOTCache=").contains("jdbc:h2:mem:")
                        .contains("/app/archive.options"));
    }

    @Test
    void dockerfile_holdsNoSecretsInEnvOrArg() {
        dockerfile.instructions().stream()
                .filter(i -> i.keyword().equals("ENV") || i.keyword().equals("ARG"))
                .forEach(i -> assertThat(i.arguments()).doesNotContainIgnoringCase("password")
                        .doesNotContainIgnoringCase("secret"));
    }

    @Test
    void dockerignore_allowsOnlyBuildInputs() {
        List<String> lines = RepositoryFiles.text(deployment("docker/Dockerfile.dockerignore")).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(lines.get(0)).isEqualTo("*");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("!"))
                .contains("!pom.xml", "!src/main/")
                .noneSatisfy(line -> assertThat(line).containsAnyOf("target", "data", ".env", "src/test"));
    }

    // The health check's shell command, run as Docker would (sh -c), against a loopback stand-in.

    @Test
    void healthcheckCommand_serviceUp_exitsZero() throws Exception {
        HttpServer server = healthServer("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        try {
            assertThat(runHealthcheck(server.getAddress().getPort())).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void healthcheckCommand_serviceDown_exitsNonZero() throws Exception {
        HttpServer server = healthServer("{\"status\":\"DOWN\"}");
        try {
            assertThat(runHealthcheck(server.getAddress().getPort())).isNotZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void healthcheckCommand_nothingListening_exitsNonZero() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(runHealthcheck(port)).isNotZero();
    }

    @Test
    void compose_runsBotAgainstPostgres16WithRequiredPassword() {
        JsonNode compose = RepositoryFiles.yamlDocuments(deployment("docker/compose.yaml")).get(0);
        JsonNode postgres = compose.path("services").path("postgres");
        JsonNode bot = compose.path("services").path("vagvisaren");
        assertThat(postgres.path("image").asText()).startsWith("postgres:16");
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
        JsonNode env = bot.path("environment");
        assertThat(env.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");
        assertThat(env.path("VAGVISAREN_DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/vagvisaren");
        assertThat(env.path("VAGVISAREN_DB_USER").asText()).startsWith("${VAGVISAREN_DB_USER");
        assertThat(env.path("VAGVISAREN_DB_PASSWORD").asText()).startsWith("${VAGVISAREN_DB_PASSWORD:?");
        assertThat(postgres.path("environment").path("POSTGRES_PASSWORD").asText()).startsWith("${VAGVISAREN_DB_PASSWORD:?");
        assertThat(bot.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(bot.path("build").path("dockerfile").asText()).isEqualTo("deployment/docker/Dockerfile");
        assertThat(bot.path("read_only").asBoolean()).isTrue();
        assertThat(bot.path("ports").get(0).asText()).startsWith("127.0.0.1:");
    }

    private int runHealthcheck(int port) throws IOException, InterruptedException {
        String arguments = dockerfile.in(dockerfile.lastStage(), "HEALTHCHECK").get(0).arguments();
        String command = arguments.substring(arguments.indexOf("CMD ") + 4);
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command);
        builder.environment().remove("MANAGEMENT_SERVER_PORT");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("health check command hung");
        }
        return process.exitValue();
    }

    private static HttpServer healthServer(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.contains("UP") ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
