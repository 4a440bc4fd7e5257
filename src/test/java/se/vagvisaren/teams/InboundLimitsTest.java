package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Rate limits and redeliveries through {@code /api/messages} with production-style authentication.
 * Limits in this context: 3 per user and 5 per conversation at once, refilling one a minute.
 */
@AuthenticatedBotTest
class InboundLimitsTest extends ConversationFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    final TestJwks jwks = TestJwks.instance();

    private int send(TeamsActivity activity) {
        return harness.post(activity.toString(), jwks.bearer(t -> t)).status();
    }

    private static String newUser() {
        return "limits" + IDS.incrementAndGet();
    }

    private static TeamsActivity personalFrom(String user, String text) {
        return TeamsActivity.personal(text).conversationId("a:1" + user).from("29:" + user, uuidOf(user), "Person " + user);
    }

    private static String uuidOf(String user) {
        return UUID.nameUUIDFromBytes(user.getBytes()).toString();
    }

    @Test
    void userOverTheLimit_getsOneFriendlyNoticeThenSilence() {
        String user = newUser();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(personalFrom(user, "hej")));
        }

        assertThat(statuses).as("never an error towards Teams").containsOnly(200);
        List<String> texts = harness.textsIn("a:1" + user);
        assertThat(texts).hasSize(4);
        assertThat(texts.subList(0, 3)).allSatisfy(text -> assertThat(text).contains("Jag är Vägvisaren"));
        assertThat(texts.get(3)).contains("fler meddelanden än jag hinner med").contains("112");
    }

    @Test
    void limitedUser_noticeIsInTheirLanguage() {
        String user = newUser();
        for (int i = 0; i < 4; i++) {
            send(personalFrom(user, "hello").locale("en-GB"));
        }

        assertThat(harness.textsIn("a:1" + user)).last().satisfies(text ->
                assertThat(text).contains("more messages than I can keep up with").contains("112"));
    }

    @Test
    void limitedUserPressingACard_gets429WithAnErrorBody() throws Exception {
        String user = newUser();
        for (int i = 0; i < 4; i++) {
            send(personalFrom(user, "hej"));
        }
        TeamsActivity press = TeamsActivity.fixture("adaptive-card-invoke").conversationId("19:limits-card-" + user)
                .from("29:" + user, uuidOf(user), "Person " + user);

        var exchange = harness.post(press.toString(), jwks.bearer(t -> t));

        assertThat(exchange.status()).isEqualTo(429);
        assertThat(exchange.json().path("type").asText()).isEqualTo("application/vnd.microsoft.error");
        assertThat(exchange.json().path("value").path("message").asText()).contains("knappar");
        assertThat(harness.repliesIn("19:limits-card-" + user)).isEmpty();
    }

    @Test
    void busyChannel_isLimitedAsAWholeButEveryoneElseIsNot() {
        String channel = "19:busy-" + newUser() + "@thread.tacv2";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String user = newUser();
            statuses.add(send(TeamsActivity.channel("hej").conversationId(channel).from("29:" + user, uuidOf(user), "P")));
        }

        assertThat(statuses).containsOnly(200);
        List<String> texts = harness.textsIn(channel);
        assertThat(texts).hasSize(6);
        assertThat(texts.get(5)).contains("i den här konversationen");
        String elsewhere = newUser();
        send(personalFrom(elsewhere, "hej"));
        assertThat(harness.textsIn("a:1" + elsewhere)).singleElement()
                .satisfies(text -> assertThat(text).contains("Jag är Vägvisaren"));
    }

    @Test
    void teamsEventsOfALimitedUser_areStillProcessed() {
        String user = newUser();
        for (int i = 0; i < 5; i++) {
            send(personalFrom(user, "hej"));
        }
        TeamsActivity install = TeamsActivity.fixture("installation-update-add").conversationId("a:1install-" + user)
                .from("29:" + user, uuidOf(user), "Person " + user);

        assertThat(send(install)).isEqualTo(200);
        assertThat(harness.textsIn("a:1install-" + user)).singleElement()
                .satisfies(text -> assertThat(text).contains("välkommen"));
    }

    @Test
    void redeliveredActivity_isAnsweredOnce() {
        TeamsActivity hello = personalFrom(newUser(), "hej");

        assertThat(send(hello)).isEqualTo(200);
        assertThat(send(hello)).as("Teams redelivers the same id").isEqualTo(200);

        assertThat(harness.repliesIn(hello.conversationId())).hasSize(1);
    }

    @Test
    void redeliveredCardSubmit_runsTheActionOnce() throws Exception {
        String user = newUser();
        TeamsActivity submit = TeamsActivity.fixture("card-submit").conversationId("19:submit-" + user)
                .from("29:" + user, uuidOf(user), "Person " + user)
                .value(JSON.readTree("{\"verb\":\"core.choose\",\"intent\":\"help\",\"text\":\"hjälp\"}"));

        send(submit);
        send(submit);

        assertThat(harness.repliesIn("19:submit-" + user)).hasSize(1);
    }
}
