package se.vagvisaren.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds Teams activities from the JSON fixtures in {@code src/test/resources/teams/activities/},
 * changing only what a test cares about. Every built activity gets a fresh id.
 */
public final class TeamsActivity {

    public static final String TENANT = "4c8a2b9e-5d1f-4e7a-9c3b-2f6d8e1a0b7c";
    public static final String BOT_ID = "28:7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e";
    public static final String TEAM_ID = "19:teamNorsjo42@thread.tacv2";
    public static final String CHANNEL_CONVERSATION = "19:a1b2c3d4e5f6@thread.tacv2;messageid=1732525200000";
    public static final String PERSONAL_CONVERSATION = "a:1Kx9PersonalChatWithAnna";
    public static final String GROUP_CONVERSATION = "19:meeting_groupchat77@thread.v2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_732_700_000_000L);

    private final ObjectNode activity;

    private TeamsActivity(ObjectNode activity) {
        this.activity = activity;
    }

    /** Loads fixture {@code name} (without {@code .json}). */
    public static TeamsActivity fixture(String name) {
        try (InputStream in = TeamsActivity.class.getResourceAsStream("/teams/activities/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            ObjectNode node = (ObjectNode) JSON.readTree(in);
            return new TeamsActivity(node).serviceUrl(ConnectorStub.get().url()).freshId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1:1 message from Anna. */
    public static TeamsActivity personal(String text) {
        return fixture("personal-message").text(text);
    }

    /** A channel message from Erik that @mentions the bot. */
    public static TeamsActivity channel(String textAfterMention) {
        return fixture("channel-message").text("<at>Vägvisaren</at> " + textAfterMention);
    }

    /** A group chat message from Sara that @mentions the bot. */
    public static TeamsActivity groupChat(String textAfterMention) {
        return fixture("groupchat-message").text("<at>Vägvisaren</at> " + textAfterMention);
    }

    public TeamsActivity text(String text) {
        activity.put("text", text);
        return this;
    }

    public TeamsActivity locale(String locale) {
        activity.put("locale", locale);
        return this;
    }

    public TeamsActivity serviceUrl(String url) {
        activity.put("serviceUrl", url);
        return this;
    }

    public TeamsActivity freshId() {
        activity.put("id", Long.toString(IDS.incrementAndGet()));
        return this;
    }

    public TeamsActivity id(String id) {
        activity.put("id", id);
        return this;
    }

    public TeamsActivity conversationId(String id) {
        ((ObjectNode) activity.path("conversation")).put("id", id);
        return this;
    }

    public TeamsActivity tenant(String tenantId) {
        ((ObjectNode) activity.path("conversation")).put("tenantId", tenantId);
        ((ObjectNode) activity.with("channelData").with("tenant")).put("id", tenantId);
        return this;
    }

    /** Changes the sender (Teams user id, Entra object id, display name). */
    public TeamsActivity from(String teamsUserId, String aadObjectId, String name) {
        ObjectNode from = activity.putObject("from");
        from.put("id", teamsUserId);
        from.put("aadObjectId", aadObjectId);
        from.put("name", name);
        return this;
    }

    /** Sets the {@code value} of a card submit or invoke. */
    public TeamsActivity value(JsonNode value) {
        activity.set("value", value);
        return this;
    }

    /** For {@code adaptiveCard/action} invokes: the Action.Execute verb and data. */
    public TeamsActivity execute(String verb, JsonNode data) {
        ObjectNode action = activity.with("value").with("action");
        action.put("verb", verb);
        action.set("data", data);
        return this;
    }

    /** Adds a mention entity (the text must contain {@code <at>name</at>} itself). */
    public TeamsActivity mention(String teamsUserId, String name) {
        ObjectNode entity = activity.withArray("entities").addObject();
        entity.put("type", "mention");
        entity.put("text", "<at>" + name + "</at>");
        ObjectNode mentioned = entity.putObject("mentioned");
        mentioned.put("id", teamsUserId);
        mentioned.put("name", name);
        return this;
    }

    public TeamsActivity set(String field, JsonNode value) {
        activity.set(field, value);
        return this;
    }

    public TeamsActivity remove(String field) {
        activity.remove(field);
        return this;
    }

    public String conversationId() {
        return activity.path("conversation").path("id").asText();
    }

    public String id() {
        return activity.path("id").asText();
    }

    public ObjectNode json() {
        return activity;
    }

    @Override
    public String toString() {
        return activity.toString();
    }
}
