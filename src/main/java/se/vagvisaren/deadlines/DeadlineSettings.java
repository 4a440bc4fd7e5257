package se.vagvisaren.deadlines;

import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.admin.WorkspaceZones;

/**
 * A team's own deadline settings, stored in {@link WorkspaceSettings}: {@code zone} (shared with other
 * features, e.g. {@code Europe/Helsinki}), {@code deadlines.lead-times} (e.g. {@code 14d,2d,0}) and
 * {@code deadlines.escalate-after-days}. Unset or unreadable values fall back to {@link DeadlineProperties}.
 */
@Component
class DeadlineSettings {

    static final String LEAD_TIMES = "deadlines.lead-times";
    static final String ESCALATE_AFTER_DAYS = "deadlines.escalate-after-days";
    private static final Logger log = LoggerFactory.getLogger(DeadlineSettings.class);

    private final WorkspaceSettings settings;
    private final DeadlineProperties properties;
    private final WorkspaceZones zones;

    DeadlineSettings(WorkspaceSettings settings, DeadlineProperties properties, WorkspaceZones zones) {
        this.settings = settings;
        this.zones = zones;
        this.properties = properties;
    }

    /** The workspace's zone, as {@link WorkspaceZones} decides it. */
    ZoneId zone(String workspaceId) {
        return zones.of(workspaceId);
    }

    List<LeadTime> leadTimes(String workspaceId) {
        return settings.get(workspaceId, LEAD_TIMES).map(value -> {
            try {
                return LeadTime.parseList(value);
            } catch (IllegalArgumentException e) {
                log.warn("Workspace {} has unreadable lead times; using the default", workspaceId);
                return LeadTime.parseList(properties.defaultLeadTimes());
            }
        }).orElse(LeadTime.parseList(properties.defaultLeadTimes()));
    }

    int escalateAfterDays(String workspaceId) {
        return settings.get(workspaceId, ESCALATE_AFTER_DAYS).map(value -> {
            try {
                return Math.max(0, Math.min(60, Integer.parseInt(value.trim())));
            } catch (NumberFormatException e) {
                return properties.escalateAfterDays();
            }
        }).orElse(properties.escalateAfterDays());
    }
}
