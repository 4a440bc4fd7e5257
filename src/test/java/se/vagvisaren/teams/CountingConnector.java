package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock Bot Connector for load runs: no request journal, logging, templating or gzip, so the stub costs as little
 * CPU as possible on the shared machine, and a listener that counts replies per replied-to activity id
 * (the last path segment of {@code POST /v3/conversations/{id}/activities/{replyToId}}).
 */
final class CountingConnector implements ServeEventListener, AutoCloseable {

    private final Map<String, AtomicInteger> replies = new ConcurrentHashMap<>();
    private final WireMockServer server;

    CountingConnector() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .disableRequestJournal().stubRequestLoggingDisabled(true).templatingEnabled(false)
                .extensionScanningEnabled(false).gzipDisabled(true).http2PlainDisabled(true)
                .containerThreads(24).jettyAcceptors(1).extensions(this));
        server.start();
        server.stubFor(post(urlPathMatching("/v3/conversations/.+/activities.*"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1732600000000\"}")));
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** Replies per activity id so far. */
    int repliesTo(String activityId) {
        AtomicInteger count = replies.get(activityId);
        return count == null ? 0 : count.get();
    }

    void reset() {
        replies.clear();
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        String path = URLDecoder.decode(serveEvent.getRequest().getUrl(), StandardCharsets.UTF_8);
        int marker = path.indexOf("/activities/");
        if (marker >= 0 && serveEvent.getResponse().getStatus() < 300) {
            replies.computeIfAbsent(path.substring(marker + "/activities/".length()), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public String getName() {
        return "counting-connector";
    }

    @Override
    public void close() {
        server.stop();
    }
}
