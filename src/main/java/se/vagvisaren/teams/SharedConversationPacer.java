package se.vagvisaren.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams' per-conversation limits kept in PostgreSQL, so that all replicas together stay within them. Per
 * conversation there is one row in {@code outbound_pace}, locked ({@code SELECT … FOR UPDATE}) for the whole
 * of a send, and a log of send starts in {@code outbound_send}, checked against every window of
 * {@link ConversationPacer#TEAMS_LIMITS} with the same exact arithmetic as the in-memory pacer. All times
 * come from the database's clock, so replicas with drifting clocks still agree.
 *
 * <p>Holding the row lock during the HTTP call serialises the sends of one conversation across replicas,
 * which is what makes the window counts hold for arrivals. The send's start is written and committed in a
 * transaction of its own <em>before</em> the call, so a replica that loses its connection mid-send has
 * still told the others. A replica that cannot reach the database sends nothing: the
 * {@link org.springframework.dao.DataAccessException} reaches the caller, which retries later.
 *
 * <p>Database work the send itself does on the same DataSource (recording a failure, marking a conversation
 * removed) joins the lock's transaction and commits with it.
 *
 * <p>Conversation ids are stored as SHA-256 hashes only, like {@code inbound_delivery} keys.
 */
final class SharedConversationPacer implements OutboundPacing {

    private final JdbcClient jdbc;
    private final TransactionTemplate lockTx;
    private final TransactionTemplate stampTx;
    private final List<ConversationPacer.Limit> limits;
    private final int longest;
    private final long longestWindowMicros;
    private final ConversationPacer.Sleeper sleeper;
    private final Duration lockTimeout;
    /** In-instance turn-taking first, so threads of one replica queue here rather than on database locks. */
    private final LocalOutboundPacing local;

    SharedConversationPacer(JdbcClient jdbc, PlatformTransactionManager transactions, List<ConversationPacer.Limit> limits,
                            ConversationPacer.Sleeper sleeper, Duration lockTimeout) {
        this.jdbc = jdbc;
        // Own transactions, never a caller's: the lock must end with the send, the stamp must commit before it.
        this.lockTx = new TransactionTemplate(transactions);
        this.lockTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.stampTx = new TransactionTemplate(transactions);
        this.stampTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.limits = List.copyOf(limits);
        this.longest = ConversationPacer.longest(limits);
        this.longestWindowMicros = ConversationPacer.longestWindowNanos(limits) / 1_000;
        this.sleeper = sleeper;
        this.lockTimeout = lockTimeout;
        // No limits locally: the local part only takes turns; the windows are counted in the database.
        this.local = new LocalOutboundPacing(new ConversationPacer(List.of(), () -> 0, sleeper));
    }

    @Override
    public <T> T paced(String conversationId, Supplier<T> send) throws InterruptedException {
        try {
            return local.paced(conversationId, () -> pacedAcrossReplicas(hash(conversationId), send));
        } catch (PacingInterrupted e) {
            throw (InterruptedException) e.getCause();
        }
    }

    private <T> T pacedAcrossReplicas(String key, Supplier<T> send) {
        ensureRow(key);
        while (true) {
            Attempt<T> attempt;
            try {
                attempt = lockTx.execute(status -> tryWithLock(key, send));
            } catch (DataAccessException e) {
                if (!lockTimedOut(e)) {
                    throw e;
                }
                // Another replica holds the conversation longer than the lock timeout (a slow send with
                // retries): ask again after a pause, which also lets an interrupt stop this thread.
                attempt = new Attempt<>(null, 1_000_000);
            } catch (TransactionException e) {
                // No connection for the transaction: the same as any other unreachable database for the caller.
                throw new DataAccessResourceFailureException("Pacing database unavailable", e);
            }
            if (attempt.waitNanos() <= 0) {
                return attempt.result();
            }
            try {
                sleeper.sleep(Math.max(1_000_000, attempt.waitNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PacingInterrupted(e);
            }
        }
    }

    @Override
    public boolean tryAcquire(String conversationId) {
        String key = hash(conversationId);
        try {
            ensureRow(key);
            return Boolean.TRUE.equals(lockTx.execute(status -> stampIfFree(key) == 0));
        } catch (DataAccessException | TransactionException e) {
            // Another replica is sending (lock timeout) or the database is gone: optional work waits for later.
            return false;
        }
    }

    private <T> Attempt<T> tryWithLock(String key, Supplier<T> send) {
        long wait = stampIfFree(key);
        return wait > 0 ? new Attempt<>(null, wait) : new Attempt<>(send.get(), 0);
    }

    /** Under the conversation's row lock: records a send start now and returns 0, or how long until one fits. */
    private long stampIfFree(String key) {
        jdbc.sql("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'").update();
        jdbc.sql("SELECT conversation_key FROM outbound_pace WHERE conversation_key = :key FOR UPDATE")
                .param("key", key).query(String.class).single();
        OffsetDateTime now = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
        long nowNanos = nanos(now);
        List<Long> newestFirst = jdbc.sql("SELECT sent_at FROM outbound_send WHERE conversation_key = :key "
                        + "ORDER BY sent_at DESC LIMIT :limit")
                .param("key", key).param("limit", longest)
                .query((rs, n) -> nanos(rs.getObject(1, OffsetDateTime.class))).list();
        long wait = ConversationPacer.waitNanos(limits, newestFirst, nowNanos);
        if (wait > 0) {
            return wait;
        }
        stampTx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO outbound_send (conversation_key, sent_at) VALUES (:key, :at)")
                    .param("key", key).param("at", now).update();
            jdbc.sql("DELETE FROM outbound_send WHERE conversation_key = :key AND sent_at < :cutoff")
                    .param("key", key).param("cutoff", now.minusNanos(longestWindowMicros * 1_000)).update();
        });
        return 0;
    }

    /**
     * PostgreSQL's "lock not available" (SQLSTATE 55P03, from {@code lock_timeout}); Spring reports it as a
     * {@link PessimisticLockingFailureException} or, without error-code tables, as an uncategorised exception.
     */
    private static boolean lockTimedOut(DataAccessException e) {
        if (e instanceof PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The conversation's lock row; inserted once, kept (one short row per conversation ever paced). */
    private void ensureRow(String key) {
        try {
            jdbc.sql("INSERT INTO outbound_pace (conversation_key) SELECT :key WHERE NOT EXISTS "
                    + "(SELECT 1 FROM outbound_pace WHERE conversation_key = :key)").param("key", key).update();
        } catch (DuplicateKeyException e) {
            // another replica inserted it at the same moment
        }
    }

    /** PostgreSQL keeps microseconds; the nanosecond arithmetic of the pacer then works unchanged. */
    private static long nanos(OffsetDateTime time) {
        Instant instant = time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String hash(String conversationId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(conversationId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private record Attempt<T>(T result, long waitNanos) {
    }

    /** Carries an interrupt out of the lambda the local turn-taking runs; unwrapped by {@link #paced}. */
    private static final class PacingInterrupted extends RuntimeException {
        PacingInterrupted(InterruptedException cause) {
            super(cause);
        }
    }
}
