package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.SchedulerCaughtUp;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The weekly digest as db-scheduler runs it: the application clock is moved to Monday 08:00 in
 * Stockholm and the digest arrives in the team's General channel, once. A separate context because the
 * scheduler is on here.
 */
@BotTest
@Import({MutableClock.Config.class, ProgressTestConfig.class})
@TestPropertySource(properties = {"db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms",
        "VAGVISAREN_HASH_SECRET=test-hash-secret-0123456789", "VAGVISAREN_LINK_SECRET=test-link-secret-0123456789"})
class WeeklyDigestSchedulingTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void digest_clockReachesMonday0800InStockholm_isPostedOnceToTheGeneralChannel() throws InterruptedException {
        ConversationHarness harness = new ConversationHarness(port);
        harness.connector().reset();
        harness.send(TeamsActivity.fixture("bot-added-to-team"));
        harness.send(TeamsActivity.channel("uppdatering: kartläggningen i skolorna är klar"));
        harness.connector().reset();

        clock.set(Instant.parse("2026-11-30T06:59:00Z")); // 07:59 in Stockholm
        SchedulerCaughtUp.await(jdbc, clock); // everything due at 07:59 has run: no digest yet
        assertThat(digests(harness)).isEmpty();

        clock.set(Instant.parse("2026-11-30T07:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !digests(harness).isEmpty());
        clock.advance(Duration.ofHours(2));
        SchedulerCaughtUp.await(jdbc, clock); // two hours later: still the one digest

        assertThat(digests(harness)).singleElement().satisfies(text -> assertThat(text)
                .contains("Vecka 48: 2026-11-23 – 2026-11-29").contains("kartläggningen i skolorna är klar")
                .contains("Steg 2 · Beskriv våld som problem"));
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).noneMatch(t -> t.contains("Veckans framsteg"));
    }

    private static List<String> digests(ConversationHarness harness) {
        return harness.textsIn(TeamsActivity.TEAM_ID).stream().filter(t -> t.contains("Veckans framsteg")).toList();
    }
}
