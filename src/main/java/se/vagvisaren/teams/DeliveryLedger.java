package se.vagvisaren.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which activities were taken on, kept in the database: shared by every replica and kept across restarts,
 * so a redelivery by Teams — after a lost 200, a crash, or on another instance — is not answered twice,
 * and a message cut off by a crash is not lost. A row is {@code RUNNING} while its turn runs and
 * {@code DONE} after it; a failed turn deletes its row, so the redelivery Teams sends after our 5xx is
 * processed. Keys are SHA-256 hashes of channel, conversation and activity id.
 *
 * <p>One gap is left on purpose: a crash after a reply was sent but before the row says {@code DONE}.
 * The redelivery takes the claim over once it is older than {@code claimTimeout} and answers again;
 * closing that would need the reply and the row in one transaction, which the Bot Connector cannot join.
 */
@RequiredArgsConstructor
final class DeliveryLedger {

    /** What a delivery may do. */
    enum Claim {
        /** Never seen: process it. */
        FIRST,
        /** Answered before: acknowledge without processing. */
        ALREADY_DONE,
        /** Being processed by a turn that started less than {@code claimTimeout} ago: ask Teams to retry later. */
        RUNNING_ELSEWHERE,
        /** Its earlier turn stopped without finishing (a crash, or a failure the database did not hear of): process it now. */
        TAKEN_OVER
    }

    private static final String RUNNING = "RUNNING";
    private static final String DONE = "DONE";
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking SHA-256 up in the providers twice per message was measurable under load. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(DeliveryLedger::sha256);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration claimTimeout;
    private final String instance = UUID.randomUUID().toString();

    /**
     * Claims one delivery for this instance.
     *
     * Call only when no turn for this key runs on this instance (the caller's in-memory guard knows).
     *
     * @param deliveryKey channel, conversation and activity id
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached
     */
    Claim claim(String deliveryKey) {
        String key = hash(deliveryKey);
        if (insert(key)) {
            return Claim.FIRST;
        }
        Optional<Row> row = find(key);
        if (row.isEmpty()) {
            // Released (its turn failed) between our insert and our read: the redelivery may go ahead.
            return insert(key) ? Claim.FIRST : Claim.RUNNING_ELSEWHERE;
        }
        if (DONE.equals(row.get().state())) {
            return Claim.ALREADY_DONE;
        }
        Instant now = now();
        // Our own RUNNING row means our turn failed and could not release it (the database was down then):
        // the caller's in-memory guard would have caught a turn still running here.
        boolean ours = instance.equals(row.get().instance());
        if (!ours && row.get().claimedAt().plus(claimTimeout).isAfter(now)) {
            return Claim.RUNNING_ELSEWHERE;
        }
        // Compare-and-set on the old claim time: of two instances taking over at once, one wins.
        int taken = jdbc.sql("UPDATE inbound_delivery SET claimed_at = :now, instance_id = :instance "
                        + "WHERE delivery_key = :key AND state = 'RUNNING' AND claimed_at = :old")
                .param("now", at(now)).param("instance", instance).param("key", key)
                .param("old", at(row.get().claimedAt())).update();
        return taken == 1 ? Claim.TAKEN_OVER : Claim.RUNNING_ELSEWHERE;
    }

    /** The turn of a delivery claimed by this instance finished: later redeliveries are acknowledged only. */
    void done(String deliveryKey) {
        jdbc.sql("UPDATE inbound_delivery SET state = 'DONE' WHERE delivery_key = ? AND instance_id = ?")
                .param(hash(deliveryKey)).param(instance).update();
    }

    /** The turn failed: forget the claim, so the redelivery is processed. */
    void release(String deliveryKey) {
        jdbc.sql("DELETE FROM inbound_delivery WHERE delivery_key = :key AND instance_id = :instance AND state = 'RUNNING'")
                .param("key", hash(deliveryKey)).param("instance", instance).update();
    }

    /** Forgets deliveries claimed more than {@code age} ago; returns how many rows went. */
    int forgetOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM inbound_delivery WHERE claimed_at < :cutoff")
                .param("cutoff", at(now().minus(age))).update();
    }

    private boolean insert(String key) {
        try {
            jdbc.sql("INSERT INTO inbound_delivery (delivery_key, state, claimed_at, instance_id) VALUES (?, 'RUNNING', ?, ?)")
                    .param(key).param(at(now())).param(instance).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Optional<Row> find(String key) {
        return jdbc.sql("SELECT state, claimed_at, instance_id FROM inbound_delivery WHERE delivery_key = :key")
                .param("key", key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .optional();
    }

    /** Milliseconds only: both databases keep them exactly, so the compare-and-set can match on equality. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String deliveryKey) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        return HEX.formatHex(sha256.digest(deliveryKey.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private record Row(String state, Instant claimedAt, String instance) {
    }
}
