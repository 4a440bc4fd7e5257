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
 * The privacy registry's daily run is the only deletion of reflection data: the store
 * {@code reflection-answers} deletes what is older than the cutoff it is given (group sessions counted from
 * closing, personal ones from opening, planned launches that have run) and nothing newer, on H2 and on
 * PostgreSQL.
 */
class ReflectionRetentionTest {

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

    /** A session with one answer, opened at {@code opened} and closed at {@code closed} (or open when null). */
    private static String session(SessionStore store, AnswerMode mode, Instant opened, Instant closed) {
        String id = UUID.randomUUID().toString();
        boolean personal = mode == AnswerMode.PERSONAL;
        store.insert(new ReflectionSession(id, box, "team-1", new ConversationKey("tenant-1", "conv-" + id),
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
