package se.vagvisaren.safeguarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code privacy_audit} table: who exported or erased what, when and how many rows, never the
 * content. It is itself a {@link PersonalDataStore} so its rows age out with the retention job
 * (key {@code privacy-audit}) and appear in the person's own export; erasing a user keeps these rows
 * because they are the proof that the erasure happened.
 */
@Component
@RequiredArgsConstructor
class PrivacyAudit implements PersonalDataStore {

    static final String NAME = "privacy-audit";

    /** What was done. */
    enum Action { EXPORT, ERASE, RETENTION }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /**
     * Records one action.
     *
     * @param actor       a role such as {@code user}, {@code admin-api-key} or {@code retention-job}, never a name
     * @param subjectHash {@link #subjectHash} of the person concerned, or {@code null} for retention runs
     * @param counts      rows per store name
     */
    void record(String actor, Action action, String subjectHash, Map<String, Integer> counts) {
        String perStore = counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        jdbc.update("INSERT INTO privacy_audit (occurred_at, actor, action, subject_hash, store_counts, row_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), actor, action.name(), subjectHash,
                perStore.length() > 2000 ? perStore.substring(0, 2000) : perStore, total);
    }

    /** SHA-256 (hex) of tenant and user id: identifies a person in the log without storing the id. */
    static String subjectHash(String tenantId, String userId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((tenantId + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM privacy_audit WHERE occurred_at < ?", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    /** Keeps the rows: they prove the erasure and hold no content or plain ids. */
    @Override
    public int eraseUser(String tenantId, String userId) {
        return 0;
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        return jdbc.queryForList("SELECT occurred_at, actor, action, store_counts, row_count FROM privacy_audit"
                        + " WHERE subject_hash = ? ORDER BY occurred_at", subjectHash(tenantId, userId))
                .stream()
                .<Map<String, Object>>map(row -> {
                    Map<String, Object> clean = new LinkedHashMap<>(row);
                    Object at = clean.get("occurred_at");
                    if (at instanceof java.sql.Timestamp t) {
                        clean.put("occurred_at", t.toInstant().toString());
                    } else if (at instanceof OffsetDateTime o) {
                        clean.put("occurred_at", o.toInstant().toString());
                    }
                    return clean;
                })
                .toList();
    }
}
