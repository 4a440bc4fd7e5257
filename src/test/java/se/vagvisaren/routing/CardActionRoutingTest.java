package se.vagvisaren.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Card presses through {@code /api/messages} in the order of {@link CardActionPipeline}: the crisis check
 * comes before anything else, even before the verb is looked at, and a press nobody answers gets the refusal.
 */
@BotTest
class CardActionRoutingTest {

    private static final String CHANNEL = "19:cardrouting@thread.tacv2;messageid=17";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    private void submit(ObjectNode value) {
        TeamsActivity press = TeamsActivity.fixture("card-submit").value(value).conversationId(CHANNEL).freshId();
        assertThat(harness.send(press).status()).isEqualTo(200);
    }

    @Test
    void pressWithoutVerb_textShowsDanger_getsTheCrisisReplyPrivatelyNotTheRefusal() {
        submit(JSON.createObjectNode().put("text", "Min sambo hotar mig med kniv"));

        assertThat(harness.textsIn(CHANNEL)).as("nothing is posted in the channel").isEmpty();
        assertThat(harness.connector().allActivities()).isNotEmpty()
                .allSatisfy(activity -> assertThat(ConversationHarness.visibleText(activity))
                        .contains("112").doesNotContain("kniv", "känner jag inte igen"));
    }

    @Test
    void pressWithoutVerb_harmlessText_getsThePoliteRefusal() {
        submit(JSON.createObjectNode().put("text", "Kartläggningen är klar"));

        assertThat(harness.textsIn(CHANNEL)).singleElement()
                .satisfies(text -> assertThat(text).contains("känner jag inte igen"));
    }

    @Test
    void pressOfAFeatureNobodyOwns_getsThePoliteRefusal() {
        submit(JSON.createObjectNode().put("verb", "nosuchfeature.go"));

        assertThat(harness.textsIn(CHANNEL)).singleElement()
                .satisfies(text -> assertThat(text).contains("känner jag inte igen"));
    }
}
