package se.vagvisaren.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * WireMock playing the Teams Bot Connector for all tests in this JVM: accepts replies
 * ({@code POST /v3/conversations/{id}/activities[/{replyToId}]}) and conversation creation, records them,
 * and can be told to fail. Conversation ids contain {@code : ; @}, so requests are matched on the decoded path.
 */
public final class ConnectorStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConnectorStub instance;

    private final WireMockServer server;

    private ConnectorStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).jettyAcceptors(2));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        defaults();
    }

    /** The JVM-wide stub, started on first use. */
    public static synchronized ConnectorStub get() {
        if (instance == null) {
            instance = new ConnectorStub();
        }
        return instance;
    }

    /** Base URL to use as the activities' {@code serviceUrl}. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    public WireMockServer server() {
        return server;
    }

    /** Forgets recorded requests and custom failures; every send succeeds again. */
    public void reset() {
        server.resetAll();
        defaults();
    }

    private void defaults() {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        server.stubFor(post(urlPathMatching("/v3/conversations/.+/activities.*")).atPriority(5)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1732600000000\"}")));
        server.stubFor(post(urlPathMatching("/v3/conversations/?")).atPriority(5)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"a:1NewPersonalChat\",\"activityId\":\"1732600000001\"}")));
    }

    /**
     * Makes sends to one conversation fail {@code times} times with {@code status} (and an optional
     * {@code Retry-After} in seconds) before succeeding again.
     */
    public void failSends(String conversationIdRegexSafe, int status, int times, Integer retryAfterSeconds) {
        String scenario = "fail-" + status + "-" + conversationIdRegexSafe.hashCode();
        for (int i = 0; i < times; i++) {
            var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"Throttled\",\"message\":\"stub\"}}");
            if (retryAfterSeconds != null) {
                response = response.withHeader("Retry-After", retryAfterSeconds.toString());
            }
            server.stubFor(post(urlMatching("/v3/conversations/.*activities.*")).atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(response));
        }
    }

    /** Makes every send answer {@code status} until {@link #reset()}. */
    public void failAllSends(int status) {
        server.stubFor(post(urlMatching("/v3/conversations/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"stub\"}}")));
    }

    /** Activities the bot sent into one conversation, oldest first. */
    public List<JsonNode> activitiesTo(String conversationId) {
        String marker = "/v3/conversations/" + conversationId + "/activities";
        return sentActivities().stream().filter(r -> decodedPath(r).startsWith(marker)).map(ConnectorStub::body).toList();
    }

    /** Activities the stub accepted (2xx) into one conversation, oldest first: what its members would see. */
    public List<JsonNode> deliveredTo(String conversationId) {
        String marker = "/v3/conversations/" + conversationId + "/activities";
        return eventsOldestFirst().stream()
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .map(e -> e.getRequest())
                .filter(r -> "POST".equals(r.getMethod().getName()) && decodedPath(r).startsWith(marker))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(ConnectorStub::body)
                .toList();
    }

    /** Every activity the bot sent, oldest first. */
    public List<JsonNode> allActivities() {
        return sentActivities().stream().map(ConnectorStub::body).toList();
    }

    /** Every request that tried to send an activity, including failed ones, oldest first. */
    public List<LoggedRequest> sentActivities() {
        return eventsOldestFirst().stream()
                .map(e -> e.getRequest())
                .filter(r -> "POST".equals(r.getMethod().getName()) && decodedPath(r).contains("/activities"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /**
     * WireMock lists serve events newest first and logs times to the millisecond; reversed before the
     * stable sort by time, two sends within one millisecond keep their arrival order (the bot's text
     * before its card, not the other way round).
     */
    private List<ServeEvent> eventsOldestFirst() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /** The request's path and query with percent-escapes decoded (conversation ids contain ':' and ';'). */
    public static String decodedPath(LoggedRequest request) {
        return URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8);
    }

    /** The request's JSON body. */
    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
