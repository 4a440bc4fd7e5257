package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * One channel thread of its own team (so roles and settings of one test never leak into another) and the
 * people in it; builds the card presses and messages a test sends.
 */
final class TeamFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    final String teamId;
    final String conversationId;
    final Scope scope;

    /** A person: Teams user id, Entra object id (the stable id the bot uses) and display name. */
    record Person(String teamsId, String aadId, String name) {
        static Person named(String name) {
            String id = UUID.randomUUID().toString();
            return new Person("29:" + id, id, name);
        }
    }

    private TeamFixture(String teamId, String conversationId, Scope scope) {
        this.teamId = teamId;
        this.conversationId = conversationId;
        this.scope = scope;
    }

    static TeamFixture channel(String label) {
        String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TeamFixture("19:team-" + unique + "@thread.tacv2", "19:chan-" + unique + "@thread.tacv2;messageid=1", Scope.CHANNEL);
    }

    static TeamFixture personal(Person person) {
        return new TeamFixture(null, "a:1personal-" + person.aadId(), Scope.PERSONAL);
    }

    /** An {@code adaptiveCard/action} invoke (Action.Execute) pressed by {@code who}. */
    TeamsActivity execute(Person who, String verb, JsonNode data) {
        TeamsActivity activity = TeamsActivity.fixture("adaptive-card-invoke").execute(verb, data);
        return place(activity, who);
    }

    /** An {@code Action.Submit} (the fallback) pressed by {@code who}. */
    TeamsActivity submit(Person who, String verb, JsonNode data) {
        ObjectNode value = ((ObjectNode) data).deepCopy();
        value.put("verb", verb);
        value.put(CardElements.VIA, CardElements.VIA_SUBMIT);
        return place(TeamsActivity.fixture("card-submit").value(value), who);
    }

    /** A chat message written by {@code who} and sent through {@code /api/messages} (1:1 chats only). */
    TeamsActivity say(Person who, String text) {
        return place(TeamsActivity.personal(text), who);
    }

    /** A chat message as the bot hands it to an intent handler (mention removed). */
    IncomingMessage message(Person who, String text) {
        return new IncomingMessage(UUID.randomUUID().toString(), new ConversationKey(TeamsActivity.TENANT, conversationId),
                scope, teamId, scope == Scope.CHANNEL ? conversationId.substring(0, conversationId.indexOf(';')) : null,
                new Sender(who.aadId(), who.teamsId(), who.name()), text, Language.SV, Instant.parse("2026-11-25T09:00:00Z"));
    }

    private TeamsActivity place(TeamsActivity activity, Person who) {
        activity.conversationId(conversationId).from(who.teamsId(), who.aadId(), who.name());
        ObjectNode json = activity.json();
        if (scope == Scope.PERSONAL) {
            ((ObjectNode) json.path("conversation")).put("conversationType", "personal").remove("isGroup");
            json.set("channelData", JSON.createObjectNode().set("tenant", JSON.createObjectNode().put("id", TeamsActivity.TENANT)));
        } else {
            ObjectNode channelData = json.with("channelData");
            channelData.put("teamsTeamId", teamId);
            channelData.with("team").put("id", teamId);
        }
        return activity;
    }

    static ObjectNode data(String... keyValues) {
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], keyValues[i + 1]);
        }
        return data;
    }

    /** The Adaptive Cards the bot posted into this conversation, oldest first. */
    List<JsonNode> cardsPosted(ConversationHarness harness) {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode activity : harness.repliesIn(conversationId)) {
            for (JsonNode attachment : activity.path("attachments")) {
                cards.add(attachment.path("content"));
            }
        }
        return cards;
    }

    /** The session id carried by the answer button of an exercise card. */
    static String sessionIdOf(JsonNode exerciseCard) {
        return exerciseCard.path("actions").get(0).path("data").path(ExerciseCards.SESSION).asText();
    }

    /** All TextBlock texts and choice titles of a card, one per line. */
    static String textOf(JsonNode card) {
        StringBuilder out = new StringBuilder();
        collect(card, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            for (String field : List.of("text", "title", "label", "value")) {
                if (node.path(field).isTextual() && !"data".equals(field)) {
                    out.append(node.path(field).asText()).append('\n');
                }
            }
            node.forEach(child -> collect(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
