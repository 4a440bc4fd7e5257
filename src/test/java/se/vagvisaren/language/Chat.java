package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * One person talking to the bot in one conversation through {@code /api/messages}, as Teams would: text
 * messages, and presses on the buttons of the cards the bot really sent (inputs filled with their shown
 * values, as a user who accepts the defaults would). Everything the bot showed is collected, toasts included.
 */
final class Chat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationHarness harness;
    private final String conversationId;
    private final boolean channel;
    private final String locale;
    private final String[] person;
    private final List<String> toasts = new ArrayList<>();

    private Chat(ConversationHarness harness, String conversationId, boolean channel, String locale, String... person) {
        this.harness = harness;
        this.conversationId = conversationId;
        this.channel = channel;
        this.locale = locale;
        this.person = person;
    }

    /** Any person in a 1:1 chat ({@code channel = false}) or a team channel. */
    static Chat of(ConversationHarness harness, String conversationId, boolean channel, String locale,
                   String teamsUserId, String aadObjectId, String name) {
        return new Chat(harness, conversationId, channel, locale, teamsUserId, aadObjectId, name);
    }

    /**
     * A 1:1 chat with a person of its own (derived from the conversation id), so tests sharing the database
     * never see each other's personal deadlines or remembered languages.
     */
    static Chat personal(ConversationHarness harness, String conversationId, String locale) {
        String aad = java.util.UUID.nameUUIDFromBytes(conversationId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new Chat(harness, conversationId, false, locale, "29:1" + aad.substring(0, 8), aad, "Anna Andersson");
    }

    /** Erik in a channel of the Norsjö team, mentioning the bot. */
    static Chat channel(ConversationHarness harness, String conversationId, String locale) {
        return new Chat(harness, conversationId, true, locale,
                "29:1bErikChannelTeamsId", "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02", "Erik Nilsson");
    }

    /** Sends text; returns what the bot sent in reply. */
    List<String> say(String text) {
        int before = harness.repliesIn(conversationId).size();
        TeamsActivity message = channel ? TeamsActivity.channel(text) : TeamsActivity.personal(text);
        send(message);
        List<String> all = harness.textsIn(conversationId);
        return all.subList(Math.min(before, all.size()), all.size());
    }

    /** Sends any activity into this conversation as this person; asserts Teams got no error. */
    ConversationHarness.Exchange send(TeamsActivity activity) {
        activity.conversationId(conversationId).locale(locale).from(person[0], person[1], person[2]);
        if (channel) {
            // a team of its own per conversation, so tests sharing the database do not see each other's data
            ObjectNode channelData = activity.json().with("channelData");
            String teamId = "19:team-" + Integer.toHexString(conversationId.hashCode()) + "@thread.tacv2";
            channelData.put("teamsTeamId", teamId);
            channelData.with("team").put("id", teamId);
        }
        ConversationHarness.Exchange exchange = harness.send(activity);
        assertThat(exchange.status()).as("HTTP status for %s", activity).isLessThan(300);
        return exchange;
    }

    /** Presses the newest button with {@code verb} that the bot sent here. */
    List<String> press(String verb) {
        JsonNode[] found = findAction(verb).orElseThrow(() -> new AssertionError(
                "No button " + verb + " in " + harness.repliesIn(conversationId)));
        return press(found[0], found[1]);
    }

    /** Presses {@code action} of {@code card}: Action.Submit as a message with value, Action.Execute as an invoke. */
    List<String> press(JsonNode card, JsonNode action) {
        int before = harness.repliesIn(conversationId).size();
        ObjectNode data = action.path("data").isObject() ? ((ObjectNode) action.path("data")).deepCopy() : JSON.createObjectNode();
        fillInputs(card, data);
        boolean execute = "Action.Execute".equals(action.path("type").asText());
        TeamsActivity activity = channel ? TeamsActivity.fixture(execute ? "adaptive-card-invoke" : "card-submit")
                : inPersonalChat(TeamsActivity.fixture(execute ? "adaptive-card-invoke" : "card-submit"));
        if (execute) {
            activity.execute(action.path("verb").asText(), data);
        } else {
            activity.value(data);
        }
        ConversationHarness.Exchange exchange = send(activity);
        List<String> shown = new ArrayList<>();
        if (execute) {
            JsonNode body = exchange.json().path("value");
            String toast = body.isTextual() ? body.asText() : ConversationHarness.visibleText(
                    JSON.createObjectNode().set("attachments", JSON.createArrayNode().add(JSON.createObjectNode().set("content", body))));
            toasts.add(toast);
            shown.add(toast);
        }
        List<String> all = harness.textsIn(conversationId);
        shown.addAll(all.subList(Math.min(before, all.size()), all.size()));
        return shown;
    }

    /** Everything the bot showed in this conversation, toasts and updated cards included. */
    List<String> everything() {
        List<String> all = new ArrayList<>(harness.textsIn(conversationId));
        all.addAll(toasts);
        return all;
    }

    List<JsonNode> activities() {
        return harness.repliesIn(conversationId);
    }

    /** The newest card action with {@code verb} (in its own field or its data), with its card. */
    Optional<JsonNode[]> findAction(String verb) {
        List<JsonNode> replies = harness.repliesIn(conversationId);
        for (int i = replies.size() - 1; i >= 0; i--) {
            for (JsonNode attachment : replies.get(i).path("attachments")) {
                JsonNode card = attachment.path("content");
                JsonNode action = find(card, verb);
                if (action != null) {
                    return Optional.of(new JsonNode[] {card, action});
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode find(JsonNode node, String verb) {
        if (node.isObject() && node.path("type").asText("").startsWith("Action.")
                && (verb.equals(node.path("verb").asText()) || verb.equals(node.path("data").path("verb").asText()))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, verb);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Inputs as Teams submits them: the shown value, else the first choice, else a short Swedish answer. */
    private static void fillInputs(JsonNode node, ObjectNode data) {
        if (node.isObject() && node.path("type").asText("").startsWith("Input.") && node.has("id")) {
            String id = node.path("id").asText();
            if (node.hasNonNull("value") && !node.path("value").asText().isEmpty()) {
                data.put(id, node.path("value").asText());
            } else if (node.path("choices").isArray() && node.path("choices").size() > 0) {
                data.put(id, node.path("choices").get(0).path("value").asText());
            } else if ("Input.Text".equals(node.path("type").asText())) {
                data.put(id, "Samverkan");
            }
        }
        for (JsonNode child : node) {
            fillInputs(child, data);
        }
    }

    private TeamsActivity inPersonalChat(TeamsActivity activity) {
        ObjectNode json = activity.json();
        ObjectNode conversation = json.putObject("conversation");
        conversation.put("conversationType", "personal");
        conversation.put("tenantId", TeamsActivity.TENANT);
        conversation.put("id", conversationId);
        ObjectNode channelData = json.putObject("channelData");
        channelData.putObject("tenant").put("id", TeamsActivity.TENANT);
        return activity;
    }
}
