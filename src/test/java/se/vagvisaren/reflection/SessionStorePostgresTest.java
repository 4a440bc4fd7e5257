package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.TestSecrets;

/**
 * The reflection tables and their locking on real PostgreSQL (the production database), not only on H2:
 * migrations, 50 concurrent answers, closing, salt erasure, erasure on request.
 */
class SessionStorePostgresTest {

    private static EmbeddedPostgres postgres;
    private static ReflectionSessions sessions;
    private static PersonalAnswers personal;
    private static JdbcClient jdbc;
    private static Exercise box;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        var properties = new ReflectionProperties(3, 1000, null,
                12000, 52, Duration.ofMinutes(1), 6, Duration.ofDays(14));
        var keys = new RespondentKeys(TestSecrets.configured());
        LaunchPolicy everyoneMay = mock(LaunchPolicy.class);
        when(everyoneMay.mayLaunch(any())).thenReturn(true);
        when(everyoneMay.mayClose(any(), any())).thenReturn(true);
        ObjectProvider<SchedulerClient> noScheduler = mock(ObjectProvider.class);
        var store = new SessionStore(jdbc);
        sessions = new ReflectionSessions(store, keys, everyoneMay, (text, language) -> AnswerScreen.Verdict.CLEAR, properties,
                new ReflectionTimers(noScheduler), Clock.systemUTC(), transactions);
        personal = new PersonalAnswers(store, keys, transactions);
        box = new ExerciseCatalog(new ContentSource("dialogs", Path.of("dialogs"))).byId("normer-boxen").orElseThrow();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void answer_fiftyConcurrentOnPostgres_countersAreOneToFiftyAndCloseCountsAll() throws Exception {
        TeamFixture team = TeamFixture.channel("pg");
        Person erik = Person.named("Erik");
        String session = sessions.launch(box, team.message(erik, "kör normer"), false, "pg-1").session().id();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            IncomingMessage message = team.message(Person.named("P" + i), "");
            String value = Integer.toString(i % 5 + 1);
            counts.add(pool.submit(() -> {
                start.await();
                return sessions.answer(session, TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", value), message).count();
            }));
        }
        start.countDown();
        Set<Integer> seen = new TreeSet<>();
        for (Future<Integer> count : counts) {
            seen.add(count.get());
        }
        pool.shutdown();

        ReflectionSessions.Close close = sessions.closeLatest(team.message(erik, "avsluta övningen"));
        var late = sessions.answer(session, TeamFixture.data("a_q1", "3"), team.message(Person.named("Late"), ""));

        assertThat(seen).hasSize(50).first().isEqualTo(1);
        assertThat(seen).last().isEqualTo(50);
        assertThat(close.tally().respondents()).isEqualTo(50);
        assertThat(close.tally().questions().get(0).scaleCount(3)).isEqualTo(10);
        assertThat(late.kind()).isEqualTo(ReflectionSessions.Answer.Kind.CLOSED);
        assertThat(jdbc.sql("SELECT salt FROM reflection_session WHERE id = :s").param("s", session)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void erase_onPostgres_removesOpenGroupAnswerAndPersonalSession() {
        Person anna = Person.named("Anna");
        TeamFixture team = TeamFixture.channel("pg-erase");
        String group = sessions.launch(box, team.message(Person.named("Erik"), "kör"), false, null).session().id();
        sessions.answer(group, TeamFixture.data("a_q1", "2"), team.message(anna, ""));
        TeamFixture chat = TeamFixture.personal(anna);
        String own = sessions.launch(box, chat.message(anna, "kör"), false, null).session().id();
        sessions.answer(own, TeamFixture.data("a_q4", "mina tankar"), chat.message(anna, ""));

        assertThat(personal.export(se.vagvisaren.testing.TeamsActivity.TENANT, anna.aadId())).hasSize(2);
        assertThat(personal.erase(se.vagvisaren.testing.TeamsActivity.TENANT, anna.aadId())).isEqualTo(2);
        assertThat(personal.export(se.vagvisaren.testing.TeamsActivity.TENANT, anna.aadId())).isEmpty();
        assertThat(sessions.count(group)).isZero();
    }
}
