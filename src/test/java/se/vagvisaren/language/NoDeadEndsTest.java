package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;

/** Issue 20, no dead ends: what the bot does differently from what was asked, it says, and it offers a way on. */
@BotTest
class NoDeadEndsTest {

    @LocalServerPort
    int port;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @Test
    void reminderOnASunday_confirmationSaysItMovesToFriday() {
        Chat anna = Chat.personal(harness, "a:1DeadEndSunday", "sv-SE");
        anna.say("påminn mig om lägesbilden 15 mars 2027 kl 10");

        List<String> saved = anna.press("deadlines.save");

        assertThat(String.join("\n", saved)).contains("skulle ha kommit").containsIgnoringCase("söndag")
                .containsIgnoringCase("fredag");
    }

    @Test
    void reminderOnASunday_inEnglish_saysSoInEnglish() {
        Chat anna = Chat.personal(harness, "a:1DeadEndSundayEn", "en-US");
        anna.say("remind me about the situation picture on 15 March 2027 at 10");

        List<String> saved = anna.press("deadlines.save");

        assertThat(String.join("\n", saved)).contains("would have come").containsIgnoringCase("sunday")
                .containsIgnoringCase("friday");
    }
}
