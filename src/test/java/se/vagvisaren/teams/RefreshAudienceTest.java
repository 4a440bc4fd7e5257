package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TeamsActivity;

/** Microsoft's refresh rule: automatic for everyone up to 60 members, else only for the listed (≤ 60) users. */
class RefreshAudienceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "29:1bErikChannelTeamsId";

    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void apply_channelOfThreeMembers_noUserIdsSoTeamsRefreshesForAll() throws Exception {
        RefreshAudience audience = audience(Optional.of(new RefreshAudience.Roster(members(3), false)));

        JsonNode sent = audience.apply(cardWithRefresh("\"userIds\": []"), turn("channel-message"));

        assertThat(sent.path("refresh").has("userIds")).isFalse();
        assertThat(sent.path("refresh").path("action").path("verb").asText()).isEqualTo("reflection.refresh");
    }

    @Test
    void apply_channelOfExactly60_stillAutomaticForAll() throws Exception {
        RefreshAudience audience = audience(Optional.of(new RefreshAudience.Roster(members(60), false)));

        assertThat(audience.apply(cardWithRefresh(null), turn("channel-message")).path("refresh").has("userIds")).isFalse();
    }

    @Test
    void apply_channelOf61_listsSixtyUsersWithTheSenderFirst() throws Exception {
        List<String> roster = new ArrayList<>(members(60));
        roster.add(30, SENDER); // the sender is somewhere in the roster: listed once, first
        RefreshAudience audience = audience(Optional.of(new RefreshAudience.Roster(roster, false)));

        JsonNode userIds = audience.apply(cardWithRefresh(null), turn("channel-message")).path("refresh").path("userIds");

        assertThat(userIds).hasSize(60);
        assertThat(userIds.get(0).asText()).isEqualTo(SENDER);
        List<String> ids = new ArrayList<>();
        userIds.forEach(id -> ids.add(id.asText()));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void apply_rosterWithFurtherPages_treatedAsLarge() throws Exception {
        RefreshAudience audience = audience(Optional.of(new RefreshAudience.Roster(members(20), true)));

        JsonNode userIds = audience.apply(cardWithRefresh(null), turn("groupchat-message")).path("refresh").path("userIds");

        assertThat(userIds).hasSize(21);
    }

    @Test
    void apply_rosterUnreadable_onlyTheSenderRefreshesAutomatically_andItIsAskedAgainNextTime() throws Exception {
        RefreshAudience audience = audience(Optional.empty());

        JsonNode userIds = audience.apply(cardWithRefresh(null), turn("channel-message")).path("refresh").path("userIds");
        audience.apply(cardWithRefresh(null), turn("channel-message"));

        assertThat(userIds).hasSize(1);
        assertThat(userIds.get(0).asText()).isEqualTo(SENDER);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void apply_sameConversationTwice_readsTheRosterOnce() throws Exception {
        RefreshAudience audience = audience(Optional.of(new RefreshAudience.Roster(members(5), false)));

        audience.apply(cardWithRefresh(null), turn("channel-message"));
        audience.apply(cardWithRefresh(null), turn("channel-message"));

        assertThat(lookups).hasValue(1);
    }

    @Test
    void apply_personalChat_noUserIdsAndNoRosterLookup() throws Exception {
        RefreshAudience audience = audience(Optional.empty());

        JsonNode sent = audience.apply(cardWithRefresh("\"userIds\": [\"29:x\"]"), turn("personal-message"));

        assertThat(sent.path("refresh").has("userIds")).isFalse();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void apply_cardWithoutRefresh_returnedUnchanged() throws Exception {
        RefreshAudience audience = audience(Optional.empty());
        JsonNode card = JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[]}");

        assertThat(audience.apply(card, turn("channel-message"))).isSameAs(card);
        assertThat(audience.apply(null, turn("channel-message"))).isNull();
        assertThat(lookups).hasValue(0);
    }

    private RefreshAudience audience(Optional<RefreshAudience.Roster> roster) {
        return new RefreshAudience(turn -> {
            lookups.incrementAndGet();
            return roster;
        });
    }

    private static List<String> members(int count) {
        return IntStream.range(0, count).mapToObj(i -> "29:member" + i).toList();
    }

    private static JsonNode cardWithRefresh(String extra) throws Exception {
        return JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[],\"refresh\":{"
                + "\"action\":{\"type\":\"Action.Execute\",\"verb\":\"reflection.refresh\",\"data\":{\"session\":\"1\"}}"
                + (extra == null ? "" : "," + extra) + "}}");
    }

    private static TurnContext turn(String fixture) throws Exception {
        Activity activity = ActivityReader.MAPPER.readValue(TeamsActivity.fixture(fixture).toString(), Activity.class);
        return new TurnContextImpl(new BotAdapter() {
            @Override
            public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
                return CompletableFuture.completedFuture(new ResourceResponse[0]);
            }

            @Override
            public CompletableFuture<ResourceResponse> updateActivity(TurnContext context, Activity activity) {
                return CompletableFuture.completedFuture(new ResourceResponse());
            }

            @Override
            public CompletableFuture<Void> deleteActivity(TurnContext context, ConversationReference reference) {
                return CompletableFuture.completedFuture(null);
            }
        }, activity);
    }
}
