package se.vagvisaren.teams;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.safeguarding.JdbcPersonalDataStore;
import se.vagvisaren.safeguarding.PersonalDataStore;

/**
 * The ids the Teams edge keeps, in the GDPR registry: the user id map of {@link KnownUsers} (Entra id ↔
 * Teams user id, used to open 1:1 chats) and the teams a person wrote in ({@link WorkspaceMembers}).
 * Retention counts from when the person was last seen. Conversation references hold no content and
 * stay, so the bot can still answer the user.
 */
@Configuration(proxyBeanMethods = false)
class TeamsPersonalData {

    @Bean
    PersonalDataStore knownUserStore(JdbcTemplate jdbc, KnownUsers knownUsers) {
        return JdbcPersonalDataStore.builder("teams-user-ids", jdbc)
                .table("known_user")
                .createdAt("updated_at")
                .owner("tenant_id", "user_id")
                .exportColumn("channel_user_id", "teamsUserId")
                .afterDelete(knownUsers::forgetRecentWrites)
                .build();
    }

    /** Exported as the team names {@link WorkspaceMembers#export} shows, not as raw rows. */
    @Bean
    PersonalDataStore workspaceMemberStore(JdbcTemplate jdbc, WorkspaceMembers members) {
        return JdbcPersonalDataStore.builder("team-memberships", jdbc)
                .table("workspace_member")
                .createdAt("seen_at")
                .owner("tenant_id", "user_id")
                .exportedBy(members::export)
                .afterDelete(members::forgetRecentWrites)
                .build();
    }
}
