package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Issue 20, one welcome: Teams announces one install with an installationUpdate and a conversationUpdate;
 * the team gets one welcome, in Swedish whatever the installer's client is set to, saying what works in
 * the channel and what in a private chat.
 */
@BotTest
class OneWelcomeTest extends ConversationFixture {

    @Test
    void teamInstall_announcedTwice_welcomesOnceInSwedish_explainingChannelAndPrivateChat() {
        String team = "19:welcomeonce@thread.tacv2";
        harness.send(inTeam(TeamsActivity.fixture("installation-update-add"), team).locale("en-US"));
        harness.send(TeamsActivity.fixture("bot-added-to-team").conversationId(team).locale("en-US"));
        harness.send(inTeam(TeamsActivity.fixture("installation-update-add"), team).locale("en-US")); // redelivery

        assertThat(harness.textsIn(team)).singleElement().satisfies(text -> assertThat(text)
                .startsWith("Hej allihop").contains("kanalen").contains("privat chatt").doesNotContain("Hi everyone"));
    }

    @Test
    void reinstall_afterRemoval_welcomesAgain() {
        String team = "19:welcomeagain@thread.tacv2";
        harness.send(TeamsActivity.fixture("bot-added-to-team").conversationId(team));
        harness.send(TeamsActivity.fixture("bot-removed-from-team").conversationId(team));
        harness.send(TeamsActivity.fixture("bot-added-to-team").conversationId(team));

        assertThat(harness.textsIn(team)).hasSize(2).allSatisfy(text -> assertThat(text).startsWith("Hej allihop"));
    }

    @Test
    void personalInstall_welcomesOnce_inTheClientsLanguage_whenNothingIsRemembered() {
        String chat = "a:1WelcomePersonalEnglish";
        harness.send(TeamsActivity.fixture("installation-update-add").conversationId(chat).locale("en-US"));
        harness.send(TeamsActivity.fixture("installation-update-add").conversationId(chat).locale("en-US"));

        assertThat(harness.textsIn(chat)).singleElement().satisfies(text -> assertThat(text)
                .startsWith("Hello and welcome").contains("private chat").contains("channel"));
    }

    private static TeamsActivity inTeam(TeamsActivity activity, String teamConversation) {
        ObjectNode json = activity.json();
        ObjectNode conversation = json.putObject("conversation");
        conversation.put("isGroup", true);
        conversation.put("conversationType", "channel");
        conversation.put("tenantId", TeamsActivity.TENANT);
        conversation.put("id", teamConversation);
        ObjectNode channelData = json.putObject("channelData");
        channelData.putObject("tenant").put("id", TeamsActivity.TENANT);
        channelData.putObject("team").put("id", teamConversation);
        channelData.putObject("channel").put("id", teamConversation);
        return activity;
    }
}
