package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The compose-box search "Sök i handboken" as Teams drives it: {@code composeExtension/query} and
 * {@code composeExtension/selectItem} invokes (payloads in Microsoft's documented shape, see
 * {@code teams/activities/compose-extension-*.json}) POSTed to {@code /api/messages}, WireMock as the connector.
 */
@BotTest
class MessageExtensionConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @Test
    void query_lagesbild_listsHandbookPassagesWithTitlePreviewAndSection() {
        var exchange = harness.send(query("lägesbild"));

        assertThat(exchange.status()).isEqualTo(200);
        JsonNode result = exchange.json().path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("attachmentLayout").asText()).isEqualTo("list");
        JsonNode attachments = result.path("attachments");
        assertThat(attachments.size()).isBetween(1, 10);
        JsonNode first = attachments.get(0);
        JsonNode preview = first.path("preview");
        assertThat(preview.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.thumbnail");
        assertThat(preview.path("content").path("title").asText()).containsIgnoringCase("lägesbild");
        assertThat(preview.path("content").path("subtitle").asText()).contains("Steg 2");
        String text = preview.path("content").path("text").asText();
        assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(141).doesNotContain("**", "](");
        assertThat(preview.path("content").path("tap").path("type").asText()).isEqualTo("invoke");
        assertThat(preview.path("content").path("tap").path("value").path("id").asText()).isNotBlank();
        // The card Teams inserts when the user picks without a selectItem round trip is the chat answer card.
        assertThat(first.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(first.path("content").path("version").asText()).isEqualTo("1.5");
        // Nothing was sent into the conversation: a search is private until the user sends the card.
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void query_sameSearchAsChatAnswer_firstResultIsThePassageTheChatAnswers() {
        harness.send(TeamsActivity.personal("vad är en lägesbild?").conversationId("a:1SearchSameAsChat"));
        String chatTitle = harness.repliesIn("a:1SearchSameAsChat").get(0).path("attachments").get(0)
                .path("content").path("body").get(0).path("text").asText();

        JsonNode first = harness.send(query("vad är en lägesbild?")).json()
                .path("composeExtension").path("attachments").get(0);

        assertThat(first.path("preview").path("content").path("title").asText()).isEqualTo(chatTitle);
    }

    @Test
    void query_inEnglish_answersFromEnglishPassages() {
        var exchange = harness.send(query("action plan").locale("en-US"));

        JsonNode attachments = exchange.json().path("composeExtension").path("attachments");
        assertThat(attachments.size()).isGreaterThanOrEqualTo(1);
        assertThat(ConversationHarness.visibleText(wrap(attachments.get(0)))).contains("Source:");
    }

    @Test
    void initialRun_listsStartingPassages_overviewOfTheFiveStepsFirst() {
        var exchange = harness.send(TeamsActivity.fixture("compose-extension-initial-run"));

        assertThat(exchange.status()).isEqualTo(200);
        JsonNode attachments = exchange.json().path("composeExtension").path("attachments");
        assertThat(attachments.size()).isBetween(6, 10);
        // Passages with 👍 (other tests may have given some) come first; then the overview, then the steps in order.
        List<String> titles = titles(attachments);
        int overview = titles.indexOf("De fem stegen i Inget att vänta på");
        assertThat(overview).isNotNegative();
        List<String> steps = titles.subList(overview + 1, titles.size()).stream()
                .filter(title -> title.matches("Steg \\d:.*")).toList();
        assertThat(steps).extracting(title -> title.substring(0, 6))
                .containsSubsequence("Steg 1", "Steg 2", "Steg 3", "Steg 4");
    }

    @Test
    void initialRun_passageWithMostThumbsUp_comesFirst() {
        jdbc.sql("INSERT INTO knowledge_feedback (question, normalized, lang, passage_id, helpful, given_at) "
                        + "VALUES ('x', 'x', 'sv', 'steg-2-lagesbild', TRUE, CURRENT_TIMESTAMP)").update();
        try {
            JsonNode attachments = harness.send(TeamsActivity.fixture("compose-extension-initial-run")).json()
                    .path("composeExtension").path("attachments");

            assertThat(titles(attachments).get(0)).isEqualTo("Lägesbilden i steg 2");
        } finally {
            jdbc.sql("DELETE FROM knowledge_feedback WHERE passage_id = 'steg-2-lagesbild'").update();
        }
    }

    @Test
    void query_empty_answersLikeTheInitialRun() {
        var exchange = harness.send(query(""));
        var initial = harness.send(TeamsActivity.fixture("compose-extension-initial-run"));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(titles(exchange.json().path("composeExtension").path("attachments")))
                .isNotEmpty()
                .isEqualTo(titles(initial.json().path("composeExtension").path("attachments")));
    }

    @Test
    void query_500Characters_oneLineMessageNotError() {
        var exchange = harness.send(query("lägesbild ".repeat(50)));

        assertThat(exchange.status()).isEqualTo(200);
        JsonNode result = exchange.json().path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).contains("för lång").doesNotContain("\n");
    }

    @Test
    void query_nothingMatches_oneLineMessageSayingSo() {
        var exchange = harness.send(query("xyzzy plugh qwerty"));

        JsonNode result = exchange.json().path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).contains("hittar inget").contains("xyzzy");
    }

    @Test
    void query_unknownCommandId_is400WithOneLine() {
        TeamsActivity activity = query("lägesbild");
        ((ObjectNode) activity.json().path("value")).put("commandId", "deleteEverything");

        var exchange = harness.send(activity);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.json().path("error").asText()).isEqualTo("Unknown commandId");
    }

    @Test
    void query_missingParametersArray_is400WithOneLine() {
        TeamsActivity activity = query("lägesbild");
        ((ObjectNode) activity.json().path("value")).remove("parameters");

        var exchange = harness.send(activity);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.json().path("error").asText()).isEqualTo("Missing parameters array");
    }

    @Test
    void query_parametersNotAnArray_is400NotServerError() {
        TeamsActivity activity = query("lägesbild");
        ((ObjectNode) activity.json().path("value")).put("parameters", "lägesbild");

        assertThat(harness.send(activity).status()).isEqualTo(400);
    }

    @Test
    void selectItem_existingPassage_insertsTheChatAnswerCardWithHandbookLink() {
        var exchange = harness.send(TeamsActivity.fixture("compose-extension-select-item"));

        assertThat(exchange.status()).isEqualTo(200);
        JsonNode result = exchange.json().path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("attachments")).hasSize(1);
        JsonNode attachment = result.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(AdaptiveCards15Test.problems(attachment.path("content"))).isEmpty();
        String visible = ConversationHarness.visibleText(wrap(attachment));
        assertThat(visible).contains("Lägesbilden i steg 2").contains("Källa: Inget att vänta på")
                .contains("Läs i handboken");
        // The same card a chat answer gets: its feedback buttons carry the passage id and the search words.
        assertThat(attachment.path("content").path("actions").get(0).path("data").path("id").asText())
                .isEqualTo("steg-2-lagesbild");
        assertThat(attachment.path("content").path("actions").get(0).path("data").path("q").asText())
                .isEqualTo("lägesbild");
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void selectItem_passageDeletedSinceTheList_oneLineMessage() throws Exception {
        var exchange = harness.send(TeamsActivity.fixture("compose-extension-select-item")
                .value(JSON.readTree("{\"id\":\"steg-9-finns-inte\",\"q\":\"steg 9\",\"lang\":\"sv\"}")));

        assertThat(exchange.status()).isEqualTo(200);
        JsonNode result = exchange.json().path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).contains("finns inte längre");
    }

    @Test
    void selectItem_withoutId_is400WithOneLine() throws Exception {
        var exchange = harness.send(TeamsActivity.fixture("compose-extension-select-item").value(JSON.readTree("{}")));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.json().path("error").asText()).isEqualTo("Missing passage id");
    }

    @Test
    void query_fromChatWithoutTheBot_remembersNoConversation() {
        harness.send(query("lägesbild").conversationId("19:chatWithoutBot@thread.v2"));

        Integer stored = jdbc.sql("SELECT COUNT(*) FROM conversation_reference WHERE conversation_id = ?")
                .param("19:chatWithoutBot@thread.v2").query(Integer.class).single();
        assertThat(stored).isZero();
    }

    private static TeamsActivity query(String text) {
        TeamsActivity activity = TeamsActivity.fixture("compose-extension-query");
        ObjectNode parameter = (ObjectNode) activity.json().path("value").path("parameters").get(0);
        parameter.put("value", text);
        return activity;
    }

    private static List<String> titles(JsonNode attachments) {
        List<String> titles = new ArrayList<>();
        attachments.forEach(a -> titles.add(a.path("preview").path("content").path("title").asText()));
        return titles;
    }

    /** An attachment as a message activity, so the harness can read the card's visible text. */
    private static JsonNode wrap(JsonNode attachment) {
        ObjectNode activity = JSON.createObjectNode();
        activity.putArray("attachments").add(attachment);
        return activity;
    }
}
