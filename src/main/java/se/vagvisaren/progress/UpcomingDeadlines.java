package se.vagvisaren.progress;

import java.time.Instant;
import java.util.List;

/**
 * Deadlines the progress digest and overview show. The deadlines feature implements this port; until
 * it is connected, {@link #NONE} is used and digests simply list no deadlines. Declare a bean of this
 * type to replace the default.
 */
public interface UpcomingDeadlines {

    /** The default until the deadlines feature is connected. */
    UpcomingDeadlines NONE = (workspaceId, from, until) -> List.of();

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
