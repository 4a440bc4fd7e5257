package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.TeamsActivity;

/** Proactive sending through WireMock: delivery, Teams back-pressure, removed bots, unknown targets. */
@BotTest
class OutboundSenderTest extends ConversationFixture {

    @Autowired
    OutboundMessages outbound;

    @Autowired
    JdbcClient jdbc;

    private ConversationKey knownChannel(String conversationId) {
        harness.send(TeamsActivity.channel("hej").conversationId(conversationId));
        harness.connector().reset();
        return new ConversationKey(TeamsActivity.TENANT, conversationId);
    }

    @Test
    void send_knownConversation_deliversCardAndText() {
        ConversationKey channel = knownChannel("19:outbound1@thread.tacv2");

        DeliveryResult result = outbound.send(channel, Reply.text("Påminnelse: lägesbilden ska vara klar på fredag."));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(harness.textsIn("19:outbound1@thread.tacv2")).containsExactly("Påminnelse: lägesbilden ska vara klar på fredag.");
    }

    @Test
    void send_connectorAnswers429WithRetryAfter_waitsAndDelivers() {
        ConversationKey channel = knownChannel("19:outbound429@thread.tacv2");
        harness.connector().failSends("429", 429, 2, 1);

        DeliveryResult result = outbound.send(channel, Reply.text("Snart möte i styrgruppen."));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        List<LoggedRequest> attempts = harness.connector().sentActivities();
        assertThat(attempts).hasSize(3);
        long gapMillis = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        assertThat(gapMillis).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(900);
    }

    @Test
    void send_connectorKeepsFailing_givesUpBoundedAndRecordsFailure() {
        ConversationKey channel = knownChannel("19:outbound502@thread.tacv2");
        harness.connector().failAllSends(502);

        DeliveryResult result = outbound.send(channel, Reply.text("x"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED_RETRYABLE);
        assertThat(harness.connector().sentActivities()).hasSize(5); // first try + 4 retries
        assertThat(failures("19:outbound502@thread.tacv2")).contains("FAILED_RETRYABLE");
    }

    @Test
    void send_botRemoved403_marksConversationGoneAndStopsSending() {
        ConversationKey channel = knownChannel("19:outbound403@thread.tacv2");
        harness.connector().failAllSends(403);

        DeliveryResult first = outbound.send(channel, Reply.text("x"));
        harness.connector().reset();
        DeliveryResult second = outbound.send(channel, Reply.text("x"));

        assertThat(first.status()).isEqualTo(DeliveryResult.Status.GONE);
        assertThat(second.status()).isEqualTo(DeliveryResult.Status.GONE);
        assertThat(harness.connector().sentActivities()).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM conversation_reference WHERE conversation_id = :id")
                .param("id", "19:outbound403@thread.tacv2").query(String.class).single()).isEqualTo("REMOVED");
    }

    @Test
    void send_unknownConversation_isUnknownTargetWithoutHttp() {
        DeliveryResult result = outbound.send(new ConversationKey(TeamsActivity.TENANT, "19:never-seen@thread.tacv2"),
                Reply.text("x"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.UNKNOWN_TARGET);
        assertThat(harness.connector().sentActivities()).isEmpty();
    }

    @Test
    void sendToUser_withPersonalChat_deliversThere() {
        harness.send(TeamsActivity.personal("hej").conversationId("a:1PersonalForOutbound"));
        harness.connector().reset();

        DeliveryResult result = outbound.sendToUser(TeamsActivity.TENANT, "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01",
                Reply.text("Din påminnelse"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(harness.textsIn("a:1PersonalForOutbound")).containsExactly("Din påminnelse");
    }

    @Test
    void sendToUser_withoutPersonalChat_opensOneFromTheTeam() {
        String sara = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e77";
        harness.send(TeamsActivity.channel("hej").from("29:1SaraOnlyInChannel", sara, "Sara"));
        harness.connector().reset();

        DeliveryResult result = outbound.sendToUser(TeamsActivity.TENANT, sara, Reply.text("Personlig påminnelse"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(harness.textsIn("a:1NewPersonalChat")).containsExactly("Personlig påminnelse");
    }

    private List<String> failures(String conversationId) {
        return jdbc.sql("SELECT status FROM delivery_failure WHERE conversation_id = :id")
                .param("id", conversationId).query(String.class).list();
    }
}
