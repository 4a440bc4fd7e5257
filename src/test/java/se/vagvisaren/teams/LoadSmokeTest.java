package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The fast version of {@link MessagesLoadTest} for every build: concurrent messages are all accepted and
 * each is answered exactly once. Speed is not asserted here.
 */
@BotTest
class LoadSmokeTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        ConnectorStub.get().reset();
    }

    @Test
    void concurrentMessages_eachAnsweredExactlyOnce() throws Exception {
        List<TeamsActivity> messages = LoadMessages.personal("smoke", 240, 20);

        LoadDriver.Result result = new LoadDriver().run("smoke", "http://127.0.0.1:" + port + "/api/messages",
                messages.size(), 8, i -> messages.get(i).toString(), status -> status == 200);

        assertThat(result.errors()).as(result.toString()).isZero();
        assertThat(LoadMessages.repliesPerActivity(ConnectorStub.get(), messages)).allSatisfy((id, replies) ->
                assertThat(replies).as("replies to activity %s", id).isEqualTo(1L));
    }
}
