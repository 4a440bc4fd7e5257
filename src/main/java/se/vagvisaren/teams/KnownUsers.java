package se.vagvisaren.teams;

import com.microsoft.bot.schema.Activity;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maps a user's stable id (Entra object id) to the Teams user id ({@code 29:...}) needed to open a
 * 1:1 chat for personal reminders. Ids only; no names.
 */
@Repository
class KnownUsers {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Mappings this instance wrote recently; an unchanged one is not written again on every message. */
    private final RecentWrites lastWritten;

    KnownUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lastWritten = new RecentWrites(clock, ConversationReferences.UNCHANGED_WRITE_WINDOW);
    }

    void remember(Activity activity) {
        if (activity.getFrom() == null || activity.getFrom().getAadObjectId() == null) {
            return;
        }
        String tenant = TenantOf.activity(activity);
        String user = activity.getFrom().getAadObjectId();
        String channelUser = activity.getFrom().getId();
        String key = tenant + "|" + user;
        if (lastWritten.unchanged(key, channelUser)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        RowUpsert.write(jdbc,
                "UPDATE known_user SET channel_user_id = :cu, updated_at = :now WHERE tenant_id = :t AND user_id = :u",
                "INSERT INTO known_user (tenant_id, user_id, channel_user_id, updated_at) VALUES (:t, :u, :cu, :now)",
                s -> s.param("t", tenant).param("u", user).param("cu", channelUser).param("now", now));
        lastWritten.wrote(key, channelUser);
    }

    Optional<String> channelUserId(String tenantId, String userId) {
        return jdbc.sql("SELECT channel_user_id FROM known_user WHERE tenant_id = :t AND user_id = :u")
                .param("t", tenantId).param("u", userId).query(String.class).optional();
    }

    /** The stable id of a Teams user id ({@code 29:...}) seen before, if any. */
    Optional<String> userIdOf(String tenantId, String channelUserId) {
        return jdbc.sql("SELECT user_id FROM known_user WHERE tenant_id = :t AND channel_user_id = :cu")
                .param("t", tenantId).param("cu", channelUserId).query(String.class).optional();
    }

    /**
     * Forgets which mappings this instance wrote, after retention or erasure deleted rows
     * ({@link TeamsPersonalData}), so the next message writes its mapping again.
     */
    void forgetRecentWrites() {
        lastWritten.forgetAll();
    }
}
