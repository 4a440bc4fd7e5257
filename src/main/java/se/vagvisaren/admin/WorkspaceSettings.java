package se.vagvisaren.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Small per-workspace settings (e.g. {@code reflection.launch=facilitators}, {@code zone=Europe/Stockholm}),
 * changed by coordinators in chat. Names are feature-prefixed; values are short strings.
 *
 * <p>Reads are cached for {@link #CACHE_TTL}: the team's time zone is read on every message, the settings change
 * a few times in a workspace's life. A change through {@link #set} is seen at once by this instance (its entry is
 * dropped after the commit); another replica sees it at most {@link #CACHE_TTL} later, exactly as a message that
 * reached the bot just before the change would have. Nothing is written from a cached value.
 */
@Service
public class WorkspaceSettings {

    /** How long another replica may still read a setting's previous value after a change. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** Workspace × setting pairs kept; a few per workspace, so this covers thousands of active teams. */
    static final int CACHE_SIZE = 10_000;

    private record Key(String workspaceId, String name) {
    }

    private final JdbcClient jdbc;
    private final Cache<Key, Optional<String>> cache;

    @Autowired
    WorkspaceSettings(JdbcClient jdbc) {
        this(jdbc, Ticker.systemTicker());
    }

    /** With {@code ticker} as the cache's clock, so a test can let the time to live pass. */
    WorkspaceSettings(JdbcClient jdbc, Ticker ticker) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(CACHE_SIZE).ticker(ticker).build();
    }

    public Optional<String> get(String workspaceId, String name) {
        return cache.get(new Key(workspaceId, name), key -> read(key.workspaceId(), key.name()));
    }

    private Optional<String> read(String workspaceId, String name) {
        return jdbc.sql("SELECT setting_value FROM workspace_setting WHERE workspace_id = :w AND name = :n")
                .param("w", workspaceId).param("n", name).query(String.class).optional();
    }

    public String getOrDefault(String workspaceId, String name, String defaultValue) {
        return get(workspaceId, name).orElse(defaultValue);
    }

    @Transactional
    public void set(String workspaceId, String name, String value) {
        int updated = jdbc.sql("UPDATE workspace_setting SET setting_value = :v WHERE workspace_id = :w AND name = :n")
                .param("v", value).param("w", workspaceId).param("n", name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO workspace_setting (workspace_id, name, setting_value) VALUES (:w, :n, :v)")
                    .param("w", workspaceId).param("n", name).param("v", value).update();
        }
        forgetAfterCommit(new Key(workspaceId, name));
    }

    /**
     * Drops the cached value now and again after the commit: a read between the two would otherwise cache the
     * value from before the commit for the whole time to live.
     */
    private void forgetAfterCommit(Key key) {
        cache.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(key);
                }
            });
        }
    }
}
