package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.VagvisarenApplication;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Session and schedule state live only in the database: the bot is stopped and started again on the same
 * H2 file in the middle of a plan and of a session, with db-scheduler running on a hand-moved clock.
 */
class ReflectionRestartTest {

    // Generous: on a loaded 2-core CI machine the scheduler thread can wait long for a core.
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new SpringApplicationBuilder(VagvisarenApplication.class, MutableClock.Config.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--db-scheduler.enabled=true",
                        "--db-scheduler.polling-interval=100ms", "--db-scheduler.heartbeat-interval=1s",
                        "--VAGVISAREN_HASH_SECRET=restart-test-secret-0123456789");
    }

    private static ConversationHarness harness(ConfigurableApplicationContext context) {
        return new ConversationHarness(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void scheduledLaunch_survivesRestarts_postsCardAtItsTimeAndResultsAtTheEndTime() throws Exception {
        TeamFixture team = TeamFixture.channel("restart");
        Person erik = Person.named("Erik Nilsson");
        Person anna = Person.named("Anna Andersson");
        Person sara = Person.named("Sara Berg");
        Person omar = Person.named("Omar Haddad");
        ConnectorStubAccess connector = new ConnectorStubAccess();
        connector.reset();

        // 1. Wednesday 25 November 10:00 in Stockholm: plan four Mondays, then stop the bot.
        List<Reply> planned;
        try (ConfigurableApplicationContext first = start()) {
            ConversationHarness harness = harness(first);
            harness.send(TeamsActivity.channel("hej").conversationId(team.conversationId)); // the bot learns where to speak
            planned = first.getBean(ReflectionIntents.class).handle(
                    team.message(erik, "kör övningen om normer varje måndag kl 9 i fyra veckor"),
                    RecognizedIntent.of("reflection_start"));
            assertThat(pending(first, team)).isEqualTo(4);
        }
        assertThat(planned).singleElement().satisfies(r -> assertThat(r.text())
                .contains("4 gånger", "måndag 30 november kl. 09.00", "måndag 21 december kl. 09.00"));

        // 2. Start again; Monday 30 November 09:00:01 local time: the card is posted by the new instance.
        String session;
        try (ConfigurableApplicationContext second = start()) {
            ConversationHarness harness = harness(second);
            second.getBean(MutableClock.class).set(Instant.parse("2026-11-30T08:00:01Z"));
            awaitTrue(() -> !team.cardsPosted(harness).isEmpty(), () -> state(second));
            JsonNode card = team.cardsPosted(harness).get(0);
            assertThat(TeamFixture.textOf(card)).contains("Boxen", "Inga svar än");
            session = TeamFixture.sessionIdOf(card);
            assertThat(pending(second, team)).isEqualTo(3);

            answer(harness, team, anna, session, "1");
            answer(harness, team, sara, session, "4");
        }

        // 3. Start a third time in the middle of the session: nothing is lost, a repeated answer still replaces.
        try (ConfigurableApplicationContext third = start()) {
            ConversationHarness harness = harness(third);
            MutableClock clock = third.getBean(MutableClock.class);
            clock.set(Instant.parse("2026-11-30T08:05:00Z"));
            String again = answer(harness, team, anna, session, "5");
            String last = answer(harness, team, omar, session, "5");
            assertThat(again).contains("ersatt det förra", "2 svar");
            assertThat(last).contains("3 svar");
            connector.reset();

            // 4. The exercise's 20 minutes are up: the scheduler closes it and posts the results.
            clock.set(Instant.parse("2026-11-30T08:21:00Z"));
            awaitTrue(() -> !team.cardsPosted(harness).isEmpty(), () -> state(third));
            assertThat(TeamFixture.textOf(team.cardsPosted(harness).get(0)))
                    .contains("Resultat: Boxen", "3 svar", "5 ▇▇▇▇▇▇▇▇▇▇ 2", "4 ▇▇▇▇▇▁▁▁▁▁ 1", "1 ▁▁▁▁▁▁▁▁▁▁ 0");
            assertThat(third.getBean(JdbcClient.class).sql("SELECT status FROM reflection_session WHERE id = :s")
                    .param("s", session).query(String.class).single()).isEqualTo("CLOSED");
        }
    }

    private static String answer(ConversationHarness harness, TeamFixture team, Person who, String session, String scale) {
        var exchange = harness.send(team.execute(who, ExerciseCards.VERB_ANSWER,
                TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", scale)));
        return TeamFixture.textOf(exchange.json().path("value"));
    }

    private static int pending(ConfigurableApplicationContext context, TeamFixture team) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM reflection_schedule WHERE conversation_id = :c AND status = 'PENDING'")
                .param("c", team.conversationId).query(Integer.class).single();
    }

    /**
     * Waits for something the scheduler does on its own thread; fails after {@link #WAIT}, showing the
     * scheduler's and the feature's tables so a failure on CI can be understood without a rerun.
     */
    private static void awaitTrue(BooleanSupplier condition, Supplier<String> state) {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError("Waited " + WAIT + " for the scheduler. " + state.get(), timedOut);
        }
    }

    private static String state(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return "Clock: " + context.getBean(MutableClock.class).instant()
                + "\nscheduled_tasks: " + jdbc.sql("SELECT task_name, task_instance, execution_time, picked, "
                        + "consecutive_failures FROM scheduled_tasks ORDER BY execution_time").query().listOfRows()
                + "\nreflection_session: " + jdbc.sql("SELECT id, status, closes_at FROM reflection_session").query().listOfRows()
                + "\ndelivery_failure: " + jdbc.sql("SELECT status, detail FROM delivery_failure").query().listOfRows();
    }

    /** The JVM-wide connector stub, reset between the phases of the story. */
    private static final class ConnectorStubAccess {
        void reset() {
            se.vagvisaren.testing.ConnectorStub.get().reset();
        }
    }
}
