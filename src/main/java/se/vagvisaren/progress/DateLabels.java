package se.vagvisaren.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;

/**
 * Shows instants as ISO dates, as Swedish offices write them, in the standard zone ({@link WorkspaceZones#standard()},
 * Europe/Stockholm by default); the weekly digest counts its days in the same zone.
 */
@Component
class DateLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    DateLabels(WorkspaceZones zones) {
        this.zone = zones.standard();
    }

    ZoneId zone() {
        return zone;
    }

    /** {@code 2026-11-25}; empty for {@code null}. */
    String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** {@code 2026-11-25 10:05}; empty for {@code null}. */
    String dayTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
    }
}
