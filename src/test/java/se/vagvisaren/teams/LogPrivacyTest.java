package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * A whole conversation, including failures, must leave no message text, names or personal numbers in
 * the logs, even at DEBUG for our own packages.
 */
@BotTest
@TestPropertySource(properties = {"logging.level.se.vagvisaren=DEBUG", "logging.level.com.microsoft.bot=INFO"})
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    private static final String NAME = "Kalle Kulansson";
    private static final String SECRET_TEXT = "grannen Kulansson hotade mig igår 19850101-1234";

    @LocalServerPort
    int port;

    @Test
    void fullConversation_leavesNoContentInLogs(CapturedOutput output) {
        ConversationHarness harness = new ConversationHarness(port);
        harness.connector().reset();

        harness.send(TeamsActivity.personal("hej").from("29:1KalleId", "0d3e5c2a-0000-4f0e-9a6d-1c2b3a4d5e55", NAME));
        harness.send(TeamsActivity.personal(SECRET_TEXT).from("29:1KalleId", "0d3e5c2a-0000-4f0e-9a6d-1c2b3a4d5e55", NAME));
        harness.send(TeamsActivity.channel(SECRET_TEXT).from("29:1KalleId", "0d3e5c2a-0000-4f0e-9a6d-1c2b3a4d5e55", NAME));
        harness.post("{\"type\":\"message\",\"text\":\"" + SECRET_TEXT + "\"", null);
        harness.connector().failAllSends(500);
        harness.send(TeamsActivity.personal(SECRET_TEXT).from("29:1KalleId", "0d3e5c2a-0000-4f0e-9a6d-1c2b3a4d5e55", NAME));
        harness.connector().reset();

        assertThat(output.getAll()).doesNotContain("Kulansson").doesNotContain("19850101").doesNotContain("hotade");
    }
}
