package se.vagvisaren.progress;

import java.time.Instant;
import java.util.List;

/**
 * Deadlines the progress digest and overview show; the deadlines feature implements this port
 * ({@code deadlines.DigestDeadlines}).
 */
public interface UpcomingDeadlines {

    /**
     * Open deadlines of one workspace due in {@code [from, until)}, soonest first; empty when none.
     *
     * @param workspaceId team id, or a group chat's conversation id (as {@code IncomingMessage.workspaceId()})
     */
    List<UpcomingDeadline> between(String workspaceId, Instant from, Instant until);

    /**
     * One deadline as shown in a digest.
     *
     * @param title what is due, as the team wrote it (escaped before showing)
     * @param due   when it is due (UTC)
     */
    record UpcomingDeadline(String title, Instant due) {
    }
}
