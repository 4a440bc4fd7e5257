package se.vagvisaren.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.UserWorkspaces;

/**
 * Table {@code workspace_member}: the teams each person has written to the bot in, with the channel they
 * used last and the team's name when Teams sent it. Backs {@link UserWorkspaces}. Ids and names only.
 */
@Repository
class WorkspaceMembers implements UserWorkspaces {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Rows this instance wrote recently; an unchanged one is not written again on every message. */
    private final RecentWrites lastWritten;

    WorkspaceMembers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lastWritten = new RecentWrites(clock, ConversationReferences.UNCHANGED_WRITE_WINDOW);
    }

    /** Remembers the sender of a message or card press in a team channel; other activities are ignored. */
    void remember(Activity activity) {
        String teamId = activity.teamsGetTeamId();
        if (teamId == null || activity.getFrom() == null || activity.getFrom().getAadObjectId() == null
                || activity.getConversation() == null) {
            return;
        }
        TeamInfo team = activity.teamsGetTeamInfo();
        String name = team == null ? null : team.getName();
        String tenant = TenantOf.activity(activity);
        String user = activity.getFrom().getAadObjectId();
        String conversation = activity.getConversation().getId();
        String channel = activity.teamsGetChannelId();
        String key = tenant + "|" + user + "|" + teamId;
        String value = conversation + "|" + name;
        if (lastWritten.unchanged(key, value)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        RowUpsert.write(jdbc, "UPDATE workspace_member SET channel_id = :ch, conversation_id = :c, "
                        + "team_name = COALESCE(:name, team_name), seen_at = :now "
                        + "WHERE tenant_id = :t AND user_id = :u AND workspace_id = :w",
                "INSERT INTO workspace_member (tenant_id, user_id, workspace_id, channel_id, conversation_id, "
                        + "team_name, seen_at) VALUES (:t, :u, :w, :ch, :c, :name, :now)",
                s -> s.param("t", tenant).param("u", user).param("w", teamId).param("ch", channel)
                        .param("c", conversation).param("name", name).param("now", now));
        lastWritten.wrote(key, value);
    }

    @Override
    public List<Workspace> of(String tenantId, String userId) {
        return jdbc.sql("SELECT m.workspace_id, m.channel_id, m.conversation_id, m.team_name FROM workspace_member m "
                        + "WHERE m.tenant_id = :t AND m.user_id = :u AND NOT EXISTS (SELECT 1 FROM conversation_reference r "
                        + "WHERE r.team_id = m.workspace_id AND r.status = 'REMOVED' "
                        + "AND r.conversation_id = m.conversation_id) ORDER BY m.seen_at DESC")
                .param("t", tenantId).param("u", userId)
                .query((rs, row) -> new Workspace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Forgets which rows this instance wrote, after retention or erasure deleted rows
     * ({@link TeamsPersonalData}), so the next message writes its row again.
     */
    void forgetRecentWrites() {
        lastWritten.forgetAll();
    }

    /** One person's teams for a GDPR export: the team's name, or its id when Teams never sent the name. */
    List<Map<String, Object>> export(String tenantId, String userId) {
        return of(tenantId, userId).stream().map(w -> Map.<String, Object>of("team",
                w.name() == null ? w.workspaceId() : w.name())).toList();
    }
}
