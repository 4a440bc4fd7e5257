package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * A card pressed through its {@code Action.Submit} fallback (a message with {@code value} and the card's id in
 * {@code replyToId}) changes in place: the connector gets a PUT of the changed card to the pressed message, and
 * nothing is re-posted, unless Teams refuses the update; then the changed card is posted as before.
 */
@BotTest
class CardUpdateInPlaceTest extends ConversationFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code replyToId} of the {@code card-submit} fixture: the id of the card that was pressed. */
    private static final String PRESSED_CARD = "1732525200100";
    private static final String DISCARDED = "Okej, jag sparade ingenting.";

    @Test
    void submitThatChangesTheCard_updatesThePressedCardInPlace_andPostsNothingNew() throws Exception {
        answerUpdatesWith(200);

        assertThat(harness.send(discardPress()).status()).isEqualTo(200);

        assertThat(updates()).singleElement().satisfies(put -> {
            assertThat(ConnectorStub.decodedPath(put)).isEqualTo(
                    "/v3/conversations/" + TeamsActivity.CHANNEL_CONVERSATION + "/activities/" + PRESSED_CARD);
            JsonNode body = ConnectorStub.body(put);
            assertThat(body.path("id").asText()).isEqualTo(PRESSED_CARD);
            assertThat(body.path("attachments").get(0).path("contentType").asText())
                    .isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(ConversationHarness.visibleText(body)).contains(DISCARDED);
        });
        assertThat(harness.repliesIn(TeamsActivity.CHANNEL_CONVERSATION)).as("no new message with the card").isEmpty();
    }

    @Test
    void updateRefusedWith404_changedCardIsPostedAsANewMessage() throws Exception {
        answerUpdatesWith(404);

        assertThat(harness.send(discardPress()).status()).isEqualTo(200);

        assertThat(updates()).as("the update was tried first").hasSize(1);
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains(DISCARDED));
    }

    @Test
    void submitWithoutReplyToId_postsTheChangedCardWithoutTryingAnUpdate() throws Exception {
        answerUpdatesWith(200);
        assertThat(harness.send(discardPress().remove("replyToId")).status()).isEqualTo(200);

        assertThat(updates()).isEmpty();
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains(DISCARDED));
    }

    @Test
    void submitThatOnlyReplies_postsTheReply_andUpdatesNothing() {
        answerUpdatesWith(200);

        harness.send(TeamsActivity.fixture("card-submit").freshId());

        assertThat(updates()).isEmpty();
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("Det här kan Vägvisaren"));
    }

    private static TeamsActivity discardPress() throws IOException {
        return TeamsActivity.fixture("card-submit").value(JSON.readTree("{\"verb\":\"deadlines.discard\"}")).freshId();
    }

    private void answerUpdatesWith(int status) {
        harness.connector().server().stubFor(put(urlPathMatching("/v3/conversations/.+/activities/.+")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(status == 200 ? "{\"id\":\"" + PRESSED_CARD + "\"}"
                                : "{\"error\":{\"code\":\"NotFound\",\"message\":\"stub\"}}")));
    }

    private List<LoggedRequest> updates() {
        return harness.connector().server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> "PUT".equals(r.getMethod().getName())).toList();
    }
}
