package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The real NLU, router and feature handlers together: each kind of message a staff member writes in
 * Teams reaches the right feature and gets the answer a person would expect.
 */
@BotTest
class WholeBotConversationTest extends ConversationFixture {

    private String personal(String text) {
        harness.send(TeamsActivity.personal(text).conversationId("a:1WholeBot"));
        List<String> texts = harness.textsIn("a:1WholeBot");
        return String.join("\n---\n", texts);
    }

    private String channel(String text) {
        harness.send(TeamsActivity.channel(text).conversationId("19:wholebot@thread.tacv2;messageid=9"));
        return String.join("\n---\n", harness.textsIn("19:wholebot@thread.tacv2;messageid=9"));
    }

    @Test
    void handbookQuestion_answersWithCitation() {
        String answer = personal("vad är en lägesbild?");

        assertThat(answer).containsIgnoringCase("lägesbild").contains("Källa");
    }

    @Test
    void disclosureOfViolence_getsSupportNumbersFirst() {
        String answer = personal("min man slår mig och jag är rädd");

        assertThat(answer).contains("112").contains("020-50 50 50");
    }

    @Test
    void disclosureInChannel_alsoOffersPrivateChat() {
        String answer = channel("jag hör hur grannen skriker och slår");

        assertThat(answer).contains("112");
        // the private follow-up goes to Erik's 1:1 chat, opened from the team when he has none yet
        assertThat(harness.connector().allActivities()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(activity -> assertThat(ConversationHarness.visibleText(activity)).contains("112"));
    }

    @Test
    void englishQuestion_answeredInEnglish() {
        String answer = personal("what can you do?");

        assertThat(answer).contains("What Vägvisaren can do");
    }

    @Test
    void reminderRequest_showsConfirmationCardBeforeSaving() {
        String answer = channel("påminn oss om lägesbilden på fredag kl 10");

        assertThat(answer).containsIgnoringCase("spara");
        String card = harness.repliesIn("19:wholebot@thread.tacv2;messageid=9").toString();
        assertThat(card).containsIgnoringCase("lägesbilden").contains("10:00");
    }

    @Test
    void reflectionRequest_showsExercisePicker() {
        String answer = channel("starta reflektion");

        assertThat(answer).containsIgnoringCase("övning");
    }

    @Test
    void progressUpdate_inChannel_isRecordedWithSuggestedStep() {
        String answer = channel("uppdatering: vi har genomfört kartläggningen i skolorna");

        assertThat(answer).contains("sparad");
        String card = harness.repliesIn("19:wholebot@thread.tacv2;messageid=9").toString();
        assertThat(card).as("step 2 (Beskriv våld som problem) suggested").contains("Beskriv våld som problem");
    }

    @Test
    void privacyQuestion_explainsWhatIsStored() {
        String answer = personal("vad sparar du om mig?");

        assertThat(answer).containsIgnoringCase("spara");
    }

    @Test
    void emojiOnly_getsFallbackNotError() {
        String answer = personal("🙂🙂🙂");

        assertThat(answer).isNotBlank();
    }
}
