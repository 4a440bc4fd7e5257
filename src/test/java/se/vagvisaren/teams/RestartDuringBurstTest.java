package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.vagvisaren.VagvisarenApplication;
import se.vagvisaren.testing.TeamsActivity;
import se.vagvisaren.testing.TestDatabases;

/**
 * The bot is restarted in the middle of a burst of deliveries, on one PostgreSQL database. The test plays
 * Teams: every message is delivered until it gets a 2xx (refused connections and 5xx are retried, as the
 * Bot Connector does), and every message the first instance acknowledged is delivered once more to the
 * second (a 200 lost on the way back). Every message must be answered exactly once.
 */
class RestartDuringBurstTest {

    private static final int MESSAGES = 240;
    private static final int SENDERS = 8;

    private final CountingConnector connector = new CountingConnector();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        connector.close();
    }

    private String start(String name, String jdbcUrl) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VagvisarenApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--spring.application.name=" + name);
        instances.add(context);
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/api/messages";
    }

    @Test
    void restartMidBurst_everyMessageAnsweredExactlyOnce_includingRedeliveriesOfAcknowledgedOnes() throws Exception {
        String db = TestDatabases.postgresUrl();
        AtomicReference<String> endpoint = new AtomicReference<>(start("first", db));
        List<TeamsActivity> messages = LoadMessages.personal("restart", MESSAGES, 40, connector.url());
        Map<String, String> acknowledgedBy = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();

        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                    TeamsActivity message = messages.get(i);
                    acknowledgedBy.put(message.id(), deliverUntilAccepted(endpoint, message));
                }
            }, "teams-" + s);
            sender.start();
            senders.add(sender);
        }
        awaitAtLeast(next, MESSAGES / 3);
        String first = endpoint.get();
        instances.get(0).close(); // graceful: running turns finish, new deliveries are refused
        endpoint.set(start("second", db));
        for (Thread sender : senders) {
            sender.join(Duration.ofMinutes(3).toMillis());
        }

        assertThat(acknowledgedBy).hasSize(MESSAGES);
        List<TeamsActivity> ackedByFirst = messages.stream().filter(m -> first.equals(acknowledgedBy.get(m.id()))).toList();
        assertThat(ackedByFirst).as("the restart fell in the middle of the burst").isNotEmpty().hasSizeLessThan(MESSAGES);

        // Teams never saw these 200s: it delivers them again, now to the second instance.
        for (TeamsActivity message : ackedByFirst) {
            assertThat(post(endpoint.get(), message)).as("redelivery of %s", message.id()).isEqualTo(200);
        }

        assertThat(messages).allSatisfy(message ->
                assertThat(connector.repliesTo(message.id())).as("replies to activity %s", message.id()).isEqualTo(1));
    }

    /** Delivers like the Bot Connector: again after a refused connection or a 5xx, until a 2xx; returns who took it. */
    private String deliverUntilAccepted(AtomicReference<String> endpoint, TeamsActivity message) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            String url = endpoint.get();
            int status = post(url, message);
            if (status >= 200 && status < 300) {
                return url;
            }
            if (status >= 400 && status < 500) {
                throw new AssertionError("Delivery of " + message.id() + " refused with " + status);
            }
            sleep(100); // the redelivery pause of a connector: paces the retries, waits for nothing in particular
        }
        throw new AssertionError("Delivery of " + message.id() + " never accepted");
    }

    private int post(String url, TeamsActivity message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // refused or cut off: the instance is stopping or not up yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int value) {
        org.awaitility.Awaitility.await("at least " + value + " deliveries").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(10)).until(() -> counter.get() >= value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
