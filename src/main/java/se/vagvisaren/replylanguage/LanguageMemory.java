package se.vagvisaren.replylanguage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.Language;

/**
 * The table {@code conversation_language}: one reply language per person and conversation. In the
 * database, not in memory, so it survives restarts and every replica sees the same choice.
 */
@Repository
@RequiredArgsConstructor
class LanguageMemory {

    /** A remembered choice; {@code explicit} when the person asked for the language in words. */
    record Choice(Language language, boolean explicit) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Optional<Choice> recall(ConversationKey conversation, String userId) {
        return jdbc.sql("SELECT lang, explicit FROM conversation_language "
                        + "WHERE tenant_id = :t AND conversation_id = :c AND user_id = :u")
                .param("t", conversation.tenantId()).param("c", conversation.conversationId()).param("u", userId)
                .query((rs, row) -> new Choice(Language.fromCode(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    void remember(ConversationKey conversation, String userId, Choice choice) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE conversation_language SET lang = :l, explicit = :e, updated_at = :now "
                        + "WHERE tenant_id = :t AND conversation_id = :c AND user_id = :u")
                .param("l", choice.language().code()).param("e", choice.explicit()).param("now", now)
                .param("t", conversation.tenantId()).param("c", conversation.conversationId()).param("u", userId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO conversation_language (tenant_id, conversation_id, user_id, lang, explicit, updated_at) "
                                + "VALUES (:t, :c, :u, :l, :e, :now)")
                        .param("t", conversation.tenantId()).param("c", conversation.conversationId())
                        .param("u", userId).param("l", choice.language().code()).param("e", choice.explicit())
                        .param("now", now).update();
            } catch (DuplicateKeyException raced) {
                // another replica stored this person's language at the same moment; either choice is theirs
            }
        }
    }
}
