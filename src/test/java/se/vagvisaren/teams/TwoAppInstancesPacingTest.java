package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.vagvisaren.VagvisarenApplication;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.testing.TeamsActivity;
import se.vagvisaren.testing.TestDatabases;

/**
 * The whole application twice on one PostgreSQL, as two replicas: both send proactive messages to one channel
 * at once through their {@link OutboundMessages}, and the connector sees Teams' windows kept and each message once.
 */
class TwoAppInstancesPacingTest {

    private static final Pattern MARK = Pattern.compile("#(\\w+-\\d+)#");
    private static final int PER_INSTANCE = 8;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> perMessage = new ConcurrentHashMap<>();
    private final WireMockServer connector = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").disableRequestJournal().stubRequestLoggingDisabled(true)
            .extensionScanningEnabled(false).extensions(new ServeEventListener() {
                @Override
                public void beforeMatch(ServeEvent event, Parameters parameters) {
                    Matcher mark = MARK.matcher(event.getRequest().getBodyAsString());
                    if (mark.find()) {
                        arrivals.add(System.nanoTime());
                        perMessage.merge(mark.group(1), 1, Integer::sum);
                    }
                }

                @Override
                public String getName() {
                    return "proactive-arrivals";
                }
            }));

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        connector.stop();
    }

    private ConfigurableApplicationContext start(String name, String jdbcUrl) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VagvisarenApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--spring.application.name=" + name);
        instances.add(context);
        return context;
    }

    @Test
    void twoInstances_sendToOneChannelAtOnce_keepTeamsWindowsAndSendEachOnce() throws Exception {
        connector.start();
        connector.stubFor(post(urlPathMatching("/v3/conversations/.+/activities.*"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\"}")));
        String db = TestDatabases.postgresUrl();
        ConfigurableApplicationContext one = start("one", db);
        ConfigurableApplicationContext two = start("two", db);
        assertThat(one.getBean(OutboundPacing.class)).isInstanceOf(SharedConversationPacer.class);

        TeamsActivity hello = TeamsActivity.channel("hej").serviceUrl("http://127.0.0.1:" + connector.port() + "/");
        int port = ((WebServerApplicationContext) one).getWebServer().getPort();
        HttpResponse<Void> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(hello.toString())).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(accepted.statusCode()).isBetween(200, 299);
        ConversationKey channel = new ConversationKey(TeamsActivity.TENANT, hello.conversationId());

        List<DeliveryResult> results = new CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(one, two)) {
            OutboundMessages outbound = instance.getBean(OutboundMessages.class);
            String name = instance.getEnvironment().getProperty("spring.application.name");
            Thread sender = new Thread(() -> {
                for (int i = 0; i < PER_INSTANCE; i++) {
                    results.add(outbound.send(channel, Reply.text("Påminnelse #" + name + "-" + i + "#")));
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join(60_000);
        }

        assertThat(results).hasSize(2 * PER_INSTANCE)
                .allSatisfy(result -> assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED));
        assertThat(perMessage).hasSize(2 * PER_INSTANCE).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        List<Long> sorted = arrivals.stream().sorted().toList();
        assertWithinLimit(sorted, 7, Duration.ofSeconds(1));
        assertWithinLimit(sorted, 8, Duration.ofSeconds(2));
    }

    private static void assertWithinLimit(List<Long> arrivals, int limit, Duration window) {
        for (int i = limit; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - limit))
                    .as("arrivals %d and %d at least %s apart", i - limit, i, window).isGreaterThanOrEqualTo(window.toNanos());
        }
    }
}
