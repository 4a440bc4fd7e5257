package se.vagvisaren.safeguarding;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Privacy settings of the safeguarding feature ({@code vagvisaren.privacy.*}).
 *
 * @param retention         how long stored user content is kept: key {@code default} (24 months unless
 *                          set, e.g. {@code vagvisaren.privacy.retention.default=P24M}) and optionally one
 *                          key per store name ({@code vagvisaren.privacy.retention.progress-updates=P12M})
 * @param retentionTime     local time of the daily deletion run, in the standard zone ({@code admin.WorkspaceZones}),
 *                          in which months are counted too
 * @param eraseConfirmation how long an erase confirmation card stays valid
 * @param noticeUrl         public address of the privacy notice page, shown in "vad sparar du?"; empty = not shown
 * @param exportChatMaxRows the most rows listed when a user asks for their data in chat
 * @param heldDraft         how long a progress update or reflection answer held back for personal data waits,
 *                          in memory only, for its writer to confirm it (see {@link HeldDrafts})
 */
@Validated
@ConfigurationProperties("vagvisaren.privacy")
record PrivacyProperties(
        Map<String, Period> retention,
        @DefaultValue("03:15") LocalTime retentionTime,
        @DefaultValue("15m") Duration eraseConfirmation,
        @DefaultValue("") String noticeUrl,
        @DefaultValue("50") @Min(1) int exportChatMaxRows,
        @DefaultValue("30m") Duration heldDraft) {

    static final String DEFAULT_KEY = "default";
    static final Period DEFAULT_RETENTION = Period.ofMonths(24);

    PrivacyProperties {
        Map<String, Period> merged = new HashMap<>();
        merged.put(DEFAULT_KEY, DEFAULT_RETENTION);
        if (retention != null) {
            merged.putAll(retention);
        }
        merged.forEach((key, period) -> {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("vagvisaren.privacy.retention." + key + " must be positive");
            }
        });
        retention = Map.copyOf(merged);
        if (heldDraft == null || heldDraft.isNegative() || heldDraft.isZero()) {
            throw new IllegalArgumentException("vagvisaren.privacy.held-draft must be positive");
        }
    }

    /** Settings with every default, for tests and tools. */
    static PrivacyProperties defaults() {
        return new PrivacyProperties(null, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));
    }

    /**
     * The retention period of one store: its own setting, else the default. Names are compared without
     * dashes and case, so {@code VAGVISAREN_PRIVACY_RETENTION_PROGRESSUPDATES} sets {@code progress-updates}.
     */
    Period retentionOf(String storeName) {
        String wanted = canonical(storeName);
        for (Map.Entry<String, Period> e : retention.entrySet()) {
            if (!e.getKey().equals(DEFAULT_KEY) && canonical(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return retention.get(DEFAULT_KEY);
    }

    /** A store name or setting key without dashes and case, as relaxed binding and environment variables give them. */
    static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
