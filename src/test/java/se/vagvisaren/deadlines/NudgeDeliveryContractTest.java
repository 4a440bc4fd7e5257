package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.DeliveryResult.Status;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * How delivery outcomes of the {@code OutboundMessages} port steer the nudges, with the real scheduler
 * and a scripted port: retry later (bounded), give up and tell the creator, stop a removed conversation
 * and tell the coordinator once. Clock: Wednesday 25 November 2026, 10:00 Stockholm.
 */
class NudgeDeliveryContractTest {

    static final String COORDINATOR = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01";
    static final LocalDate FRIDAY = LocalDate.parse("2026-11-27");
    static final Instant FRIDAY_1400 = Instant.parse("2026-11-27T13:00:30Z");

    @TempDir
    static Path dir;
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    static ScriptedOutbound outbound = new ScriptedOutbound();
    static BotInstance bot;
    static int channels;

    @BeforeAll
    static void start() {
        bot = BotInstance.start("contract", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", clock, Map.of(), outbound);
        bot.bean(TeamRoles.class).grant(TeamsActivity.TEAM_ID, COORDINATOR, Role.COORDINATOR, "test");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    String channel;

    LocalDate due;
    Instant dueAt;

    /** Time only moves forward (db-scheduler does not expect a clock going back): each test gets a later week. */
    @BeforeEach
    void freshChannelAndWeek() {
        channel = "19:contract" + (++channels) + "@thread.tacv2";
        clock.advance(Duration.ofDays(7));
        due = clock.instant().atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDate().plusDays(2);
        dueAt = java.time.ZonedDateTime.of(due, LocalTime.of(14, 0, 30), java.time.ZoneId.of("Europe/Stockholm")).toInstant();
    }

    String status(Deadline d) {
        return bot.nudgeStatuses(d.id()).get(0);
    }

    @Test
    void retryableFailure_nudgeWaitsAndIsSentOnTheRetry() {
        Deadline d = bot.create(channel, "Lägesbilden", due, LocalTime.of(14, 0), "0");
        outbound.next("conv:" + channel, Status.FAILED_RETRYABLE);

        clock.set(dueAt);
        BotInstance.await("a retry to be planned", 60_000, () -> status(d).equals("DUE:RETRY"));
        clock.advance(Duration.ofMinutes(1));

        BotInstance.await("the retried nudge", 60_000, () -> status(d).equals("DUE:SENT"));
        assertThat(outbound.calls("conv:" + channel)).hasSize(2);
    }

    @Test
    void failingEveryTime_givesUpAfterFiveSendsAndTellsTheCreator() {
        Deadline d = bot.create(channel, "Åtgärdsplanen", due, LocalTime.of(14, 0), "0");
        outbound.always("conv:" + channel, Status.FAILED_RETRYABLE);

        clock.set(dueAt);
        for (int attempt = 1; attempt < 5; attempt++) {
            int sends = attempt;
            BotInstance.await("send " + sends, 60_000, () -> outbound.calls("conv:" + channel).size() >= sends);
            BotInstance.await("retry " + sends + " planned", 60_000, () -> status(d).equals("DUE:RETRY"));
            clock.advance(Duration.ofMinutes(1L << (attempt - 1)));
        }

        BotInstance.await("giving up", 60_000, () -> status(d).equals("DUE:FAILED"));
        BotInstance.await("the creator to be told", 60_000, () -> outbound.calls("user:" + BotInstance.ERIK).stream()
                .anyMatch(c -> c.text().contains("flera gånger")));
        assertThat(outbound.calls("conv:" + channel)).hasSize(5);
        assertThat(outbound.calls("user:" + BotInstance.ERIK)).anySatisfy(c -> assertThat(c.text())
                .contains("flera gånger").contains("Åtgärdsplanen"));
    }

    @Test
    void conversationGone_allItsDeadlinesPausedAndPeopleToldOnce() {
        Deadline first = bot.create(channel, "Lägesbilden", due, LocalTime.of(14, 0), "0");
        Deadline second = bot.create(channel, "Styrgruppsmötet", due, LocalTime.of(15, 0), "0");
        outbound.always("conv:" + channel, Status.GONE);
        int coordinatorBefore = outbound.calls("user:" + COORDINATOR).size();

        clock.set(dueAt);
        BotInstance.await("the coordinator to be told", 60_000, () -> outbound.calls("user:" + COORDINATOR).stream()
                .skip(coordinatorBefore).anyMatch(c -> c.text().contains("kan inte längre")));
        clock.set(dueAt.plus(Duration.ofDays(6))); // past every nudge either had
        BotInstance.await("nothing more due", 60_000, () -> bot.jdbc().sql(
                "SELECT COUNT(*) FROM deadline_nudge n JOIN deadline d ON d.id = n.deadline_id WHERE d.conversation_id = :c "
                        + "AND n.status IN ('PLANNED', 'RETRY', 'SENDING')").param("c", channel).query(Integer.class).single() == 0);

        assertThat(outbound.calls("conv:" + channel)).hasSize(1);
        assertThat(bot.nudgeStatuses(second.id())).allMatch(s -> s.endsWith("CANCELLED"));
        assertThat(outbound.calls("user:" + COORDINATOR).stream().skip(coordinatorBefore)
                .filter(c -> c.text().contains("kan inte längre")).toList())
                .singleElement().satisfies(c -> assertThat(c.text()).contains("kan inte längre skicka påminnelser")
                        .contains("Lägesbilden").contains("Styrgruppsmötet"));
    }
}
