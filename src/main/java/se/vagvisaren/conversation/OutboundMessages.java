package se.vagvisaren.conversation;

/**
 * The port every proactive message goes through (nudges, digests, reflection results, hand-offs).
 * The {@code teams} package implements it with the Bot Framework SDK; it respects Teams rate limits,
 * retries transient failures and records permanent ones.
 */
public interface OutboundMessages {

    /**
     * Sends a message into a conversation the bot has a stored reference for. Blocks until the message
     * is delivered, has permanently failed, or the retry budget is spent.
     */
    DeliveryResult send(ConversationKey conversation, Reply reply);

    /**
     * Sends a message to one person in their 1:1 chat with the bot, creating that chat from a team
     * conversation when needed.
     *
     * @param tenantId tenant of the user
     * @param userId   the user's stable id as in {@link Sender#id()}
     */
    DeliveryResult sendToUser(String tenantId, String userId, Reply reply);
}
