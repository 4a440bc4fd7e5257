package se.vagvisaren.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.UserWorkspaces;

/**
 * "Fråga en samordnare" when no coordinators' channel is configured (issue 20: no dead end): the question
 * goes in a 1:1 chat to the coordinators of the asker's team (in a channel) or teams (in a 1:1 chat). The
 * person who added the bot to a team is its first coordinator, so a fresh install still reaches someone.
 */
@Component
@RequiredArgsConstructor
class CoordinatorsDirectly {

    /** A question should reach a few people, not a whole county's worth of coordinators. */
    static final int MAX_RECIPIENTS = 10;

    /**
     * Who got the question.
     *
     * @param delivered how many coordinators received it
     * @param teamNames the names of their teams as Teams sent them (may be empty when unknown)
     */
    record Delivery(int delivered, List<String> teamNames) {
    }

    private final TeamRoles roles;
    private final UserWorkspaces workspaces;

    Delivery send(IncomingMessage asker, Reply post, OutboundMessages outbound) {
        String tenant = asker.conversation().tenantId();
        Map<String, String> names = new LinkedHashMap<>();
        for (UserWorkspaces.Workspace w : workspaces.of(tenant, asker.sender().id())) {
            names.put(w.workspaceId(), w.name());
        }
        List<String> teams = asker.scope().isShared() ? List.of(asker.workspaceId()) : List.copyOf(names.keySet());
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> reachedTeams = new LinkedHashSet<>();
        for (String team : teams) {
            for (String coordinator : roles.holders(team, Role.COORDINATOR)) {
                if (!coordinator.equals(asker.sender().id()) && recipients.size() < MAX_RECIPIENTS && recipients.add(coordinator)) {
                    if (names.get(team) != null) {
                        reachedTeams.add(names.get(team));
                    }
                }
            }
        }
        int delivered = 0;
        for (String coordinator : recipients) {
            if (outbound.sendToUser(tenant, coordinator, post).delivered()) {
                delivered++;
            }
        }
        return new Delivery(delivered, List.copyOf(reachedTeams));
    }
}
