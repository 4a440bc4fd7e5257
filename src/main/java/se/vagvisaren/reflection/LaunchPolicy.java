package se.vagvisaren.reflection;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.conversation.IncomingMessage;

/**
 * Who may do what with exercises in a workspace. By default anyone in the team may launch; a coordinator
 * can restrict launching to facilitators (workspace setting {@value #SETTING}). Closing is for the person
 * who launched, facilitators and coordinators. Named (non-anonymous) answers are a facilitator's choice.
 * Always decided from the sender of the activity and the database, never from card data.
 */
@Component
@RequiredArgsConstructor
class LaunchPolicy {

    static final String SETTING = "reflection.launch";
    static final String EVERYONE = "everyone";
    static final String FACILITATORS = "facilitators";

    private final TeamRoles roles;
    private final WorkspaceSettings settings;

    /** Personal chats are always allowed: the exercise is the sender's own. */
    boolean mayLaunch(IncomingMessage message) {
        if (!message.scope().isShared()) {
            return true;
        }
        return !facilitatorsOnly(message.workspaceId()) || isFacilitator(message);
    }

    boolean mayChooseNamed(IncomingMessage message) {
        return isFacilitator(message);
    }

    /** The launcher, or a facilitator or coordinator of the session's workspace. */
    boolean mayClose(ReflectionSession session, IncomingMessage message) {
        String userId = message.sender().id();
        if (userId != null && userId.equals(session.launchedBy())) {
            return true;
        }
        return roles.canFacilitate(session.workspaceId(), userId);
    }

    boolean mayChangeSettings(IncomingMessage message) {
        return roles.has(message.workspaceId(), message.sender().id(), Role.COORDINATOR);
    }

    boolean facilitatorsOnly(String workspaceId) {
        return FACILITATORS.equals(settings.getOrDefault(workspaceId, SETTING, EVERYONE));
    }

    void setFacilitatorsOnly(String workspaceId, boolean facilitatorsOnly) {
        settings.set(workspaceId, SETTING, facilitatorsOnly ? FACILITATORS : EVERYONE);
    }

    private boolean isFacilitator(IncomingMessage message) {
        return roles.canFacilitate(message.workspaceId(), message.sender().id());
    }
}
