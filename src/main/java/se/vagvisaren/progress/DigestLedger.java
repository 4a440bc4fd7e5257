package se.vagvisaren.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each workspace's weekly digest goes, and which digests were already posted. A digest is
 * claimed before it is sent, so a re-run of the weekly task never posts the same week twice; a failed
 * send releases the claim.
 */
@Repository
@RequiredArgsConstructor
class DigestLedger {

    private final JdbcClient jdbc;

    /** Remembers the conversation a workspace last used for progress (only shared conversations get digests). */
    void remember(String workspaceId, String tenantId, String teamId, String conversationId, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE progress_channel SET tenant_id = :tenant, team_id = :team, "
                        + "last_conversation_id = :conv, updated_at = :at WHERE workspace_id = :ws")
                .param("tenant", tenantId).param("team", teamId).param("conv", conversationId).param("at", at)
                .param("ws", workspaceId).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO progress_channel (workspace_id, tenant_id, team_id, last_conversation_id, updated_at) "
                                + "VALUES (:ws, :tenant, :team, :conv, :at)")
                        .param("ws", workspaceId).param("tenant", tenantId).param("team", teamId)
                        .param("conv", conversationId).param("at", at).update();
            } catch (DuplicateKeyException raced) {
                // another delivery of the same workspace stored it first; its target is as good as ours
            }
        }
    }

    List<DigestTarget> targets() {
        return jdbc.sql("SELECT workspace_id, tenant_id, team_id, last_conversation_id FROM progress_channel "
                        + "ORDER BY workspace_id")
                .query((rs, n) -> new DigestTarget(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Claims the digest of {@code periodKey} for a workspace; false when it was already claimed. */
    boolean claim(String workspaceId, String periodKey, Instant now) {
        try {
            jdbc.sql("INSERT INTO progress_digest_sent (workspace_id, period_key, sent_at) VALUES (:ws, :key, :at)")
                    .param("ws", workspaceId).param("key", periodKey).param("at", now.atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException alreadySent) {
            return false;
        }
    }

    void release(String workspaceId, String periodKey) {
        jdbc.sql("DELETE FROM progress_digest_sent WHERE workspace_id = :ws AND period_key = :key")
                .param("ws", workspaceId).param("key", periodKey).update();
    }

    /**
     * Where a workspace's digest may go.
     *
     * @param teamId             the team id (its General channel) when the workspace is a team, else {@code null}
     * @param lastConversationId the conversation progress was last reported or read in
     */
    record DigestTarget(String workspaceId, String tenantId, String teamId, String lastConversationId) {
    }
}
