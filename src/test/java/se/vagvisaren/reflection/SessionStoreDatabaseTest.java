package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;
import se.vagvisaren.reflection.ReflectionSession.Status;
import se.vagvisaren.testing.TestDatabases;

/**
 * Queries of the reflection tables whose SQL differs most between H2 and PostgreSQL, run on both: retention
 * (the privacy registry's daily run is the only deletion of reflection data), "the latest closed session"
 * behind "visa resultatet", and results still pending after closing.
 */
class SessionStoreDatabaseTest {

    private static final Instant CUTOFF = Instant.parse("2024-11-25T00:00:00Z");
    private static final Instant BEFORE = CUTOFF.minusSeconds(86_400);
    private static final Instant AFTER = CUTOFF.plusSeconds(86_400);
    private static Exercise box;

    @BeforeAll
    static void loadExercise() {
        box = new ExerciseCatalog(new ContentSource("dialogs", Path.of("dialogs"))).byId("normer-boxen").orElseThrow();
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void registeredStore_retentionRun_deletesOnlyWhatIsOlderThanTheCutoff(String name, DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        SessionStore sessions = new SessionStore(jdbc);
        ScheduleStore schedules = new ScheduleStore(jdbc);
        String closedLongAgo = session(sessions, AnswerMode.ANONYMOUS, BEFORE.minusSeconds(3600), BEFORE);
        String openedLongAgoClosedLately = session(sessions, AnswerMode.ANONYMOUS, BEFORE, AFTER);
        String stillOpen = session(sessions, AnswerMode.NAMED, BEFORE, null);
        String personalOld = session(sessions, AnswerMode.PERSONAL, BEFORE, null);
        String personalNew = session(sessions, AnswerMode.PERSONAL, AFTER, null);
        String launchedLongAgo = occurrence(schedules, BEFORE, "LAUNCHED");
        String pendingFromLongAgo = occurrence(schedules, BEFORE, "PENDING");
        String launchedLately = occurrence(schedules, AFTER, "LAUNCHED");
        var store = new ReflectionPersonalData(mock(PersonalAnswers.class), sessions, schedules);

        int deleted = store.deleteOlderThan(CUTOFF);

        assertThat(store.name()).isEqualTo("reflection-answers");
        assertThat(ids(jdbc, "reflection_session"))
                .containsExactlyInAnyOrder(openedLongAgoClosedLately, stillOpen, personalNew)
                .doesNotContain(closedLongAgo, personalOld);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_answer WHERE session_id IN (:s)")
                .param("s", List.of(closedLongAgo, personalOld)).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_answer").query(Integer.class).single()).isEqualTo(3);
        assertThat(ids(jdbc, "reflection_schedule")).containsExactlyInAnyOrder(pendingFromLongAgo, launchedLately)
                .doesNotContain(launchedLongAgo);
        assertThat(deleted).as("sessions and planned launches deleted").isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void latestClosed_picksTheNewestGroupSessionOfThatConversationWithinTheWindow(String name, DataSource ds) {
        SessionStore sessions = new SessionStore(JdbcClient.create(ds));
        String conversation = "conv-latest-" + UUID.randomUUID();
        String older = session(sessions, AnswerMode.ANONYMOUS, BEFORE, AFTER, conversation);
        String newest = session(sessions, AnswerMode.NAMED, AFTER, AFTER.plusSeconds(3600), conversation);
        session(sessions, AnswerMode.ANONYMOUS, AFTER, null, conversation); // still open
        session(sessions, AnswerMode.ANONYMOUS, AFTER, AFTER.plusSeconds(7200), "conv-elsewhere-" + UUID.randomUUID());

        assertThat(sessions.latestClosed(conversation, CUTOFF)).get().extracting(ReflectionSession::id).isEqualTo(newest);
        assertThat(sessions.latestClosed(conversation, AFTER.plusSeconds(1800))).get()
                .extracting(ReflectionSession::id).isEqualTo(newest).isNotEqualTo(older);
        assertThat(sessions.latestClosed(conversation, AFTER.plusSeconds(3601))).as("closed before the window").isEmpty();
        assertThat(sessions.latestClosed("conv-nothing-here", CUTOFF)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void latestClosed_neverReturnsAPersonalSession(String name, DataSource ds) {
        SessionStore sessions = new SessionStore(JdbcClient.create(ds));
        String personal = session(sessions, AnswerMode.PERSONAL, AFTER, null);
        sessions.close(personal, AFTER.plusSeconds(60));

        assertThat(sessions.latestClosed("conv-" + personal, CUTOFF)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void resultsPending_listsUnattendedClosesUntilSettled(String name, DataSource ds) {
        SessionStore sessions = new SessionStore(JdbcClient.create(ds));
        String unattended = session(sessions, AnswerMode.ANONYMOUS, BEFORE, null);
        String byHand = session(sessions, AnswerMode.ANONYMOUS, BEFORE, null);
        String lately = session(sessions, AnswerMode.ANONYMOUS, BEFORE, null);
        sessions.close(unattended, CUTOFF, true);
        sessions.close(byHand, CUTOFF, false);
        sessions.close(lately, AFTER, true);

        assertThat(sessions.resultsPending(CUTOFF)).containsExactly(unattended);
        assertThat(sessions.resultsPending(AFTER)).containsExactlyInAnyOrder(unattended, lately);

        sessions.resultsSettled(unattended);

        assertThat(sessions.resultsPending(AFTER)).containsExactly(lately);
    }

    private static String session(SessionStore store, AnswerMode mode, Instant opened, Instant closed) {
        return session(store, mode, opened, closed, null);
    }

    /**
     * A session with one answer, opened at {@code opened} and closed at {@code closed} (or open when null), in
     * {@code conversation} (or a conversation of its own when null).
     */
    private static String session(SessionStore store, AnswerMode mode, Instant opened, Instant closed, String conversation) {
        String id = UUID.randomUUID().toString();
        boolean personal = mode == AnswerMode.PERSONAL;
        store.insert(new ReflectionSession(id, box, "team-1",
                new ConversationKey("tenant-1", conversation != null ? conversation : "conv-" + id),
                personal ? Scope.PERSONAL : Scope.CHANNEL, Language.SV, mode, "user-1", personal ? "owner-" + id : null,
                Status.OPEN, "salt", opened, personal ? null : opened.plusSeconds(1200), null), null);
        store.saveAnswer(id, personal ? "owner-" + id : "respondent-1", null, "{\"q1\":\"4\"}");
        if (closed != null) {
            store.close(id, closed);
        }
        return id;
    }

    private static String occurrence(ScheduleStore store, Instant runAt, String status) {
        String id = UUID.randomUUID().toString();
        store.insert(new ScheduleStore.Occurrence(id, "plan-1", "normer-boxen", "team-1",
                new ConversationKey("tenant-1", "conv-plan"), Scope.CHANNEL, Language.SV, AnswerMode.ANONYMOUS,
                "user-1", runAt, "PENDING"));
        if (!"PENDING".equals(status)) {
            store.finish(id, status, null);
        }
        return id;
    }

    private static List<String> ids(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT id FROM " + table).query(String.class).list();
    }
}
