package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;
import se.vagvisaren.testing.TestDatabases;

/**
 * The bot on the embedded PostgreSQL, reached through a TCP proxy the test can cut, with short timeouts:
 * database outages, a failing and a hanging Bot Connector. Timeouts here are bounds that turn a hang
 * into a failure, not speed requirements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500",
        "spring.datasource.hikari.maximum-pool-size=6",
        "vagvisaren.teams.connector-timeout=1s",
        "vagvisaren.teams.connector-retries=2",
        "vagvisaren.teams.connector-retry-base=20ms",
        "vagvisaren.teams.inbound.turn-wait=3s",
        "vagvisaren.teams.inbound.max-concurrent-turns=8"})
@ActiveProfiles("test")
class FaultToleranceTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static PausableTcpProxy proxy;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgres server = TestDatabases.postgresServer();
        String name = "faults" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        proxy = new PausableTcpProxy(server.getPort());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name
                + "?connectTimeout=2&socketTimeout=10");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void closeProxy() throws IOException {
        proxy.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboundMessages outbound;

    @Autowired
    MeterRegistry meters;

    ConversationHarness harness;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() {
        proxy.restore();
        harness = new ConversationHarness(port);
        harness.connector().reset();
        // The knowledge index is built in the background at start and health is 503 ("loading") until it is done:
        // the tests below compare health during a fault with health before it.
        org.awaitility.Awaitility.await("healthy after the start").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> health() == 200);
    }

    private static TeamsActivity newUserSays(String text) {
        int n = USERS.incrementAndGet();
        return TeamsActivity.personal(text).conversationId("a:1Fault" + n)
                .from("29:1Fault" + n, UUID.randomUUID().toString(), "Person " + n);
    }

    private int health() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void databaseDownForTenSeconds_teamsIsToldToRetry_andEveryRedeliveryIsAnsweredOnce() throws Exception {
        assertThat(harness.send(newUserSays("hej")).status()).as("healthy before").isEqualTo(200);
        harness.connector().reset();
        List<TeamsActivity> refused = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();

        proxy.cut();
        long outageEnds = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int healthDuringOutage = health();
        while (System.nanoTime() < outageEnds) {
            TeamsActivity message = newUserSays("hej");
            statuses.add(harness.send(message).status());
            refused.add(message);
            Thread.sleep(500); // paces the messages over the outage (one every 0.5 s, as users would write): not a wait for a result
        }
        proxy.restore();
        awaitHealthy(); // the pool retries with a back-off of up to 5 s; Teams' redeliveries come later anyway

        assertThat(statuses).as("Teams redelivers on 503").isNotEmpty().containsOnly(503);
        assertThat(healthDuringOutage).as("health reports the outage").isEqualTo(503);
        assertThat(harness.connector().allActivities()).as("nothing answered during the outage").isEmpty();
        for (TeamsActivity redelivery : refused) {
            assertThat(harness.send(redelivery).status()).as("redelivery after recovery, no restart").isEqualTo(200);
        }
        for (TeamsActivity message : refused) {
            assertThat(harness.repliesIn(message.conversationId())).as("answered exactly once").hasSize(1);
            assertThat(jdbc.sql("SELECT status FROM conversation_reference WHERE conversation_id = :id")
                    .param("id", message.conversationId()).query(String.class).single()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void connectorAnswers500Twice_replyIsRetriedAndArrivesOnce() {
        TeamsActivity hello = newUserSays("hej");
        harness.connector().failSends("fault500", 500, 2, null);

        assertThat(harness.send(hello).status()).isEqualTo(200);

        assertThat(harness.connector().sentActivities()).as("two failures, then delivered").hasSize(3);
        assertThat(harness.repliesIn(hello.conversationId())).hasSize(3);
        assertThat(harness.connector().server().getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 201).count()).isEqualTo(1);
    }

    @Test
    void hangingConnector_requestsEndWithinTheirBounds_healthStaysUp_andBackgroundTurnsFinish() throws Exception {
        harness.connector().server().stubFor(post(urlMatching("/v3/conversations/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3_000).withBody("{\"id\":\"1\"}")));
        ExecutorService teams = Executors.newFixedThreadPool(30);
        List<Future<Integer>> deliveries = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                TeamsActivity message = newUserSays("hej");
                deliveries.add(teams.submit(() -> harness.send(message).status()));
            }
            org.awaitility.Awaitility.await("turns waiting on the hanging connector").atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("vagvisaren.turns.active").gauge().value() > 0);

            assertThat(health()).as("request threads left for health checks").isEqualTo(200);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> delivery : deliveries) {
                statuses.add(delivery.get(20, TimeUnit.SECONDS));
            }
            // 200/202: answered or still finishing in the background; 503: over the turn limit, Teams redelivers.
            assertThat(statuses).doesNotContain(500).allMatch(s -> s == 200 || s == 202 || s == 503);
            assertThat(statuses).as("the turn limit refused some instead of queueing them").contains(503);
        } finally {
            teams.shutdownNow();
        }
        harness.connector().reset();
        TeamsActivity afterwards = newUserSays("hej");
        awaitNoActiveTurns();
        assertThat(harness.send(afterwards).status()).isEqualTo(200);
        assertThat(harness.repliesIn(afterwards.conversationId())).hasSize(1);
    }

    @Test
    void hangingConnector_proactiveSendGivesUpAndIsRecorded() {
        TeamsActivity hello = newUserSays("hej");
        harness.send(hello);
        harness.connector().server().stubFor(post(urlMatching("/v3/conversations/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3_000).withBody("{\"id\":\"1\"}")));

        DeliveryResult result = outbound.send(new ConversationKey(TeamsActivity.TENANT, hello.conversationId()),
                Reply.text("Påminnelse"));

        // Without the 1 s read timeout the stub would answer after 3 s and this would be DELIVERED.
        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED_RETRYABLE);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM delivery_failure WHERE conversation_id = :id")
                .param("id", hello.conversationId()).query(String.class).list()).containsExactly("FAILED_RETRYABLE");
    }

    private void awaitHealthy() {
        org.awaitility.Awaitility.await("database back after the outage").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).until(() -> health() == 200);
    }

    /** Turns left running by the hanging-connector test end once their sends time out. */
    private void awaitNoActiveTurns() {
        org.awaitility.Awaitility.await("no turns running").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> meters.get("vagvisaren.turns.active").gauge().value() == 0);
    }
}
