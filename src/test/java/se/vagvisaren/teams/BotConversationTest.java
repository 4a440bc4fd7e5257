package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/** Conversations through {@code /api/messages} with WireMock as the Bot Connector. */
@BotTest
class BotConversationTest extends ConversationFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Test
    void personalGreeting_swedishLocale_answersInSwedishAsReplyToTheMessage() {
        TeamsActivity hello = TeamsActivity.personal("hej");

        assertThat(harness.send(hello).status()).isEqualTo(200);

        List<JsonNode> replies = harness.repliesIn(TeamsActivity.PERSONAL_CONVERSATION);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("text").asText()).contains("Vägvisaren").contains("hjälp");
        assertThat(replies.get(0).path("replyToId").asText()).isEqualTo(hello.id());
    }

    @Test
    void personalGreeting_englishLocale_answersInEnglish() {
        // a conversation of its own: Anna's usual chat remembers the Swedish of other tests (issue 20)
        harness.send(TeamsActivity.personal("hello").locale("en-US").conversationId("a:1EnglishClientGreeting"));

        assertThat(harness.textsIn("a:1EnglishClientGreeting")).singleElement()
                .satisfies(text -> assertThat(text).contains("I'm Vägvisaren"));
    }

    @Test
    void channelHelp_mentionStripped_sendsHelpCardVersion15() {
        harness.send(TeamsActivity.channel("hjälp"));

        List<JsonNode> replies = harness.repliesIn(TeamsActivity.CHANNEL_CONVERSATION);
        assertThat(replies).hasSize(1);
        JsonNode attachment = replies.get(0).path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("version").asText()).isEqualTo("1.5");
        assertThat(ConversationHarness.visibleText(replies.get(0)))
                .contains("Det här kan Vägvisaren").contains("112").doesNotContain("${").doesNotContainPattern("\\{example[A-Za-z]*}");
    }

    @Test
    void groupChatHelp_inEnglish_sendsEnglishHelpCard() {
        // a chat of its own: the shared group chat may remember Swedish from other tests (issue 20)
        harness.send(TeamsActivity.groupChat("help").locale("en-GB").conversationId("19:englishgroup@thread.v2"));

        assertThat(harness.textsIn("19:englishgroup@thread.v2")).singleElement()
                .satisfies(text -> assertThat(text).contains("What Vägvisaren can do"));
    }

    @Test
    void unknownText_answersWithFallbackThatMentions112() {
        harness.send(TeamsActivity.personal("xyzzy plugh"));

        assertThat(harness.textsIn(TeamsActivity.PERSONAL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("förstod jag tyvärr inte").contains("112"));
    }

    @Test
    void installInPersonalScope_welcomesAndStoresReference() {
        TeamsActivity install = TeamsActivity.fixture("installation-update-add").conversationId("a:1InstallTest");

        assertThat(harness.send(install).status()).isEqualTo(200);

        assertThat(harness.textsIn("a:1InstallTest")).singleElement()
                .satisfies(text -> assertThat(text).contains("välkommen"));
        assertThat(referenceStatus("a:1InstallTest")).isEqualTo("ACTIVE");
    }

    @Test
    void uninstall_marksReferenceRemoved() {
        harness.send(TeamsActivity.fixture("installation-update-add").conversationId("a:1Uninstall"));

        harness.send(TeamsActivity.fixture("installation-update-remove").conversationId("a:1Uninstall"));

        assertThat(referenceStatus("a:1Uninstall")).isEqualTo("REMOVED");
    }

    @Test
    void botAddedToTeam_welcomesTeamOnce_andRemovalMarksAllChannelsRemoved() {
        harness.send(TeamsActivity.fixture("bot-added-to-team"));
        harness.send(TeamsActivity.channel("hej"));
        assertThat(harness.textsIn(TeamsActivity.TEAM_ID)).singleElement()
                .satisfies(text -> assertThat(text).contains("Hej allihop"));

        harness.send(TeamsActivity.fixture("bot-removed-from-team"));

        assertThat(referenceStatus(TeamsActivity.TEAM_ID)).isEqualTo("REMOVED");
        assertThat(referenceStatus(TeamsActivity.CHANNEL_CONVERSATION)).isEqualTo("REMOVED");
    }

    @Test
    void memberAddedToTeam_isNotGreetedInChannel() {
        harness.send(TeamsActivity.fixture("member-added-to-team"));

        assertThat(harness.repliesIn(TeamsActivity.TEAM_ID)).isEmpty();
    }

    @Test
    void cardSubmit_chooseIntent_runsChosenIntent() {
        harness.send(TeamsActivity.fixture("card-submit"));

        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("Det här kan Vägvisaren"));
    }

    @Test
    void cardSubmit_unknownVerb_getsPoliteReplyNotError() throws Exception {
        var submit = TeamsActivity.fixture("card-submit").value(JSON.readTree("{\"verb\":\"nonsense.do\"}"));

        assertThat(harness.send(submit).status()).isEqualTo(200);

        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("känner jag inte igen"));
    }

    @Test
    void cardSubmit_forgedIntentWithoutHandler_isRefused() throws Exception {
        var submit = TeamsActivity.fixture("card-submit")
                .value(JSON.readTree("{\"verb\":\"core.choose\",\"intent\":\"admin_wipe\",\"text\":\"x\"}"));

        harness.send(submit);

        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("känner jag inte igen"));
    }

    @Test
    void adaptiveCardInvoke_knownVerb_returns200InvokeResponse() {
        var exchange = harness.send(TeamsActivity.fixture("adaptive-card-invoke"));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.json().path("statusCode").asInt()).isEqualTo(200);
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("Det här kan Vägvisaren"));
    }

    @Test
    void adaptiveCardInvoke_unknownVerb_returns400WithErrorBody() throws Exception {
        var exchange = harness.send(TeamsActivity.fixture("adaptive-card-invoke")
                .execute("nobody.knows", JSON.readTree("{}")));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.json().path("type").asText()).isEqualTo("application/vnd.microsoft.error");
    }

    @Test
    void otherInvoke_returns400NotServerError() {
        var exchange = harness.send(TeamsActivity.fixture("adaptive-card-invoke").set("name",
                JSON.getNodeFactory().textNode("task/fetch")));

        assertThat(exchange.status()).isEqualTo(400);
    }

    @Test
    void messageLongerThanTeamsLimit_isRefusedPolitely() {
        harness.send(TeamsActivity.personal("a".repeat(30_000)));

        assertThat(harness.textsIn(TeamsActivity.PERSONAL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("för långt"));
    }

    @Test
    void malformedJson_is400AndServiceStaysHealthy() {
        var exchange = harness.post("{\"type\": \"message\", ", null);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.json().path("error").asText()).isEqualTo("Malformed JSON");
        assertThat(harness.send(TeamsActivity.personal("hej")).status()).isEqualTo(200);
    }

    @Test
    void activityWithoutConversation_is400() {
        var exchange = harness.send(TeamsActivity.personal("hej").remove("conversation"));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).contains("conversation");
    }

    @Test
    void activityWithoutServiceUrl_is400() {
        var exchange = harness.send(TeamsActivity.personal("hej").remove("serviceUrl"));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).contains("serviceUrl");
    }

    @Test
    void oneMegabyteBody_is413AndNothingSent() {
        var exchange = harness.send(TeamsActivity.personal("x".repeat(1_000_000)));

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void unknownActivityType_isAcceptedQuietly() {
        var exchange = harness.send(TeamsActivity.personal("hej").set("type", JSON.getNodeFactory().textNode("somethingNew")));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void jsonArrayOrEmptyBody_is400() {
        assertThat(harness.post("[]", null).status()).isEqualTo(400);
        assertThat(harness.post("", null).status()).isEqualTo(400);
    }

    @Test
    void deeplyNestedJson_is400() {
        String nested = "{\"type\":\"message\",\"value\":" + "[".repeat(500) + "]".repeat(500) + "}";

        assertThat(harness.post(nested, null).status()).isEqualTo(400);
    }

    private String referenceStatus(String conversationId) {
        return jdbc.sql("SELECT status FROM conversation_reference WHERE conversation_id = :id")
                .param("id", conversationId).query(String.class).single();
    }
}
