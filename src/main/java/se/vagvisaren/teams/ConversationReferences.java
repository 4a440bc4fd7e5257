package se.vagvisaren.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.Scope;

/**
 * Stored conversation references: where the bot may send proactive messages. Kept current on every
 * message, install and team event; marked {@code REMOVED} when the bot is uninstalled or a send
 * answers 403/404, so nudges stop going there.
 */
@Repository
class ConversationReferences {

    static final String ACTIVE = "ACTIVE";
    static final String REMOVED = "REMOVED";

    /**
     * How long this instance trusts its own last write of a conversation's reference. Every message used to
     * rewrite the row; within this window an unchanged reference is not written again (the upsert was the
     * largest cost per message under load, see docs/performance.md).
     */
    static final Duration UNCHANGED_WRITE_WINDOW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecentWrites lastWritten;

    ConversationReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lastWritten = new RecentWrites(clock, UNCHANGED_WRITE_WINDOW);
    }

    /**
     * Saves or refreshes the reference of the activity's conversation and marks it active. A message or card
     * action whose reference this instance wrote unchanged within {@link #UNCHANGED_WRITE_WINDOW} is skipped;
     * installs and team events always write, so a reinstall reactivates a conversation at once.
     */
    void remember(Activity activity) {
        Scope scope = ActivityTranslator.scopeOf(activity);
        String userId = scope == Scope.PERSONAL && activity.getFrom() != null
                ? stableUserId(activity) : null;
        String conversationId = activity.getConversation().getId();
        String fingerprint = fingerprint(activity, scope, userId);
        boolean userTurn = ActivityTypes.MESSAGE.equals(activity.getType()) || ActivityTypes.INVOKE.equals(activity.getType());
        if (userTurn && lastWritten.unchanged(conversationId, fingerprint)) {
            return;
        }
        write(activity, scope, userId);
        lastWritten.wrote(conversationId, fingerprint);
    }

    private void write(Activity activity, Scope scope, String userId) {
        ConversationReference reference = activity.getConversationReference();
        String json = toJson(reference);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        RowUpsert.write(jdbc, """
                UPDATE conversation_reference SET tenant_id = :tenant, scope = :scope, team_id = :team,
                  channel_id = :channel, user_id = COALESCE(:user, user_id), service_url = :url,
                  reference_json = :json, status = 'ACTIVE', updated_at = :now
                WHERE conversation_id = :id""", """
                INSERT INTO conversation_reference (conversation_id, tenant_id, scope, team_id, channel_id,
                  user_id, service_url, reference_json, status, updated_at)
                VALUES (:id, :tenant, :scope, :team, :channel, :user, :url, :json, 'ACTIVE', :now)""",
                s -> s.param("id", activity.getConversation().getId()).param("tenant", TenantOf.activity(activity))
                        .param("scope", scope.name()).param("team", activity.teamsGetTeamId())
                        .param("channel", activity.teamsGetChannelId()).param("user", userId)
                        .param("url", activity.getServiceUrl()).param("json", json).param("now", now));
    }

    /** Marks one conversation as no longer reachable. */
    void markRemoved(String conversationId) {
        lastWritten.forget(conversationId);
        jdbc.sql("UPDATE conversation_reference SET status = 'REMOVED', updated_at = :now WHERE conversation_id = :id")
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("id", conversationId).update();
    }

    /** Marks every conversation of a team (all its channels) as no longer reachable. */
    void markTeamRemoved(String teamId) {
        lastWritten.forgetAll();
        jdbc.sql("UPDATE conversation_reference SET status = 'REMOVED', updated_at = :now WHERE team_id = :team")
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("team", teamId).update();
    }

    Optional<StoredReference> find(String conversationId) {
        return jdbc.sql("SELECT conversation_id, tenant_id, scope, team_id, status, reference_json "
                        + "FROM conversation_reference WHERE conversation_id = :id")
                .param("id", conversationId)
                .query((rs, n) -> new StoredReference(rs.getString(1), rs.getString(2), Scope.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), fromJson(rs.getString(6))))
                .optional();
    }

    /** The user's 1:1 conversation with the bot, when one is known and active. */
    Optional<StoredReference> findPersonal(String tenantId, String userId) {
        List<String> ids = jdbc.sql("SELECT conversation_id FROM conversation_reference WHERE tenant_id = :tenant "
                        + "AND user_id = :user AND scope = 'PERSONAL' AND status = 'ACTIVE' ORDER BY updated_at DESC")
                .param("tenant", tenantId).param("user", userId)
                .query(String.class).list();
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    /** Any active conversation in the tenant that belongs to a team, to create 1:1 chats from. */
    Optional<StoredReference> anyTeamConversation(String tenantId) {
        List<String> ids = jdbc.sql("SELECT conversation_id FROM conversation_reference WHERE tenant_id = :tenant "
                        + "AND team_id IS NOT NULL AND status = 'ACTIVE' ORDER BY updated_at DESC")
                .param("tenant", tenantId).query(String.class).list();
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    /** Everything stored for a conversation except the triggering activity's id, which proactive sends ignore. */
    private static String fingerprint(Activity activity, Scope scope, String userId) {
        return String.join("|", TenantOf.activity(activity), scope.name(), activity.teamsGetTeamId(),
                activity.teamsGetChannelId(), userId, activity.getServiceUrl(), activity.getChannelId(),
                activity.getLocale(), account(activity.getFrom()), account(activity.getRecipient()),
                activity.getConversation().getConversationType(), activity.getConversation().getName());
    }

    private static String account(ChannelAccount account) {
        return account == null ? null : account.getId() + "/" + account.getAadObjectId() + "/" + account.getName();
    }

    private static String stableUserId(Activity activity) {
        String aad = activity.getFrom().getAadObjectId();
        return aad != null && !aad.isBlank() ? aad : activity.getFrom().getId();
    }

    private static String toJson(ConversationReference reference) {
        try {
            return ActivityReader.MAPPER.writeValueAsString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise conversation reference", e);
        }
    }

    private static ConversationReference fromJson(String json) {
        try {
            return ActivityReader.MAPPER.readValue(json, ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored conversation reference is not readable", e);
        }
    }

    /** A stored reference with its bookkeeping. */
    record StoredReference(String conversationId, String tenantId, Scope scope, String teamId, String status,
                           ConversationReference reference) {
        boolean active() {
            return ACTIVE.equals(status);
        }
    }
}
