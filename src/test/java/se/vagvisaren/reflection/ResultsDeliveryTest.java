package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.SchedulerCaughtUp;

/**
 * Results of a session closed by the scheduler reach the channel even when Teams is down at closing time:
 * the real db-scheduler on a hand-moved clock, WireMock as a Bot Connector that answers 503 for a while.
 * The connector client itself tries 5 times per send (1 + 4 retries), so 5 refusals fail one send.
 */
@BotTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms",
        "VAGVISAREN_HASH_SECRET=results-test-secret-0123456789"})
class ResultsDeliveryTest extends ConversationFixture {

    private static final int ATTEMPTS_PER_SEND = 5;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SessionStore sessions;

    final Person erik = Person.named("Erik Nilsson");
    final Person anna = Person.named("Anna Andersson");
    final Person sara = Person.named("Sara Berg");
    final Person omar = Person.named("Omar Haddad");

    @Test
    void teamsRefusesAtClosing_resultsArePostedOnceOnALaterTry() throws InterruptedException {
        TeamFixture team = TeamFixture.channel("results-retry");
        String session = launchAndAnswer(team);
        // Closing and the first later try fail; the second later try gets through.
        harness.connector().failSends(team.conversationId, 503, 2 * ATTEMPTS_PER_SEND, null);

        clock.set(closesAt(session).plus(Duration.ofMinutes(1)));
        awaitTrue("a later try planned", () -> resultsTask(session) != null);
        assertThat(status(session)).isEqualTo("CLOSED");
        assertThat(resultCards(team)).isEmpty();

        assertThat(nextTry(session)).as("first later try after the delay").isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        awaitTrue("the first later try failed", () -> failures(session) == 1);
        assertThat(resultCards(team)).isEmpty();
        assertThat(nextTry(session)).as("the pause doubles").isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        awaitTrue("the results posted", () -> !resultCards(team).isEmpty());
        awaitTrue("the retry task finished", () -> resultsTask(session) == null);

        clock.advance(Duration.ofHours(3));
        SchedulerCaughtUp.await(jdbc, clock); // everything due has run: nothing more may be posted
        assertThat(resultCards(team)).singleElement().satisfies(text ->
                assertThat(text).contains("Resultat: Boxen", "3 svar", "5 ▇▇▇▇▇▇▇▇▇▇ 1"));
        assertThat(pending(session)).isFalse();
    }

    @Test
    void teamsRefusesForHours_resultsAreGivenUpAfterTheLastTryAndTheTaskEnds() throws InterruptedException {
        TeamFixture team = TeamFixture.channel("results-give-up");
        String session = launchAndAnswer(team);
        harness.connector().failAllSends(503);

        clock.set(closesAt(session).plus(Duration.ofMinutes(1)));
        awaitTrue("a later try planned", () -> resultsTask(session) != null);
        for (int tries = 1; resultsTask(session) != null; tries++) {
            assertThat(tries).as("later tries before giving up").isLessThanOrEqualTo(6);
            int before = failures(session);
            clock.advance(Duration.ofHours(2));
            awaitTrue("try " + tries, () -> resultsTask(session) == null || failures(session) > before);
        }

        assertThat(status(session)).isEqualTo("CLOSED");
        assertThat(resultCards(team)).isEmpty();
        assertThat(pending(session)).as("given up").isFalse();
        // 1 send at closing and results-retries (6) later tries, each tried 5 times by the connector client.
        assertThat(harness.connector().activitiesTo(team.conversationId)).hasSize(7 * ATTEMPTS_PER_SEND);
    }

    @Test
    void resultsShownWithVisaResultatet_whileALaterTryWaits_areNotPostedASecondTime() throws InterruptedException {
        TeamFixture team = TeamFixture.channel("results-shown");
        String session = launchAndAnswer(team);
        harness.connector().failSends(team.conversationId, 503, ATTEMPTS_PER_SEND, null);
        clock.set(closesAt(session).plus(Duration.ofMinutes(1)));
        awaitTrue("a later try planned", () -> resultsTask(session) != null);

        harness.send(se.vagvisaren.testing.TeamsActivity.channel("visa resultatet").conversationId(team.conversationId));

        assertThat(resultCards(team)).singleElement().satisfies(text -> assertThat(text).contains("3 svar"));
        assertThat(resultsTask(session)).as("the waiting try is dropped").isNull();
        clock.advance(Duration.ofHours(2));
        SchedulerCaughtUp.await(jdbc, clock);
        assertThat(resultCards(team)).hasSize(1);
    }

    @Test
    void instanceStoppedBetweenClosingAndTheFirstTry_housekeepingPostsTheResults() throws InterruptedException {
        TeamFixture team = TeamFixture.channel("results-crash");
        String session = launchAndAnswer(team);
        // What a stop right after the close committed leaves behind: closed, results pending, nothing planned.
        Instant closedAt = closesAt(session);
        assertThat(sessions.close(session, closedAt, true)).isTrue();
        clock.set(closedAt.plus(Duration.ofMinutes(1)));
        SchedulerCaughtUp.await(jdbc, clock);
        assertThat(resultCards(team)).as("still within the first try's grace").isEmpty();

        clock.advance(Duration.ofMinutes(30)); // past the grace and the next housekeeping run
        awaitTrue("housekeeping planned a later try", () -> resultsTask(session) != null);
        clock.advance(Duration.ofSeconds(1));

        awaitTrue("the results posted", () -> !resultCards(team).isEmpty());
        awaitTrue("no longer pending", () -> !pending(session));
        clock.advance(Duration.ofHours(2));
        SchedulerCaughtUp.await(jdbc, clock);
        assertThat(resultCards(team)).singleElement().satisfies(text -> assertThat(text).contains("3 svar"));
    }

    @Test
    void botRemovedFromTheTeam_resultsAreNotTriedAgain() throws InterruptedException {
        TeamFixture team = TeamFixture.channel("results-gone");
        String session = launchAndAnswer(team);
        harness.connector().failAllSends(403);

        clock.set(closesAt(session).plus(Duration.ofMinutes(1)));
        awaitTrue("the refused send", () -> harness.connector().activitiesTo(team.conversationId).size() == 1);
        awaitTrue("the close task finished", () -> closeTask(session) == 0);
        clock.advance(Duration.ofHours(2));
        SchedulerCaughtUp.await(jdbc, clock);

        assertThat(resultsTask(session)).isNull();
        assertThat(harness.connector().activitiesTo(team.conversationId)).hasSize(1);
    }

    /** The bot meets the channel, Erik launches Boxen, three people answer; returns the session id. */
    private String launchAndAnswer(TeamFixture team) {
        harness.send(se.vagvisaren.testing.TeamsActivity.channel("hej").conversationId(team.conversationId));
        harness.send(team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        String session = TeamFixture.sessionIdOf(team.cardsPosted(harness).get(0));
        for (Map.Entry<Person, String> answer : Map.of(anna, "1", sara, "4", omar, "5").entrySet()) {
            harness.send(team.execute(answer.getKey(), ExerciseCards.VERB_ANSWER,
                    TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", answer.getValue())));
        }
        harness.connector().reset();
        return session;
    }

    /** Result cards the channel received (sends Teams refused are not counted). */
    private List<String> resultCards(TeamFixture team) {
        return harness.connector().deliveredTo(team.conversationId).stream()
                .flatMap(activity -> java.util.stream.StreamSupport.stream(activity.path("attachments").spliterator(), false))
                .map(attachment -> TeamFixture.textOf(attachment.path("content")))
                .filter(text -> text.contains("Resultat"))
                .toList();
    }

    private Instant closesAt(String session) {
        return jdbc.sql("SELECT closes_at FROM reflection_session WHERE id = :s").param("s", session)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private String status(String session) {
        return jdbc.sql("SELECT status FROM reflection_session WHERE id = :s").param("s", session)
                .query(String.class).single();
    }

    private Integer resultsTask(String session) {
        return jdbc.sql("SELECT COALESCE(consecutive_failures, 0) FROM scheduled_tasks WHERE task_name = :t AND task_instance = :s")
                .param("t", ReflectionTimers.RESULTS_TASK).param("s", session)
                .query(Integer.class).optional().orElse(null);
    }

    private Instant nextTry(String session) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :t AND task_instance = :s")
                .param("t", ReflectionTimers.RESULTS_TASK).param("s", session)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private boolean pending(String session) {
        return jdbc.sql("SELECT results_pending FROM reflection_session WHERE id = :s").param("s", session)
                .query(Boolean.class).single();
    }

    private int closeTask(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :t AND task_instance = :s")
                .param("t", ReflectionTimers.CLOSE_TASK).param("s", session).query(Integer.class).single();
    }

    private int failures(String session) {
        Integer failures = resultsTask(session);
        return failures == null ? -1 : failures;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
