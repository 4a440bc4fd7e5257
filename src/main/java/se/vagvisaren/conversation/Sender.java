package se.vagvisaren.conversation;

/**
 * The person who wrote a message.
 *
 * @param id          stable id: the Entra object id when Teams sends one, otherwise the channel user id
 * @param channelId   the Bot Framework user id ({@code 29:...}) needed to mention or message the user
 * @param displayName shown name; never logged and never stored with anonymous content
 */
public record Sender(String id, String channelId, String displayName) {
}
