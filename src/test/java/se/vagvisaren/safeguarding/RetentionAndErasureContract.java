package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.testing.TestZones;

/**
 * Retention, erasure and export against a real database. Runs on H2 ({@link H2RetentionTest}) and on
 * PostgreSQL ({@link PostgresRetentionTest}) with the same Flyway migrations the application uses and
 * a fixed clock: 2026-11-25 10:00 UTC (11:00 in Stockholm).
 */
abstract class RetentionAndErasureContract {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private JdbcTemplate jdbc;
    private PrivacyAudit audit;
    private JdbcPersonalDataStore notes;

    /** The migrated database, with the {@code test_note} table; the same one for every test of a class. */
    abstract DataSource dataSource();

    @BeforeEach
    void cleanTables() {
        jdbc = new JdbcTemplate(dataSource());
        jdbc.update("DELETE FROM test_note");
        jdbc.update("DELETE FROM privacy_audit");
        audit = new PrivacyAudit(jdbc, clock);
        notes = JdbcPersonalDataStore.builder("test-notes", jdbc)
                .table("test_note").createdAt("created_at").owner("tenant_id", "user_id")
                .exportColumns("created_at", "body").build();
    }

    private PersonalDataRegistry registry(PersonalDataStore... stores) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("audit", audit);
        for (int i = 0; i < stores.length; i++) {
            beans.addBean("store" + i, stores[i]);
        }
        return new PersonalDataRegistry(beans.getBeanProvider(PersonalDataStore.class), audit, clock);
    }

    private RetentionSweep sweep(Map<String, Period> retention) {
        PrivacyProperties properties = new PrivacyProperties(retention, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));
        return new RetentionSweep(registry(notes), properties, TestZones.standard(), audit, clock);
    }

    private void note(String tenant, String user, String body, Instant createdAt) {
        jdbc.update("INSERT INTO test_note (tenant_id, user_id, body, created_at) VALUES (?, ?, ?, ?)",
                tenant, user, body, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    }

    private List<String> bodies() {
        return jdbc.queryForList("SELECT body FROM test_note ORDER BY body", String.class);
    }

    @Test
    void run_defaultRetention_deletesRowsOlderThan24MonthsOnly() {
        Instant cutoff = Instant.parse("2024-11-25T10:00:00Z");
        note("t1", "u1", "a-25-months", NOW.atZone(STOCKHOLM).minusMonths(25).toInstant());
        note("t1", "u1", "b-just-before-cutoff", cutoff.minusSeconds(1));
        note("t1", "u1", "c-at-cutoff", cutoff);
        note("t1", "u1", "d-yesterday", NOW.minus(Duration.ofDays(1)));

        Map<String, Integer> deleted = sweep(null).run();

        assertThat(deleted).containsEntry("test-notes", 2);
        assertThat(bodies()).containsExactly("c-at-cutoff", "d-yesterday");
    }

    @Test
    void run_perStoreOverride_usesTheStoresOwnPeriod() {
        note("t1", "u1", "a-two-months", NOW.atZone(STOCKHOLM).minusMonths(2).toInstant());
        note("t1", "u1", "b-yesterday", NOW.minus(Duration.ofDays(1)));

        sweep(Map.of("test-notes", Period.ofMonths(1))).run();

        assertThat(bodies()).containsExactly("b-yesterday");
    }

    @Test
    void run_recordsCountsInTheAuditLogWithoutContent() {
        note("t1", "u1", "secret text", NOW.minus(Duration.ofDays(800)));

        sweep(null).run();

        Map<String, Object> row = jdbc.queryForMap("SELECT actor, action, subject_hash, store_counts, row_count FROM privacy_audit");
        assertThat(row).containsEntry("actor", "retention-job").containsEntry("action", "RETENTION")
                .containsEntry("row_count", 1);
        assertThat(row.get("subject_hash")).isNull();
        assertThat(row.get("store_counts").toString()).contains("test-notes=1").doesNotContain("secret");
    }

    @Test
    void run_auditLogItself_agesOutWithItsOwnPeriod() {
        jdbc.update("INSERT INTO privacy_audit (occurred_at, actor, action, row_count) VALUES (?, 'user', 'ERASE', 3)",
                OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(900)), ZoneOffset.UTC));
        PrivacyProperties properties = new PrivacyProperties(null, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));

        new RetentionSweep(registry(), properties, TestZones.standard(), audit, clock).run();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit WHERE action = 'ERASE'", Integer.class)).isZero();
    }

    @Test
    void cutoff_countsMonthsInStockholmTimeAcrossDaylightSaving() {
        Clock summer = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);
        PrivacyProperties properties = new PrivacyProperties(Map.of("test-notes", Period.ofMonths(6)),
                LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));

        Instant cutoff = new RetentionSweep(registry(notes), properties, TestZones.standard(), audit, summer).cutoff("test-notes");

        // 12:00 summer time on 1 July minus six months is 12:00 winter time on 1 January = 11:00 UTC.
        assertThat(cutoff).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
    }

    @Test
    void eraseUser_deletesOnlyThatPersonInThatTenant() {
        note("t1", "u1", "mine-1", NOW);
        note("t1", "u1", "mine-2", NOW);
        note("t1", "u2", "colleague", NOW);
        note("t2", "u1", "same-id-other-tenant", NOW);

        PersonalDataRegistry.Erasure erasure = registry(notes).eraseUser("t1", "u1", "user");

        assertThat(erasure.erased()).containsEntry("test-notes", 2).containsEntry("privacy-audit", 0);
        assertThat(erasure.failedStores()).isEmpty();
        assertThat(bodies()).containsExactly("colleague", "same-id-other-tenant");
    }

    @Test
    void eraseUser_auditsWithHashedSubjectAndNoContent() {
        note("t1", "u1", "my secret", NOW);

        registry(notes).eraseUser("t1", "u1", "admin-api-key");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM privacy_audit");
        assertThat(row).containsEntry("actor", "admin-api-key").containsEntry("action", "ERASE").containsEntry("row_count", 1)
                .containsEntry("subject_hash", PrivacyAudit.subjectHash("t1", "u1"));
        assertThat(row.values().toString()).doesNotContain("u1", "my secret");
    }

    @Test
    void exportUser_returnsOwnRowsWithIsoTimesAndEarlierAuditEntries() {
        note("t1", "u1", "my note", Instant.parse("2026-11-20T08:30:00Z"));
        note("t1", "u2", "not mine", NOW);
        PersonalDataRegistry registry = registry(notes);
        registry.exportUser("t1", "u1", "user");

        PersonalDataRegistry.Export export = registry.exportUser("t1", "u1", "user");

        assertThat(export.exportedAt()).isEqualTo(NOW);
        assertThat(export.stores().get("test-notes"))
                .containsExactly(Map.of("created_at", "2026-11-20T08:30:00Z", "body", "my note"));
        assertThat(export.stores().get("privacy-audit")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("action", "EXPORT").containsEntry("actor", "user"));
        assertThat(registry.exportUser("t1", "nobody", "user").total()).isZero();
    }

    @Test
    void eraseUser_failingStore_othersStillErasedAndFailureReported() {
        note("t1", "u1", "mine", NOW);
        PersonalDataStore broken = new PersonalDataStore() {
            public String name() {
                return "broken";
            }

            public int deleteOlderThan(Instant cutoff) {
                throw new IllegalStateException("down");
            }

            public int eraseUser(String tenantId, String userId) {
                throw new IllegalStateException("down");
            }

            public List<Map<String, Object>> exportUser(String tenantId, String userId) {
                throw new IllegalStateException("down");
            }
        };

        PersonalDataRegistry.Erasure erasure = registry(broken, notes).eraseUser("t1", "u1", "user");

        assertThat(erasure.failedStores()).containsExactly("broken");
        assertThat(bodies()).isEmpty();
    }

    @Test
    void eraseUser_hostileIds_areJustValues() {
        note("t1", "u1", "mine", NOW);

        registry(notes).eraseUser("t1' OR '1'='1", "u1' OR '1'='1", "user");

        assertThat(bodies()).containsExactly("mine");
    }

    @Test
    void exportUser_namedColumns_useTheGivenKeysInColumnOrder() {
        note("t1", "u1", "mine", NOW);
        JdbcPersonalDataStore named = JdbcPersonalDataStore.builder("named-notes", jdbc)
                .table("test_note").createdAt("created_at").owner("tenant_id", "user_id")
                .exportColumn("body", "text").exportColumn("created_at", "writtenAt").build();

        assertThat(named.exportUser("t1", "u1")).containsExactly(Map.of("text", "mine", "writtenAt", NOW.toString()));
        assertThat(named.exportUser("t1", "u1").getFirst().keySet()).containsExactly("text", "writtenAt");
    }

    @Test
    void deleteAndErase_afterDeleteHook_runsAfterEachDelete() {
        note("t1", "u1", "old", NOW.minus(Duration.ofDays(800)));
        note("t1", "u1", "new", NOW);
        List<Integer> rowsSeenByHook = new java.util.ArrayList<>();
        JdbcPersonalDataStore hooked = JdbcPersonalDataStore.builder("hooked-notes", jdbc)
                .table("test_note").createdAt("created_at").owner("tenant_id", "user_id")
                .exportedBy((tenant, user) -> List.of(Map.of("owner", tenant + "/" + user)))
                .afterDelete(() -> rowsSeenByHook.add(bodies().size())).build();

        assertThat(hooked.deleteOlderThan(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(hooked.exportUser("t1", "u1")).containsExactly(Map.of("owner", "t1/u1"));
        assertThat(hooked.eraseUser("t1", "u1")).isEqualTo(1);
        assertThat(rowsSeenByHook).containsExactly(1, 0);
    }

    @Test
    void builder_sqlInIdentifiers_isRejected() {
        assertThatThrownBy(() -> JdbcPersonalDataStore.builder("x", jdbc).table("test_note; DROP TABLE test_note"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcPersonalDataStore.builder("Bad Name", jdbc)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcPersonalDataStore.builder("x", jdbc).table("t").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stores_duplicateNames_areRefused() {
        assertThatThrownBy(() -> registry(notes, notes).stores()).isInstanceOf(IllegalStateException.class);
    }
}
