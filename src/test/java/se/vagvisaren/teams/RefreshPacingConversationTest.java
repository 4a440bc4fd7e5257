package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Automatic card refreshes count against the conversation's Teams budget ({@link OutboundPacing}, shared
 * with proactive sends): once it is spent they are skipped with an empty 200, while presses still run.
 */
@BotTest
class RefreshPacingConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    OutboundPacing pacer;

    @Autowired
    MeterRegistry meters;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @Test
    void automaticRefresh_budgetSpent_skippedWithEmpty200_pressStillAnswered() {
        String conversation = "19:refreshpacing@thread.tacv2;messageid=1";
        double skippedBefore = skipped();
        // A burst of reminders keeps the conversation's budget spent while the refresh arrives: every slot
        // that frees up is taken again at once, however slowly this machine handles the request.
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread reminders = new Thread(() -> {
            while (sending.get()) {
                pacer.tryAcquire(conversation);
                LockSupport.parkNanos(100_000);
            }
        });
        while (pacer.tryAcquire(conversation)) {
            // spend what is left now
        }
        reminders.start();
        ConversationHarness.Exchange automatic;
        try {
            automatic = harness.send(refresh(conversation, "automatic"));
        } finally {
            sending.set(false);
        }
        var manual = harness.send(refresh(conversation, "manual"));

        assertThat(automatic.status()).isEqualTo(200);
        assertThat(automatic.json().path("value").asText()).isEmpty();
        assertThat(skipped()).isEqualTo(skippedBefore + 1);
        // the press reaches the reflection handler, which says the (made-up) exercise is unknown
        assertThat(manual.json().path("value").asText()).isNotEmpty();
    }

    @Test
    void automaticRefresh_budgetLeft_answeredByTheHandler() {
        var automatic = harness.send(refresh("19:refreshfree@thread.tacv2;messageid=1", "automatic"));

        assertThat(automatic.status()).isEqualTo(200);
        assertThat(automatic.json().path("value").asText()).isNotEmpty();
    }

    private double skipped() {
        var counter = meters.find("vagvisaren.cards.refresh").tag("outcome", "skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    private static TeamsActivity refresh(String conversation, String trigger) {
        ObjectNode data = JSON.createObjectNode().put("session", "999999");
        TeamsActivity activity = TeamsActivity.fixture("adaptive-card-invoke").conversationId(conversation)
                .execute("reflection.refresh", data);
        ((ObjectNode) activity.json().path("value")).put("trigger", trigger);
        return activity;
    }
}
