package se.vagvisaren.conversation;

import java.time.Instant;

/**
 * A user's message to the bot, stripped of Teams specifics.
 *
 * @param activityId  Teams activity id; Teams retries deliveries, so features use it for idempotency
 * @param conversation where the message was written
 * @param scope       personal, channel or group chat
 * @param teamId      the team's id when written in a channel, otherwise {@code null}
 * @param channelId   the channel's id when written in a channel, otherwise {@code null}
 * @param sender      who wrote it
 * @param text        plain text with the bot's @mention removed; empty (never {@code null}) for card submits
 * @param language    reply language picked from the text and the activity locale
 * @param timestamp   when Teams received it (UTC)
 */
public record IncomingMessage(
        String activityId,
        ConversationKey conversation,
        Scope scope,
        String teamId,
        String channelId,
        Sender sender,
        String text,
        Language language,
        Instant timestamp) {

    public IncomingMessage {
        text = text == null ? "" : text;
        language = language == null ? Language.SV : language;
    }

    /** The team id if there is one, otherwise the conversation id: the unit that owns shared data. */
    public String workspaceId() {
        return teamId != null ? teamId : conversation.conversationId();
    }

    /**
     * Whether the sender has an id, so that data can be stored, shown or erased as theirs. Teams sends one for
     * every person; a message without one (a tool or a malformed activity) must not touch anybody's data.
     */
    public boolean hasSenderId() {
        return sender != null && sender.id() != null && !sender.id().isBlank();
    }

    /** Returns a copy with another reply language (once the text has been read). */
    public IncomingMessage withLanguage(Language newLanguage) {
        return new IncomingMessage(activityId, conversation, scope, teamId, channelId, sender, text, newLanguage, timestamp);
    }

    /** Returns a copy with other text, e.g. after a prefix such as "uppdatering:" was removed. */
    public IncomingMessage withText(String newText) {
        return new IncomingMessage(activityId, conversation, scope, teamId, channelId, sender, newText, language, timestamp);
    }
}
