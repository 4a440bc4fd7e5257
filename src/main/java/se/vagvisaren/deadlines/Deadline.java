package se.vagvisaren.deadlines;

import java.time.Instant;
import java.util.List;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;

/**
 * A stored deadline.
 *
 * @param workspaceId    the team (or chat) that owns it
 * @param conversationId the conversation it was created in; nudges go there unless {@code target} is a person
 * @param ownerId        Entra object id of the creator
 * @param anchorDay      the day of month a monthly series keeps
 * @param reachable      {@code false} once the bot was removed from the target conversation; no more nudges
 * @param version        bumped on every change; edits are conditional on it
 */
record Deadline(long id, String workspaceId, String tenantId, String conversationId, Scope scope, Target target,
                String ownerId, String title, Due due, List<LeadTime> leadTimes, Recurrence recurrence, int anchorDay,
                Language language, Status status, boolean reachable, long version, Instant closedAt) {

    enum Status { OPEN, DONE, CANCELLED }

    /** Where nudges go. */
    enum Target {
        /** The channel or chat the deadline was created in. */
        CONVERSATION,
        /** The creator's 1:1 chat with the bot. */
        PERSON
    }

    boolean open() {
        return status == Status.OPEN;
    }

    boolean personal() {
        return target == Target.PERSON;
    }

    ConversationKey conversation() {
        return new ConversationKey(tenantId, conversationId);
    }
}
