package se.vagvisaren.reflection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;

/**
 * The reflection card's automatic refresh as Teams receives it (issue 19): no {@code userIds} in a channel of
 * at most 60 members, so Teams refreshes for everyone; in a larger one the launcher first and 60 ids in all.
 * The roster comes from WireMock's {@code GET /v3/conversations/{id}/pagedmembers}, as from the Bot Connector.
 */
@BotTest
class ReflectionRefreshAudienceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    ConversationHarness harness;
    final Person erik = Person.named("Erik Nilsson");

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @Test
    void launch_channelOfFiveMembers_cardRefreshesAutomaticallyForAll() {
        TeamFixture team = TeamFixture.channel("refresh-small");
        roster(5);

        JsonNode card = launch(team);

        assertThat(card.path("refresh").path("action").path("verb").asText()).isEqualTo(ExerciseCards.VERB_REFRESH);
        assertThat(card.path("refresh").has("userIds")).isFalse();
    }

    @Test
    void launch_channelOfMoreThan60Members_sixtyUserIdsWithTheLauncherFirst() {
        TeamFixture team = TeamFixture.channel("refresh-large");
        roster(100);

        JsonNode userIds = launch(team).path("refresh").path("userIds");

        assertThat(userIds).hasSize(60);
        assertThat(userIds.get(0).asText()).isEqualTo(erik.teamsId());
    }

    @Test
    void launch_rosterUnavailable_onlyTheLauncherRefreshesAutomatically() {
        TeamFixture team = TeamFixture.channel("refresh-unknown"); // WireMock answers 404 for the roster

        JsonNode userIds = launch(team).path("refresh").path("userIds");

        assertThat(userIds).hasSize(1);
        assertThat(userIds.get(0).asText()).isEqualTo(erik.teamsId());
    }

    private JsonNode launch(TeamFixture team) {
        var exchange = harness.send(team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        assertThat(exchange.status()).isEqualTo(200);
        List<JsonNode> cards = team.cardsPosted(harness);
        assertThat(cards).isNotEmpty();
        return cards.get(cards.size() - 1);
    }

    /** One roster page of {@code count} members (Teams' default page holds up to a few hundred). */
    private void roster(int count) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode members = page.putArray("members");
        for (int i = 0; i < count; i++) {
            members.addObject().put("id", "29:member" + i).put("name", "Member " + i).put("aadObjectId", "aad-" + i);
        }
        harness.connector().server().stubFor(get(urlPathMatching("/v3/conversations/.+/pagedmembers")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page.toString())));
    }
}
