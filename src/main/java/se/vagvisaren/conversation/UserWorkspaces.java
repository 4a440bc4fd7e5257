package se.vagvisaren.conversation;

import java.util.List;

/**
 * The teams a person uses the bot in, so a 1:1 chat can act for them ("visa framsteg", an update written
 * to the bot privately). Implemented by the Teams edge from where the person has written to the bot.
 */
public interface UserWorkspaces {

    /**
     * A team the person wrote in.
     *
     * @param workspaceId    the team id (the unit that owns shared data)
     * @param channelId      the channel they wrote in most recently
     * @param conversationId that channel's conversation id, where the bot can post
     * @param name           the team's name as Teams sent it, or {@code null} when Teams never did
     */
    record Workspace(String workspaceId, String channelId, String conversationId, String name) {
    }

    /** The person's teams, most recently used first; empty when they never wrote in a team. */
    List<Workspace> of(String tenantId, String userId);

    /** A message from a 1:1 chat as if written in {@code workspace}'s channel, for features that act for a team. */
    static IncomingMessage inWorkspace(IncomingMessage message, Workspace workspace) {
        return new IncomingMessage(message.activityId(),
                new ConversationKey(message.conversation().tenantId(), workspace.conversationId()), Scope.CHANNEL,
                workspace.workspaceId(), workspace.channelId(), message.sender(), message.text(), message.language(),
                message.timestamp());
    }
}
