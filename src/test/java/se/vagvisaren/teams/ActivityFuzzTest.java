package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Mutates the real Teams activity fixtures (wrong types, nulls, deleted fields, huge and strange strings,
 * deep nesting) with a fixed seed and posts them to {@code /api/messages}: the service must never answer
 * 5xx and must stay healthy and answering. A failing case prints its seed index and body.
 */
@BotTest
class ActivityFuzzTest extends ConversationFixture {

    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 400);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIXTURES = List.of("personal-message", "channel-message", "groupchat-message",
            "card-submit", "adaptive-card-invoke", "installation-update-add", "installation-update-remove",
            "bot-added-to-team", "bot-removed-from-team", "member-added-to-team");
    private static final List<String> STRANGE = List.of("", " ", "null", "0", "-1", "1e309", "NaN", "true", "{}", "[]",
            "<at>Vägvisaren</at>", "<script>alert(1)</script>", "[x](javascript:alert(1))", "${title}", "{{DATE(2026)}}",
            "\u202Eevil\u202C", "\u200B\u200B", "e\u0301", "👩‍👩‍👧‍👦🇸🇪", "\uD83D", "\u0000", "%s%n%x", "'; DROP TABLE conversation_reference;--",
            "../../etc/passwd", "a:1;b@c:d", "http://127.0.0.1:1/", "not a url", "ftp://example.org/", "javascript:alert(1)");
    private static final List<String> TYPES = List.of("message", "invoke", "conversationUpdate", "installationUpdate",
            "messageReaction", "event", "typing", "messageUpdate", "messageDelete", "endOfConversation", "MESSAGE", "");

    @Test
    void mutatedTeamsActivities_neverCauseServerErrors_andTheServiceStaysHealthy() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            ObjectNode activity = TeamsActivity.fixture(FIXTURES.get(random.nextInt(FIXTURES.size()))).json();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(activity, random);
            }
            String body = activity.toString();
            int status = harness.post(body, null).status();
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add("case " + i + " → " + status + ": " + body.substring(0, Math.min(600, body.length())));
            }
        }

        assertThat(failures).as("statuses %s", statuses).isEmpty();
        assertThat(statuses.keySet()).as("the fuzzer reached the bot, not just the parser").contains(200, 400);
        assertThat(health()).isEqualTo(200);
        harness.connector().reset();
        TeamsActivity hello = TeamsActivity.personal("hej").conversationId("a:1AfterFuzz");
        assertThat(harness.send(hello).status()).isEqualTo(200);
        assertThat(harness.textsIn("a:1AfterFuzz")).singleElement().satisfies(text -> assertThat(text).contains("Vägvisaren"));
    }

    private int health() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One random change somewhere in the activity. */
    private static void mutate(ObjectNode activity, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(activity, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "extra" : fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(9)) {
            case 0 -> target.remove(field);
            case 1 -> target.putNull(field);
            case 2 -> target.set(field, randomScalar(random));
            case 3 -> target.put(field, STRANGE.get(random.nextInt(STRANGE.size())));
            case 4 -> target.put(field, "å".repeat(1 + random.nextInt(40_000)));
            case 5 -> target.set(field, nested(random.nextInt(70), random));
            case 6 -> activity.put("type", TYPES.get(random.nextInt(TYPES.size())));
            case 7 -> activity.set("value", random.nextBoolean() ? randomScalar(random) : cardData(random));
            default -> target.set(field, NODES.arrayNode().add(randomScalar(random)).add(NODES.objectNode()));
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        node.forEach(child -> collectObjects(child, out));
    }

    private static JsonNode randomScalar(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode(STRANGE.get(random.nextInt(STRANGE.size())));
            default -> NODES.objectNode().put("id", random.nextInt());
        };
    }

    private static JsonNode nested(int depth, Random random) {
        JsonNode node = randomScalar(random);
        for (int d = 0; d < depth; d++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("x", node);
        }
        return node;
    }

    /** Card data that looks like ours, with forged or broken parts. */
    private static JsonNode cardData(Random random) {
        ObjectNode data = NODES.objectNode();
        List<String> verbs = List.of("core.choose", "core.", ".", "core.choose.extra", "reflection.close", "x".repeat(100));
        data.put("verb", verbs.get(random.nextInt(verbs.size())));
        data.set("intent", random.nextBoolean() ? NODES.textNode("help") : randomScalar(random));
        data.set("text", randomScalar(random));
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Execute");
        action.set("verb", random.nextBoolean() ? NODES.textNode("core.choose") : randomScalar(random));
        action.set("data", random.nextBoolean() ? data.deepCopy() : randomScalar(random));
        ArrayNode both = NODES.arrayNode();
        both.add(data);
        return random.nextInt(3) == 0 ? NODES.objectNode().set("action", action) : random.nextBoolean() ? data : both;
    }
}
