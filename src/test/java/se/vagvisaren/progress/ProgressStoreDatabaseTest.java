package se.vagvisaren.progress;

import se.vagvisaren.testing.TestSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TestDatabases;

/**
 * The progress tables, queries and the export against both databases the bot runs on: H2 in
 * PostgreSQL mode and a real PostgreSQL 14 (embedded, no Docker). Each test uses its own workspace.
 */
class ProgressStoreDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DataSource h2;
    private static DataSource postgres;

    @BeforeAll
    static void databases() {
        h2 = TestDatabases.h2();
        postgres = TestDatabases.postgres();
    }

    static Stream<Arguments> both() {
        return Stream.of(Arguments.of(Named.of("H2", h2)), Arguments.of(Named.of("PostgreSQL", postgres)));
    }

    private static ProgressStore store(DataSource ds) {
        return new ProgressStore(JdbcClient.create(ds), new TransactionTemplate(new JdbcTransactionManager(ds)));
    }

    private static ProgressStore.NewUpdate update(String ws, String activity, String author, String text, Instant at,
                                                  Integer... steps) {
        return new ProgressStore.NewUpdate(ws, "tenant-1", ws + ";messageid=1", "19:channel", activity, author, text,
                null, new TreeSet<>(List.of(steps)), false, at);
    }

    @ParameterizedTest
    @MethodSource("both")
    void insert_sameActivityTwice_storesOnceAndReportsDuplicate(DataSource ds) {
        ProgressStore store = store(ds);
        String ws = "ws-dup-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-25T09:00:00Z");

        ProgressStore.Stored first = store.insert(update(ws, "act-1", "author-a", "Kartläggningen klar", at, 2));
        ProgressStore.Stored again = store.insert(update(ws, "act-1", "author-a", "Kartläggningen klar", at, 2));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.update().id()).isEqualTo(first.update().id());
        assertThat(store.count(ws, Instant.EPOCH, at.plusSeconds(1), List.of())).isEqualTo(1);
        assertThat(first.update().createdAt()).isEqualTo(at);
        assertThat(first.update().steps()).containsExactly(2);
    }

    @ParameterizedTest
    @MethodSource("both")
    void latest_stepAndPeriodFilter_returnsNewestFirstWithAllSteps(DataSource ds) {
        ProgressStore store = store(ds);
        String ws = "ws-filter-" + UUID.randomUUID();
        store.insert(update(ws, "a1", "u", "gammal", Instant.parse("2026-09-01T08:00:00Z"), 2));
        store.insert(update(ws, "a2", "u", "steg ett och två", Instant.parse("2026-11-20T08:00:00Z"), 1, 2));
        store.insert(update(ws, "a3", "u", "steg fyra", Instant.parse("2026-11-21T08:00:00Z"), 4));
        store.insert(update(ws, "a4", "u", "utan steg", Instant.parse("2026-11-22T08:00:00Z")));
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");

        List<ProgressUpdate> step2 = store.latest(ws, from, to, List.of(2), 10);
        List<ProgressUpdate> all = store.latest(ws, Instant.EPOCH, to, List.of(), 10);
        List<ProgressUpdate> limited = store.latest(ws, Instant.EPOCH, to, List.of(), 2);

        assertThat(step2).extracting(ProgressUpdate::text).containsExactly("steg ett och två");
        assertThat(step2.get(0).steps()).containsExactly(1, 2);
        assertThat(all).extracting(ProgressUpdate::text).containsExactly("utan steg", "steg fyra", "steg ett och två", "gammal");
        assertThat(limited).extracting(ProgressUpdate::text).containsExactly("utan steg", "steg fyra");
        assertThat(store.count(ws, from, to, List.of(1, 4))).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("both")
    void lastUpdatePerStepAndSpan_reflectStoredTimes(DataSource ds) {
        ProgressStore store = store(ds);
        String ws = "ws-span-" + UUID.randomUUID();
        store.insert(update(ws, "a1", "u", "x", Instant.parse("2026-09-01T08:00:00Z"), 3));
        store.insert(update(ws, "a2", "u", "y", Instant.parse("2026-11-20T08:00:00Z"), 1, 3));

        assertThat(store.lastUpdatePerStep(ws)).containsOnlyKeys(1, 3)
                .containsEntry(3, Instant.parse("2026-11-20T08:00:00Z"));
        ProgressStore.Span span = store.span(ws).orElseThrow();
        assertThat(span.first()).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
        assertThat(span.last()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(store.span("ws-none-" + UUID.randomUUID())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("both")
    void changeConfirmDelete_roundTrip(DataSource ds) {
        ProgressStore store = store(ds);
        String ws = "ws-edit-" + UUID.randomUUID();
        String id = store.insert(update(ws, "a1", "u", "första", Instant.parse("2026-11-20T08:00:00Z"), 2)).update().id();

        store.change(id, "ändrad", "https://kommun.se/x", new TreeSet<>(List.of(4, 5)), Instant.parse("2026-11-21T08:00:00Z"));
        ProgressUpdate changed = store.find(id).orElseThrow();
        store.confirmSteps(id, new TreeSet<>(List.of(1)));
        ProgressUpdate confirmed = store.find(id).orElseThrow();

        assertThat(changed.text()).isEqualTo("ändrad");
        assertThat(changed.link()).isEqualTo("https://kommun.se/x");
        assertThat(changed.steps()).containsExactly(4, 5);
        assertThat(changed.editedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(confirmed.steps()).containsExactly(1);
        assertThat(confirmed.stepsConfirmed()).isTrue();
        assertThat(store.delete(id)).isTrue();
        assertThat(store.find(id)).isEmpty();
        assertThat(store.lastUpdatePerStep(ws)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("both")
    void registeredStore_retentionRun_deletesOnlyOldUpdates(DataSource ds) {
        ProgressStore store = store(ds);
        String ws = "ws-retention-" + UUID.randomUUID();
        store.insert(update(ws, "a1", "u", "old", Instant.parse("2020-01-01T00:00:00Z"), 1));
        store.insert(update(ws, "a2", "u", "new", Instant.parse("2026-11-01T00:00:00Z"), 1));
        var registered = new ProgressPersonalData().progressUpdateStore(new JdbcTemplate(ds));

        registered.deleteOlderThan(Instant.parse("2024-11-25T00:00:00Z"));

        assertThat(store.latest(ws, Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"), List.of(), 10))
                .extracting(ProgressUpdate::text).containsExactly("new");
    }

    @ParameterizedTest
    @MethodSource("both")
    void digestLedger_claimOncePerWeek_releaseAllowsAgain(DataSource ds) {
        DigestLedger ledger = new DigestLedger(JdbcClient.create(ds));
        String ws = "ws-ledger-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-11-30T07:00:00Z");
        ledger.remember(ws, "tenant-1", "19:team", "19:channel;messageid=1", now);
        ledger.remember(ws, "tenant-1", "19:team", "19:channel;messageid=2", now);

        assertThat(ledger.targets()).filteredOn(t -> t.workspaceId().equals(ws)).singleElement()
                .satisfies(t -> assertThat(t.lastConversationId()).isEqualTo("19:channel;messageid=2"));
        assertThat(ledger.claim(ws, "2026-11-30", now)).isTrue();
        assertThat(ledger.claim(ws, "2026-11-30", now)).isFalse();
        ledger.release(ws, "2026-11-30");
        assertThat(ledger.claim(ws, "2026-11-30", now)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("both")
    void export_csvAndJson_pseudonymiseAuthorsAndGuardFormulas(DataSource ds) throws IOException {
        ProgressStore store = store(ds);
        String ws = "ws-export-" + UUID.randomUUID();
        store.insert(update(ws, "a1", "0d3e5c2a-aad-erik", "=HYPERLINK(\"http://x\"), \"citat\"\nrad två",
                Instant.parse("2026-11-20T08:00:00Z"), 2, 4));
        ExportController export = exporter(store);

        StringWriter csv = new StringWriter();
        export.writeCsv(csv);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (var generator = new JsonFactory().createGenerator(json)) {
            export.writeJson(generator);
        }

        String pseudonym = new AuthorPseudonyms(TestSecrets.configured()).of("0d3e5c2a-aad-erik");
        assertThat(csv.toString()).startsWith(String.join(",", ExportController.COLUMNS) + "\r\n")
                .contains(pseudonym).doesNotContain("0d3e5c2a-aad-erik")
                .contains("\"'=HYPERLINK(\"\"http://x\"\"), \"\"citat\"\"\nrad två\"")
                .contains(",2;4,false,");
        JsonNode row = findRow(JSON.readTree(json.toByteArray()), ws).orElseThrow();
        assertThat(row.path("author").asText()).isEqualTo(pseudonym);
        assertThat(row.path("text").asText()).startsWith("=HYPERLINK");
        assertThat(row.path("steps")).hasSize(2);
        assertThat(row.path("created_at").asText()).isEqualTo("2026-11-20T08:00:00Z");
    }

    private static Optional<JsonNode> findRow(JsonNode array, String ws) {
        for (JsonNode row : array) {
            if (row.path("workspace_id").asText().equals(ws)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static ExportController exporter(ProgressStore store) {
        ProgressProperties properties = ProgressFixtures.properties();
        WorkspaceSettings settings = Mockito.mock(WorkspaceSettings.class);
        return new ExportController(store, new AuthorPseudonyms(TestSecrets.configured()), new MunicipalityNames(settings, properties),
                null, new MutableClock(Instant.parse("2026-11-25T09:00:00Z")));
    }
}
