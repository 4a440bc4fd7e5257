package se.vagvisaren.reflection;

import java.time.Instant;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;

/**
 * One run of an exercise in one conversation, as stored. All state lives in the database, so any
 * replica (or a restarted one) can take the next answer.
 *
 * @param exercise    the exercise as it was when launched
 * @param workspaceId team id, or the conversation id of a group or 1:1 chat
 * @param launchedBy  user id of the person who launched it (may close it); {@code null} if unknown
 * @param ownerKey    personal mode only: the owner's pseudonymous key; otherwise {@code null}
 * @param salt        salt of the respondent keys; {@code null} once an anonymous session is closed
 * @param closesAt    when it closes by itself, or {@code null} for never (personal sessions)
 * @param closedAt    when it was closed, or {@code null} while open
 */
record ReflectionSession(
        String id,
        Exercise exercise,
        String workspaceId,
        ConversationKey conversation,
        Scope scope,
        Language language,
        AnswerMode mode,
        String launchedBy,
        String ownerKey,
        Status status,
        String salt,
        Instant openedAt,
        Instant closesAt,
        Instant closedAt) {

    boolean isOpen() {
        return status == Status.OPEN;
    }

    /** How answers are kept. */
    enum AnswerMode {
        /** Default in channels and group chats: no names, results only above the minimum group size. */
        ANONYMOUS,
        /** Chosen explicitly by a facilitator and shown on the card: free-text answers carry names. */
        NAMED,
        /** In a 1:1 chat: one person's own reflection, visible only to them. */
        PERSONAL
    }

    enum Status { OPEN, CLOSED }
}
