package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The typing indicator through {@code /api/messages} and the WireMock connector. The delay is 0 here, so
 * every message turn types (in production only turns slower than {@code vagvisaren.teams.typing.delay} do).
 */
@BotTest
@TestPropertySource(properties = "vagvisaren.teams.typing.delay=0ms")
class TypingConversationTest {

    @LocalServerPort
    int port;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @Test
    void personalQuestion_typingReachesConnectorBeforeTheAnswer() {
        harness.send(TeamsActivity.personal("vad är en lägesbild?").conversationId("a:1TypingPersonal"));

        List<JsonNode> delivered = harness.connector().deliveredTo("a:1TypingPersonal");
        assertThat(delivered).extracting(a -> a.path("type").asText()).containsExactly("typing", "message");
        assertThat(delivered.get(1).path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
    }

    @Test
    void groupChatQuestion_typingReachesConnectorBeforeTheAnswer() {
        harness.send(TeamsActivity.groupChat("vad är en lägesbild?").conversationId("19:typinggroup@thread.v2"));

        assertThat(harness.connector().deliveredTo("19:typinggroup@thread.v2"))
                .extracting(a -> a.path("type").asText()).containsExactly("typing", "message");
    }

    @Test
    void channelQuestion_noTyping() {
        harness.send(TeamsActivity.channel("vad är en lägesbild?"));

        assertThat(harness.connector().deliveredTo(TeamsActivity.CHANNEL_CONVERSATION))
                .extracting(a -> a.path("type").asText()).containsExactly("message");
    }

    @Test
    void cardInvoke_noTyping() {
        harness.send(TeamsActivity.fixture("adaptive-card-invoke"));

        assertThat(harness.connector().allActivities()).extracting(a -> a.path("type").asText())
                .doesNotContain("typing");
    }
}
