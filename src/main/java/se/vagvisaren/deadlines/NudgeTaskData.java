package se.vagvisaren.deadlines;

import java.io.Serializable;

/**
 * What a scheduled nudge task carries (serialised into db-scheduler's {@code task_data}).
 *
 * @param deadlineId the deadline
 * @param nudgeId    the row in {@code deadline_nudge}; its status decides whether the task still sends
 */
record NudgeTaskData(long deadlineId, long nudgeId) implements Serializable {
}
