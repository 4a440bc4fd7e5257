package se.vagvisaren.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;

/**
 * Deletes stored user content older than its retention period (gallring), store by store. Months are
 * counted in the standard zone ({@link WorkspaceZones#standard()}), so "24 months" before 10:00 on 25 November
 * 2026 in Stockholm is
 * 10:00 on 25 November 2024 there. Run daily by {@link RetentionSchedule}; a failing store is logged
 * and the others still run.
 */
@Component
class RetentionSweep {

    static final String ACTOR = "retention-job";
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final PersonalDataRegistry registry;
    private final PrivacyProperties properties;
    private final ZoneId zone;
    private final PrivacyAudit audit;
    private final Clock clock;

    RetentionSweep(PersonalDataRegistry registry, PrivacyProperties properties, WorkspaceZones zones, PrivacyAudit audit,
                   Clock clock) {
        this.registry = registry;
        this.properties = properties;
        this.zone = zones.standard();
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs once now; returns deleted rows per store (failed stores are left out). */
    Map<String, Integer> run() {
        Map<String, Integer> deleted = registry.inEveryStore("Retention", store -> {
            Instant cutoff = cutoff(store.name());
            int rows = store.deleteOlderThan(cutoff);
            log.info("Retention: deleted {} rows from {} created before {}", rows, store.name(), cutoff);
            return rows;
        }).results();
        audit.record(ACTOR, PrivacyAudit.Action.RETENTION, null, deleted);
        return deleted;
    }

    /** The instant before which a store's rows are deleted now. */
    Instant cutoff(String storeName) {
        return clock.instant().atZone(zone).minus(properties.retentionOf(storeName)).toInstant();
    }
}
