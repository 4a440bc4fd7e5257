package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/** Issue 20, no dead ends: what the bot does differently from what was asked, it says, and it offers a way on. */
@BotTest
class NoDeadEndsTest extends ConversationFixture {

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

    @Test
    void updateIn1to1_twoTeams_keptOnACardWithOneButtonPerTeam_savedForTheChosenOne() {
        String karin = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e87"; // her own id: the context is shared, and OutboundSenderTest puts ...5e77 in other teams
        Chat.of(harness, "19:deadendnorsjo@thread.tacv2;messageid=1", true, "sv-SE", "29:1Karin", karin, "Karin").say("hej");
        Chat.of(harness, "19:deadendskelleftea@thread.tacv2;messageid=1", true, "sv-SE", "29:1Karin", karin, "Karin").say("hej");
        Chat privately = Chat.of(harness, "a:1DeadEndKarin", false, "sv-SE", "29:1Karin", karin, "Karin");

        List<String> offered = privately.say("uppdatering: vi har gjort klart kartläggningen i skolorna");

        assertThat(String.join("\n", offered)).contains("Vilket team").contains("kartläggningen i skolorna")
                .doesNotContain("hör till ett team");
        JsonNode[] button = privately.findAction("progress.record").orElseThrow();
        assertThat(button[0].path("actions")).hasSize(2);
        assertThat(String.join("\n", privately.press(button[0], button[0].path("actions").get(1)))).contains("Sparad för");

        List<String> listed = privately.say("visa framsteg");
        assertThat(listed).hasSize(2);
        assertThat(String.join("\n", listed)).contains("kartläggningen i skolorna").doesNotContain("hör till ett team");
    }

    @Test
    void updateIn1to1_oneTeam_savedThereAtOnce() {
        String olle = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e78";
        Chat.of(harness, "19:deadendone@thread.tacv2;messageid=1", true, "sv-SE", "29:1Olle", olle, "Olle").say("hej");
        Chat privately = Chat.of(harness, "a:1DeadEndOlle", false, "sv-SE", "29:1Olle", olle, "Olle");

        assertThat(String.join("\n", privately.say("uppdatering: styrgruppen har fattat beslut om mandatet")))
                .contains("Sparad för");
        assertThat(String.join("\n", privately.say("visa framsteg"))).contains("styrgruppen har fattat beslut");
    }

    @Test
    void updateIn1to1_noTeamYet_textShownBackNotLost() {
        Chat privately = Chat.of(harness, "a:1DeadEndNobody", false, "sv-SE", "29:1Nobody",
                "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e79", "Nobody");

        assertThat(String.join("\n", privately.say("uppdatering: vi har bokat utbildningen i MVP")))
                .contains("vi har bokat utbildningen i MVP").contains("@Vägvisaren uppdatering");
        assertThat(String.join("\n", privately.say("visa framsteg"))).contains("@Vägvisaren visa framsteg");
    }

    @Test
    void askACoordinator_withoutACoordinatorChannel_reachesTheTeamsCoordinatorInPrivate_andSaysWhoGotIt() {
        String channel = "19:handoffnochannel@thread.tacv2;messageid=1";
        String team = "19:team-" + Integer.toHexString(channel.hashCode()) + "@thread.tacv2";
        // Ida adds the bot to the team, which makes her its first coordinator
        TeamsActivity added = TeamsActivity.fixture("bot-added-to-team").conversationId(team)
                .from("29:1IdaInstaller", "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e91", "Ida");
        added.json().with("channelData").with("team").put("id", team).put("name", "Våldsprevention Handoffby");
        harness.send(added);
        Chat asker = Chat.of(harness, channel, true, "sv-SE", "29:1Asker", "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e92", "Pelle");
        asker.say("vad är en lägesbild?");

        asker.press("knowledge.handoff");

        // the question reaches Ida in a private chat; the asker is told privately who got it
        List<String> everywhere = harness.connector().allActivities().stream().map(ConversationHarness::visibleText).toList();
        assertThat(everywhere).anySatisfy(text -> assertThat(text).contains("Fråga till samordnarna").contains("lägesbild"));
        assertThat(everywhere).anySatisfy(text -> assertThat(text).contains("skickade din fråga direkt till en samordnare"));
    }
}
