package se.vagvisaren.teams;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One welcome per install. Teams announces an install twice ({@code installationUpdate} and a
 * {@code conversationUpdate} with the bot among the added members), possibly to two replicas at once;
 * the primary key of {@code conversation_welcome} lets exactly one of them welcome.
 */
@Repository
@RequiredArgsConstructor
class WelcomeLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Claims the welcome for {@code conversationId}: {@code true} only for the first claim since install. */
    boolean claim(String conversationId) {
        try {
            jdbc.sql("INSERT INTO conversation_welcome (conversation_id, welcomed_at) VALUES (:c, :now)")
                    .param("c", conversationId)
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException alreadyWelcomed) {
            return false;
        }
    }

    /** After an uninstall, so a later install is welcomed again. */
    void release(String conversationId) {
        jdbc.sql("DELETE FROM conversation_welcome WHERE conversation_id = :c").param("c", conversationId).update();
    }
}
