package se.vagvisaren.conversation;

import java.util.Objects;

/**
 * Identifies one Teams conversation (a 1:1 chat, a group chat or a channel thread root).
 *
 * @param tenantId       Microsoft Entra tenant id (may be a non-GUID string in local test tools)
 * @param conversationId the Bot Framework conversation id, opaque; contains {@code : ; @}
 */
public record ConversationKey(String tenantId, String conversationId) {
    public ConversationKey {
        Objects.requireNonNull(conversationId, "conversationId");
        tenantId = tenantId == null ? "" : tenantId;
    }
}
