package se.vagvisaren.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Talks to the running bot like Teams does: POSTs activities to {@code /api/messages} and reads what
 * the bot sent back at the {@link ConnectorStub}. Tests read like conversations:
 * {@code harness.send(TeamsActivity.channel("hjälp"))} then {@code harness.repliesIn(conversation)}.
 */
public final class ConversationHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String endpoint;
    private final ConnectorStub connector;

    public ConversationHarness(int port) {
        this.endpoint = "http://127.0.0.1:" + port + "/api/messages";
        this.connector = ConnectorStub.get();
    }

    public ConnectorStub connector() {
        return connector;
    }

    /** Sends one activity without authentication (local mode) and returns the HTTP exchange. */
    public Exchange send(TeamsActivity activity) {
        return post(activity.toString(), null);
    }

    /** Sends any body with an optional Authorization header. */
    public Exchange post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Activities the bot sent into a conversation so far, oldest first. */
    public List<JsonNode> repliesIn(String conversationId) {
        return connector.activitiesTo(conversationId);
    }

    /** The texts (or card summaries) the bot sent into a conversation, oldest first. */
    public List<String> textsIn(String conversationId) {
        return repliesIn(conversationId).stream().map(ConversationHarness::visibleText).toList();
    }

    /** Text of a sent activity: its Markdown text, else the concatenated TextBlocks of its card. */
    public static String visibleText(JsonNode activity) {
        StringBuilder out = new StringBuilder(activity.path("text").asText(""));
        for (JsonNode attachment : activity.path("attachments")) {
            collectText(attachment.path("content"), out);
        }
        return out.toString();
    }

    private static void collectText(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            if (node.has("text") && node.get("text").isTextual()) {
                out.append('\n').append(node.get("text").asText());
            }
            if (node.has("title") && node.get("title").isTextual()) {
                out.append('\n').append(node.get("title").asText());
            }
            node.forEach(child -> collectText(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectText(child, out));
        }
    }

    /** One HTTP exchange with the bot endpoint. */
    public record Exchange(int status, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
