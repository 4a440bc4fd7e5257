package se.vagvisaren.teams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.safeguarding.PersonalDataStore;

/** The teams a person wrote to the bot in ({@link WorkspaceMembers}), for retention, erasure and export. */
@Component
class WorkspaceMembersPersonalData implements PersonalDataStore {

    private final WorkspaceMembers members;

    WorkspaceMembersPersonalData(WorkspaceMembers members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "team-memberships";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return members.forgetUnseenSince(cutoff);
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        return members.forget(tenantId, userId);
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        return members.export(tenantId, userId);
    }
}
