package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.conversation.Language;

class QuestionLogTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private JdbcClient jdbc;

    /** A fresh in-memory H2 (PostgreSQL mode, as in production) with the knowledge migration applied. */
    static JdbcClient database() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(ds);
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V10__knowledge_questions_and_feedback.sql"));
        for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        return jdbc;
    }

    @BeforeEach
    void setUp() throws Exception {
        jdbc = database();
    }

    private QuestionLog at(Instant instant) {
        return new QuestionLog(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void gaps_mostFrequentFirst_countsUnansweredAndThumbsDownTogether() {
        QuestionLog log = at(NOW);
        log.unanswered("Hur söker man pengar från länsstyrelsen?", Language.SV);
        log.unanswered("hur söker man pengar från länsstyrelsen", Language.SV);
        log.feedback("Hur söker man pengar från Länsstyrelsen??", Language.SV, "lansstyrelsens-roll", false);
        log.unanswered("Vad är en lägesbild?", Language.SV);
        log.feedback("Vad är MVP?", Language.SV, "mvp", true);

        var gaps = log.gaps(OffsetDateTime.ofInstant(NOW.minusSeconds(3600), ZoneOffset.UTC), 10);

        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).count()).isEqualTo(3);
        assertThat(gaps.get(0).unanswered()).isEqualTo(2);
        assertThat(gaps.get(0).notHelpful()).isEqualTo(1);
        assertThat(gaps.get(0).question()).containsIgnoringCase("pengar från länsstyrelsen");
        assertThat(gaps.get(0).lastAsked()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThat(gaps).extracting(KnowledgeGap::question).noneMatch(q -> q.contains("MVP"));
    }

    @Test
    void unanswered_phoneNumberAndPersonnummer_areMaskedBeforeStoring() {
        at(NOW).unanswered("Ring mig på 070-123 45 67 om 850101-1234", Language.SV);

        String stored = jdbc.sql("SELECT question FROM knowledge_unanswered").query(String.class).single();

        assertThat(stored).doesNotContain("070").doesNotContain("1234").contains("[nummer]");
    }

    @Test
    void unanswered_hugeQuestion_isCut() {
        at(NOW).unanswered("å".repeat(5000), Language.SV);

        assertThat(jdbc.sql("SELECT question FROM knowledge_unanswered").query(String.class).single()).hasSize(QuestionLog.MAX_CHARS);
    }

    @Test
    void deleteOlderThan_removesOnlyRowsPastRetention() {
        at(NOW.minus(Duration.ofDays(800))).unanswered("gammal fråga om budget", Language.SV);
        at(NOW.minus(Duration.ofDays(800))).feedback("gammal fråga", Language.SV, null, false);
        at(NOW.minus(Duration.ofDays(10))).unanswered("ny fråga om budget", Language.SV);

        int deleted = at(NOW).deleteOlderThan(Duration.ofDays(730));

        assertThat(deleted).isEqualTo(2);
        assertThat(jdbc.sql("SELECT question FROM knowledge_unanswered").query(String.class).list()).containsExactly("ny fråga om budget");
    }

    @Test
    void normalize_caseAndPunctuation_areIgnored() {
        assertThat(QuestionLog.normalize("  Vad är MVP?! ")).isEqualTo(QuestionLog.normalize("vad är mvp"));
    }
}
