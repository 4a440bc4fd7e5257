package se.vagvisaren.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/** Giving and taking roles in a team channel by @mention, as a coordinator would. */
@BotTest
class RoleCommandsConversationTest {

    private static final String TEAM = "19:teamRoles@thread.tacv2";
    private static final String CHANNEL = "19:rolesChannel@thread.tacv2;messageid=1";
    private static final String ERIK = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02";
    private static final String SARA = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e03";

    @LocalServerPort
    int port;

    @Autowired
    TeamRoles roles;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        harness.connector().server().stubFor(get(urlPathMatching("/v3/conversations/.*/members/.*"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"29:1cSaraGroupTeamsId\",\"name\":\"Sara Lind\",\"aadObjectId\":\"" + SARA + "\"}")));
        // Erik adds the bot to the team and so becomes its first coordinator.
        harness.send(TeamsActivity.fixture("bot-added-to-team").conversationId(TEAM)
                .set("channelData", json("{\"team\":{\"id\":\"" + TEAM + "\"},\"eventType\":\"teamMemberAdded\","
                        + "\"tenant\":{\"id\":\"" + TeamsActivity.TENANT + "\"}}")));
        harness.connector().reset();
    }

    private static TeamsActivity inChannel(String textAfterMention) {
        return TeamsActivity.channel(textAfterMention).conversationId(CHANNEL)
                .set("channelData", json("{\"teamsTeamId\":\"" + TEAM + "\",\"team\":{\"id\":\"" + TEAM + "\"},"
                        + "\"teamsChannelId\":\"19:rolesChannel@thread.tacv2\",\"tenant\":{\"id\":\"" + TeamsActivity.TENANT + "\"}}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void coordinatorGrantsFacilitator_byMention_roleStoredUnderEntraId() {
        harness.send(inChannel("gör <at>Sara Lind</at> till utbildare").mention("29:1cSaraGroupTeamsId", "Sara Lind"));

        assertThat(harness.textsIn(CHANNEL)).singleElement()
                .satisfies(t -> assertThat(t).contains("Sara Lind är nu utbildare"));
        assertThat(roles.has(TEAM, SARA, Role.FACILITATOR)).isTrue();
        assertThat(roles.has(TEAM, ERIK, Role.COORDINATOR)).isTrue();
    }

    @Test
    void nonCoordinator_cannotGrantRoles() {
        harness.send(inChannel("gör <at>Erik Nilsson</at> till samordnare").mention("29:1bErikChannelTeamsId", "Erik Nilsson")
                .from("29:1cSaraGroupTeamsId", SARA, "Sara Lind"));

        assertThat(harness.textsIn(CHANNEL)).singleElement()
                .satisfies(t -> assertThat(t).contains("Bara samordnare"));
        assertThat(roles.has(TEAM, SARA, Role.COORDINATOR)).isFalse();
    }

    @Test
    void coordinatorRevokes_andListShowsCounts() {
        roles.grant(TEAM, SARA, Role.FACILITATOR, ERIK);

        harness.send(inChannel("ta bort <at>Sara Lind</at> som utbildare").mention("29:1cSaraGroupTeamsId", "Sara Lind"));
        harness.send(inChannel("vilka roller finns här?"));

        assertThat(harness.textsIn(CHANNEL)).hasSize(2);
        assertThat(harness.textsIn(CHANNEL).get(0)).contains("inte längre utbildare");
        assertThat(harness.textsIn(CHANNEL).get(1)).contains("samordnare: 1").doesNotContain("utbildare:");
        assertThat(roles.has(TEAM, SARA, Role.FACILITATOR)).isFalse();
    }

    @Test
    void grantWithoutMention_asksForOne() {
        harness.send(inChannel("gör Sara till utbildare"));

        assertThat(harness.textsIn(CHANNEL)).singleElement().satisfies(t -> assertThat(t).contains("Nämn personen med @"));
    }

    @Test
    void roleCommandInPersonalChat_pointsToTheTeam() {
        harness.send(TeamsActivity.personal("gör mig till samordnare"));

        assertThat(harness.textsIn(TeamsActivity.PERSONAL_CONVERSATION)).singleElement()
                .satisfies(t -> assertThat(t).contains("gäller ett team"));
    }

    @Test
    void injectedMarkupInMentionName_isEscapedInReply() {
        harness.send(inChannel("gör <at>[x](javascript:alert)</at> till utbildare")
                .mention("29:1cSaraGroupTeamsId", "[x](javascript:alert)"));

        assertThat(harness.textsIn(CHANNEL)).singleElement()
                .satisfies(t -> assertThat(t).contains("\\[x\\]\\(javascript:alert\\)"));
    }
}
