package se.vagvisaren.reflection;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceSettings;

/** The time zone of a workspace: its {@code zone} setting if valid, otherwise {@code vagvisaren.reflection.zone}. */
@Component
class WorkspaceZone {

    private final WorkspaceSettings settings;
    private final ZoneId fallback;

    WorkspaceZone(WorkspaceSettings settings, ReflectionProperties properties) {
        this.settings = settings;
        this.fallback = properties.zone();
    }

    ZoneId of(String workspaceId) {
        return settings.get(workspaceId, "zone").map(WorkspaceZone::parse).orElse(fallback);
    }

    private static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
