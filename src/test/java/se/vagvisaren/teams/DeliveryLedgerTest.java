package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.teams.DeliveryLedger.Claim;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TestDatabases;

/** The shared record of taken-on activities, on H2 and PostgreSQL; each ledger stands for one instance. */
class DeliveryLedgerTest {

    private static final String KEY = "msteams|a:1personal|1732600000001";
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    private DeliveryLedger instance(DataSource ds) {
        return new DeliveryLedger(JdbcClient.create(ds), clock, CLAIM_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_afterDoneOnAnotherInstance_isAlreadyDone(String name, DataSource ds) {
        DeliveryLedger first = instance(ds);
        DeliveryLedger afterRestart = instance(ds);

        assertThat(first.claim(KEY)).isEqualTo(Claim.FIRST);
        first.done(KEY);

        assertThat(afterRestart.claim(KEY)).isEqualTo(Claim.ALREADY_DONE);
        assertThat(afterRestart.claim("msteams|a:1personal|other")).isEqualTo(Claim.FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_whileRunningOnAnotherInstance_waitsUntilTheClaimTimesOutThenTakesOver(String name, DataSource ds) {
        DeliveryLedger crashed = instance(ds);
        DeliveryLedger survivor = instance(ds);
        assertThat(crashed.claim(KEY)).isEqualTo(Claim.FIRST);

        clock.advance(CLAIM_TIMEOUT.minusSeconds(1));
        assertThat(survivor.claim(KEY)).isEqualTo(Claim.RUNNING_ELSEWHERE);

        clock.advance(Duration.ofSeconds(2));
        assertThat(survivor.claim(KEY)).isEqualTo(Claim.TAKEN_OVER);
        survivor.done(KEY);
        // The crashed instance's late bookkeeping no longer counts: the claim is the survivor's.
        crashed.release(KEY);
        assertThat(instance(ds).claim(KEY)).isEqualTo(Claim.ALREADY_DONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void release_afterFailedTurn_letsTheRedeliveryBeProcessed(String name, DataSource ds) {
        DeliveryLedger ledger = instance(ds);
        assertThat(ledger.claim(KEY)).isEqualTo(Claim.FIRST);

        ledger.release(KEY);

        assertThat(instance(ds).claim(KEY)).isEqualTo(Claim.FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_ownRowLeftRunningByAFailureTheDatabaseMissed_isTakenOverAtOnce(String name, DataSource ds) {
        DeliveryLedger ledger = instance(ds);
        assertThat(ledger.claim(KEY)).isEqualTo(Claim.FIRST);
        // the turn failed while the database was down, so release() never reached it

        assertThat(ledger.claim(KEY)).isEqualTo(Claim.TAKEN_OVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_eightInstancesAtOnce_exactlyOneProcesses(String name, DataSource ds) throws Exception {
        assertThat(claimAtOnce(ds, 8)).containsOnlyOnce(Claim.FIRST).doesNotContain(Claim.TAKEN_OVER, Claim.ALREADY_DONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_sixInstancesTakingOverAStaleClaimAtOnce_onlyOneWins(String name, DataSource ds) throws Exception {
        instance(ds).claim(KEY);
        clock.advance(CLAIM_TIMEOUT.plusSeconds(5));

        assertThat(claimAtOnce(ds, 6)).containsOnlyOnce(Claim.TAKEN_OVER).doesNotContain(Claim.FIRST);
    }

    /** {@code instances} ledgers (one per instance) claiming {@link #KEY} at the same time. */
    private List<Claim> claimAtOnce(DataSource ds, int instances) throws Exception {
        List<Callable<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            DeliveryLedger ledger = instance(ds);
            claims.add(() -> ledger.claim(KEY));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> f : pool.invokeAll(claims)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void forgetOlderThan_removesOnlyOldRows(String name, DataSource ds) {
        DeliveryLedger ledger = instance(ds);
        ledger.claim("old");
        ledger.done("old");
        clock.advance(Duration.ofHours(25));
        ledger.claim("new");

        assertThat(ledger.forgetOlderThan(Duration.ofDays(1))).isEqualTo(1);

        assertThat(instance(ds).claim("old")).isEqualTo(Claim.FIRST);
        assertThat(JdbcClient.create(ds).sql("SELECT COUNT(*) FROM inbound_delivery").query(Integer.class).single()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void claim_storesNoConversationOrActivityId(String name, DataSource ds) {
        instance(ds).claim(KEY);

        String stored = JdbcClient.create(ds).sql("SELECT delivery_key FROM inbound_delivery").query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain("personal").doesNotContain("1732600000001");
    }
}
