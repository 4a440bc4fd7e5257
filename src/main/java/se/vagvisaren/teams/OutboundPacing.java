package se.vagvisaren.teams;

import java.util.function.Supplier;

/**
 * Runs one send to a conversation once Teams' per-conversation limits allow it, and never while another
 * send to the same conversation is under way: messages then arrive in order and the window counts of
 * {@link ConversationPacer#TEAMS_LIMITS} hold for arrivals, not just for send starts.
 *
 * <p>{@link LocalOutboundPacing} keeps the windows in memory (one instance); {@link SharedConversationPacer}
 * keeps them in PostgreSQL, so every replica counts against the same budget.
 */
interface OutboundPacing {

    /**
     * Waits for a send slot in the conversation, then runs {@code send} while holding it.
     *
     * @throws InterruptedException when interrupted while waiting; nothing was sent then
     * @throws org.springframework.dao.DataAccessException when the shared pacing cannot reach its database;
     *         nothing was sent then
     */
    <T> T paced(String conversationId, Supplier<T> send) throws InterruptedException;

    /**
     * Takes a send slot now if the windows allow it, without waiting, for optional work such as an automatic
     * card refresh. {@code false} when the budget is spent, another send holds the conversation, or the shared
     * pacing cannot reach its database: optional work is then skipped, never done unpaced.
     */
    boolean tryAcquire(String conversationId);
}
