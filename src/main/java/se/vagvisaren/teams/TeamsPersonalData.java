package se.vagvisaren.teams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.safeguarding.PersonalDataStore;

/**
 * The user ids the Teams edge keeps (Entra id ↔ Teams user id, used to open 1:1 chats) in the GDPR
 * registry. Conversation references hold no content and stay, so the bot can still answer the user.
 */
@Component
class TeamsPersonalData implements PersonalDataStore {

    private final KnownUsers knownUsers;

    TeamsPersonalData(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @Override
    public String name() {
        return "teams-user-ids";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return knownUsers.forgetUnseenSince(cutoff);
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        return knownUsers.forget(tenantId, userId);
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        return knownUsers.channelUserId(tenantId, userId)
                .map(id -> List.<Map<String, Object>>of(Map.of("teamsUserId", id)))
                .orElse(List.of());
    }
}
