package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Nudges with the real scheduler on a file database and a clock the test moves: they survive a restart,
 * a throttling connector delays them without losing them, and a channel the bot was removed from stops
 * being nudged while the coordinator is told. Clock: Wednesday 25 November 2026, 10:00 Stockholm.
 */
class NudgeReliabilityTest {

    static final String CHANNEL = "19:reliabilityChannel@thread.tacv2";
    static final LocalDate FRIDAY = LocalDate.parse("2026-11-27");

    @TempDir
    Path dir;
    MutableClock clock;
    ConnectorStub connector;
    BotInstance bot;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        connector = ConnectorStub.get();
        connector.reset();
    }

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.close();
        }
    }

    String db() {
        return "jdbc:h2:file:" + dir.resolve("vagvisaren").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    List<LoggedRequest> sendsTo(String conversationId) {
        return connector.sentActivities().stream()
                .filter(r -> java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8)
                        .startsWith("/v3/conversations/" + conversationId + "/activities"))
                .toList();
    }

    @Test
    void restartBetweenSchedulingAndDueTime_nudgeSentOnceByTheNewInstance() {
        bot = BotInstance.start("first", db(), clock, Map.of());
        bot.hello(CHANNEL);
        Deadline d = bot.create(CHANNEL, "Lägesbilden", FRIDAY, LocalTime.of(14, 0), "0");
        bot.close();
        connector.reset();

        clock.set(Instant.parse("2026-11-27T13:00:30Z")); // Friday 14:00:30 Stockholm
        bot = BotInstance.start("second", db(), clock, Map.of());

        BotInstance.await("the due nudge", 20_000, () -> sendsTo(CHANNEL).size() >= 1);
        BotInstance.await("the nudge to be recorded", 5_000, () -> bot.nudgeStatuses(d.id()).get(0).equals("DUE:SENT"));
        assertThat(sendsTo(CHANNEL)).hasSize(1);
        assertThat(ConversationHarness.visibleText(connector.activitiesTo(CHANNEL).get(0)))
                .contains("Nu är det dags: **Lägesbilden**").contains("fredag 27 november kl. 14:00")
                .contains("Klar").contains("Skjut upp 1 dag");
    }

    @Test
    void connectorAnswers429WithShortRetryAfter_deliveredAfterTheWait() {
        bot = BotInstance.start("throttled", db(), clock, Map.of());
        bot.hello(CHANNEL);
        Deadline d = bot.create(CHANNEL, "Åtgärdsplanen", FRIDAY, LocalTime.of(14, 0), "0");
        connector.reset();
        connector.failSends(CHANNEL, 429, 1, 1);

        clock.set(Instant.parse("2026-11-27T13:00:30Z"));

        BotInstance.await("the nudge after the throttle", 20_000, () -> bot.nudgeStatuses(d.id()).get(0).equals("DUE:SENT"));
        List<LoggedRequest> tries = sendsTo(CHANNEL);
        assertThat(tries).as(connector.server().getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl() + " -> " + e.getResponse().getStatus()).toList().toString()).hasSize(2);
        assertThat(Duration.between(tries.get(0).getLoggedDate().toInstant(), tries.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void connectorAnswers429WithLongRetryAfter_rescheduledAndDeliveredLater() {
        bot = BotInstance.start("throttled-long", db(), clock, Map.of());
        bot.hello(CHANNEL);
        Deadline d = bot.create(CHANNEL, "Åtgärdsplanen", FRIDAY, LocalTime.of(14, 0), "0");
        connector.reset();
        connector.failSends(CHANNEL, 429, 1, 120);

        clock.set(Instant.parse("2026-11-27T13:00:30Z"));
        BotInstance.await("the nudge to wait for a retry", 20_000, () -> bot.nudgeStatuses(d.id()).get(0).equals("DUE:RETRY"));
        assertThat(sendsTo(CHANNEL)).hasSize(1);

        clock.advance(Duration.ofMinutes(3));

        BotInstance.await("the retried nudge", 20_000, () -> bot.nudgeStatuses(d.id()).get(0).equals("DUE:SENT"));
        assertThat(sendsTo(CHANNEL)).hasSize(2);
        assertThat(bot.jdbc().sql("SELECT attempts FROM deadline_nudge WHERE deadline_id = :d AND kind = 'DUE'")
                .param("d", d.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void botRemovedFromChannel_nudgingStopsAndCoordinatorIsTold() {
        bot = BotInstance.start("removed", db(), clock, Map.of());
        bot.hello(CHANNEL);
        new ConversationHarness(bot.port()).send(TeamsActivity.personal("hej")); // Anna's 1:1 chat
        bot.bean(TeamRoles.class).grant(TeamsActivity.TEAM_ID, "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01", Role.COORDINATOR, "test");
        Deadline first = bot.create(CHANNEL, "Lägesbilden", FRIDAY, LocalTime.of(14, 0), "0");
        Deadline second = bot.create(CHANNEL, "Åtgärdsplanen", FRIDAY, LocalTime.of(15, 0), "0");
        connector.reset();
        connector.failSends(CHANNEL, 403, 1, null);

        clock.set(Instant.parse("2026-11-27T13:00:30Z"));
        BotInstance.await("the coordinator to be told", 20_000,
                () -> !connector.activitiesTo(TeamsActivity.PERSONAL_CONVERSATION).isEmpty());
        clock.set(Instant.parse("2026-12-04T13:00:00Z")); // past every planned nudge of both
        BotInstance.await("the scheduler to run what was due", 3_000, () -> false == isSchedulerBusy());

        assertThat(sendsTo(CHANNEL)).hasSize(1);
        JsonNode notice = connector.activitiesTo(TeamsActivity.PERSONAL_CONVERSATION).get(0);
        assertThat(ConversationHarness.visibleText(notice)).contains("Jag kan inte längre skicka påminnelser")
                .contains("Lägesbilden").contains("Åtgärdsplanen");
        assertThat(connector.activitiesTo(TeamsActivity.PERSONAL_CONVERSATION)).hasSize(1);
        assertThat(bot.nudgeStatuses(first.id())).first().isEqualTo("DUE:UNREACHABLE");
        assertThat(bot.nudgeStatuses(second.id())).allMatch(s -> s.endsWith("CANCELLED"));
        assertThat(bot.jdbc().sql("SELECT COUNT(*) FROM deadline WHERE reachable = FALSE").query(Integer.class).single()).isEqualTo(2);
    }

    private boolean isSchedulerBusy() {
        return bot.jdbc().sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'deadline-nudge' AND execution_time <= :now")
                .param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .query(Integer.class).single() > 0;
    }
}
