package se.vagvisaren.conversation;

/**
 * Outcome of one proactive send.
 *
 * @param status    how it ended
 * @param activityId id Teams gave the delivered message, or {@code null}
 * @param attempts  how many HTTP attempts were made
 * @param detail    a short English reason for failures (no message content)
 */
public record DeliveryResult(Status status, String activityId, int attempts, String detail) {

    public enum Status {
        DELIVERED,
        /** Transient errors until the retry budget ran out; a later retry may work. */
        FAILED_RETRYABLE,
        /** The bot was removed or the conversation is gone (403/404); stop sending there. */
        GONE,
        /** No stored conversation reference for the target. */
        UNKNOWN_TARGET
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }
}
