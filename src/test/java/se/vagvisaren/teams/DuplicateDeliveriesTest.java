package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ConversationAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.teams.DuplicateDeliveries.Decision;
import se.vagvisaren.testing.TestDatabases;

/** Deliveries of the same activity: on one instance, across a restart, and with the database gone. */
class DuplicateDeliveriesTest {

    private final DataSource db = TestDatabases.h2();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private DuplicateDeliveries instance() {
        InboundProperties inbound = new InboundProperties(true, 10, 30, 30, 120, Duration.ofMinutes(1), 1000, 64,
                Duration.ofMillis(300), Duration.ofMinutes(10), true, Duration.ofSeconds(60), Duration.ofDays(1));
        return new DuplicateDeliveries(inbound, new DeliveryLedger(JdbcClient.create(db), Clock.systemUTC(),
                inbound.claimTimeout()), meters);
    }

    private static Activity message(String id) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setId(id);
        activity.setChannelId("msteams");
        activity.setConversation(new ConversationAccount("a:1personal"));
        return activity;
    }

    private static CompletableFuture<Void> process(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Process.class);
        return ((Decision.Process) decision).outcome();
    }

    @Test
    void admit_redeliveryWhileTheFirstRuns_waitsThen202_afterItsEnd200() {
        DuplicateDeliveries deliveries = instance();
        CompletableFuture<Void> first = process(deliveries.admit(message("1")));

        assertThat(deliveries.admit(message("1"))).isInstanceOf(Decision.StillRunning.class);
        first.complete(null);
        assertThat(deliveries.admit(message("1"))).isInstanceOf(Decision.AlreadyAnswered.class);
        assertThat(meters.counter("vagvisaren.activities.redelivered").count()).isEqualTo(2);
    }

    @Test
    void admit_afterRestart_answeredActivityIsNotProcessedAgain_otherActivitiesAre() {
        process(instance().admit(message("2"))).complete(null);

        DuplicateDeliveries afterRestart = instance();

        assertThat(afterRestart.admit(message("2"))).isInstanceOf(Decision.AlreadyAnswered.class);
        process(afterRestart.admit(message("3")));
    }

    @Test
    void admit_afterAFailedTurn_theRedeliveryIsProcessed_hereAndAfterARestart() {
        DuplicateDeliveries deliveries = instance();
        process(deliveries.admit(message("4"))).completeExceptionally(new IllegalStateException("database down"));

        process(deliveries.admit(message("4"))).completeExceptionally(new IllegalStateException("still down"));
        process(instance().admit(message("4")));
    }

    @Test
    void admit_databaseGone_asksTeamsToRetryAndForgetsTheClaim() {
        DuplicateDeliveries deliveries = instance();
        JdbcClient.create(db).sql("ALTER TABLE inbound_delivery RENAME TO inbound_delivery_away").update();

        assertThat(deliveries.admit(message("5"))).isInstanceOf(Decision.RetryLater.class);

        JdbcClient.create(db).sql("ALTER TABLE inbound_delivery_away RENAME TO inbound_delivery").update();
        process(deliveries.admit(message("5")));
    }

    @Test
    void admit_activityWithoutId_isAlwaysProcessed() {
        DuplicateDeliveries deliveries = instance();

        process(deliveries.admit(message(null)));
        process(deliveries.admit(message(null)));
    }
}
