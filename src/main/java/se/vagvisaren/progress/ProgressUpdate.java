package se.vagvisaren.progress;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One stored progress update.
 *
 * @param id             public id (random UUID); the only id shown in cards and exports
 * @param workspaceId    team id, or the conversation id of a group or 1:1 chat
 * @param tenantId       the Microsoft 365 tenant
 * @param conversationId the conversation it was written in
 * @param channelId      the Teams channel id, or {@code null} outside channels
 * @param authorId       the author's Entra object id; never shown, pseudonymised in exports
 * @param text           what the team reported, as written (escape before showing)
 * @param link           a validated http(s) link, or {@code null}
 * @param steps          handbook steps 1–5, ascending; empty when none was suggested or chosen
 * @param stepsConfirmed whether a person chose the steps (otherwise they are the bot's suggestion)
 * @param createdAt      when it was recorded (UTC)
 * @param editedAt       when its author last changed it, or {@code null}
 */
public record ProgressUpdate(String id, String workspaceId, String tenantId, String conversationId, String channelId,
                             String authorId, String text, String link, SortedSet<Integer> steps,
                             boolean stepsConfirmed, Instant createdAt, Instant editedAt) {

    public static final int FIRST_STEP = 1;
    public static final int LAST_STEP = 5;

    public ProgressUpdate {
        steps = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(steps == null ? Set.of() : steps));
    }

    /** Whether {@code step} is one of the handbook's five steps. */
    public static boolean isStep(int step) {
        return step >= FIRST_STEP && step <= LAST_STEP;
    }
}
