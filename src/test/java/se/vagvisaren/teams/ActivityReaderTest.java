package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TeamsActivity;

/** Edge rules for incoming activities; the shape rules are regressions found by {@link ActivityFuzzTest}. */
class ActivityReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ActivityReader reader = new ActivityReader(262_144);

    private Activity read(String body) throws Exception {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Activity read(ObjectNode activity) throws Exception {
        return read(activity.toString());
    }

    private void assertRefused(ObjectNode activity, String reason) {
        assertThatThrownBy(() -> read(activity)).isInstanceOf(ActivityReader.InvalidActivityException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ActivityReader.InvalidActivityException) e).status).isEqualTo(400));
    }

    @Test
    void read_realTeamsMessage_typesItsChannelDataOnce() throws Exception {
        Activity activity = read(TeamsActivity.channel("hej").json());

        assertThat(activity.getChannelData()).isInstanceOf(TeamsChannelData.class);
        assertThat(activity.teamsGetTeamId()).isEqualTo(TeamsActivity.TEAM_ID);
        assertThat(TenantOf.activity(activity)).isEqualTo(TeamsActivity.TENANT);
    }

    @Test
    void read_byteOrderMarkAndWhitespace_areAccepted() throws Exception {
        assertThat(read("\uFEFF \n" + TeamsActivity.personal("hej")).getText()).isEqualTo("hej");
    }

    @Test
    void read_malformedOrNonObjectBodies_are400WithAReason() {
        assertThatThrownBy(() -> read("{\"type\":")).hasMessage("Malformed JSON");
        assertThatThrownBy(() -> read("[{}]")).hasMessage("Body must be a JSON object");
        assertThatThrownBy(() -> read("null")).hasMessage("Body must be a JSON object");
        assertThatThrownBy(() -> read("{\"type\":\"message\",\"timestamp\":{}}")).hasMessage("Not a Bot Framework activity");
        assertThatThrownBy(() -> read("{\"value\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .hasMessage("JSON nested too deeply or too large");
    }

    @Test
    void read_bodyOverTheLimit_is413() {
        assertThatThrownBy(() -> new ActivityReader(1024).read(new ByteArrayInputStream(new byte[1025])))
                .satisfies(e -> assertThat(((ActivityReader.InvalidActivityException) e).status).isEqualTo(413));
    }

    @Test
    void read_declaredLength_sizesTheBufferButTheLimitCountsTheBytesRead() throws Exception {
        byte[] body = TeamsActivity.personal("hej").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(new ByteArrayInputStream(body), body.length).getText()).isEqualTo("hej");
        // A client that declares less or more than it sends: the bytes read decide, as without a declared length.
        assertThat(reader.read(new ByteArrayInputStream(body), body.length - 10).getText()).isEqualTo("hej");
        assertThat(reader.read(new ByteArrayInputStream(body), body.length + 10).getText()).isEqualTo("hej");
        ActivityReader small = new ActivityReader(1024);
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[5000]), 100))
                .satisfies(e -> assertThat(((ActivityReader.InvalidActivityException) e).status).isEqualTo(413));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[1025]), 1024))
                .satisfies(e -> assertThat(((ActivityReader.InvalidActivityException) e).status).isEqualTo(413));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[0]), 0)).hasMessage("Empty request body");
    }

    @Test
    void read_eventWithoutName_isRefused() {
        ObjectNode event = TeamsActivity.personal("x").json().put("type", "event");

        assertRefused(event, "has no name");
    }

    @Test
    void read_invalidLocale_isDroppedNotFatal() throws Exception {
        assertThat(read(TeamsActivity.personal("hej").locale("{}").json()).getLocale()).isNull();
        assertThat(read(TeamsActivity.personal("hej").locale("sv-SE").json()).getLocale()).isEqualTo("sv-SE");
    }

    @Test
    void read_memberAddedWithoutId_isRefused() throws Exception {
        ObjectNode update = TeamsActivity.fixture("member-added-to-team").json();
        update.set("membersAdded", JSON.readTree("[{\"aadObjectId\":\"0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e09\"}]"));

        assertRefused(update, "Member without id");
    }

    @Test
    void read_idsLongerThanTheirColumns_areRefused() {
        assertRefused(TeamsActivity.personal("hej").tenant("t".repeat(129)).json(), "tenant id longer than 128");
        assertRefused(TeamsActivity.personal("hej").conversationId("a:" + "x".repeat(600)).json(), "conversation id");
        assertRefused(TeamsActivity.personal("hej").from("29:" + "x".repeat(300), null, "x").json(), "sender id");
        ObjectNode longTeam = TeamsActivity.channel("hej").json();
        longTeam.with("channelData").with("team").put("id", "19:" + "x".repeat(600));
        assertRefused(longTeam, "team id");
    }

    @Test
    void read_teamsActivityWithChannelDataOfTheWrongShape_isRefused() {
        assertRefused(TeamsActivity.personal("hej").json().put("channelData", "tenant"), "not Teams channel data");
    }

    @Test
    void read_teamsActivityWithoutChannelData_getsAnEmptyOne() throws Exception {
        Activity activity = read(TeamsActivity.personal("hej").remove("channelData").json());

        assertThat(activity.teamsGetChannelId()).isNull(); // the SDK would throw here without channel data
    }

    @Test
    void read_teamsConversationUpdateWithNeitherMembersNorEvent_isRefused() {
        ObjectNode update = TeamsActivity.fixture("member-added-to-team").remove("membersAdded").json();
        update.with("channelData").remove("eventType");

        assertRefused(update, "without members or event type");
    }
}
