package se.vagvisaren.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who holds which {@link Role} in a workspace (a team, or a group chat's conversation id). Roles come
 * from configuration (apply everywhere) or are granted in the database; the person who adds the bot to
 * a team becomes its first coordinator, because the Bot Framework roster does not say who owns a team.
 * Always check roles with the sender's id from the activity, never with ids from card data.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TeamRoles {

    private final JdbcClient jdbc;
    private final AdminProperties properties;
    private final Clock clock;

    /** Whether {@code userId} (Entra object id) holds {@code role} in the workspace or by configuration. */
    public boolean has(String workspaceId, String userId, Role role) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        if (role == Role.COORDINATOR && properties.coordinators().contains(userId)) {
            return true;
        }
        if (role == Role.COUNTY_BOARD) {
            return properties.countyBoard().contains(userId);
        }
        return jdbc.sql("SELECT COUNT(*) FROM team_role WHERE workspace_id = :w AND user_id = :u AND role = :r")
                .param("w", workspaceId).param("u", userId).param("r", role.name())
                .query(Integer.class).single() > 0;
    }

    /** Coordinators may do everything facilitators may. */
    public boolean canFacilitate(String workspaceId, String userId) {
        return has(workspaceId, userId, Role.FACILITATOR) || has(workspaceId, userId, Role.COORDINATOR);
    }

    /** Grants a role; granting one already held changes nothing. County-board roles are configuration only. */
    public void grant(String workspaceId, String userId, Role role, String grantedBy) {
        if (role == Role.COUNTY_BOARD) {
            throw new IllegalArgumentException("The county-board role is set in configuration, not granted in chat");
        }
        try {
            jdbc.sql("INSERT INTO team_role (workspace_id, user_id, role, granted_by, granted_at) VALUES (:w, :u, :r, :by, :at)")
                    .param("w", workspaceId).param("u", userId).param("r", role.name()).param("by", grantedBy)
                    .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException alreadyHeld) {
            // idempotent: Teams may deliver the same command twice
        }
    }

    /** Removes a role; returns whether it was held. */
    public boolean revoke(String workspaceId, String userId, Role role) {
        return jdbc.sql("DELETE FROM team_role WHERE workspace_id = :w AND user_id = :u AND role = :r")
                .param("w", workspaceId).param("u", userId).param("r", role.name()).update() > 0;
    }

    /** Gives the first coordinator of a workspace, unless it already has one. */
    public void grantFirstCoordinator(String workspaceId, String userId) {
        if (userId == null || userId.isBlank()) {
            return;
        }
        int existing = jdbc.sql("SELECT COUNT(*) FROM team_role WHERE workspace_id = :w AND role = 'COORDINATOR'")
                .param("w", workspaceId).query(Integer.class).single();
        if (existing == 0) {
            grant(workspaceId, userId, Role.COORDINATOR, "installation");
        }
    }

    /** Everyone with a granted role in the workspace, by role then user. */
    public List<RoleAssignment> list(String workspaceId) {
        return jdbc.sql("SELECT user_id, role FROM team_role WHERE workspace_id = :w ORDER BY role, user_id")
                .param("w", workspaceId)
                .query((rs, n) -> new RoleAssignment(rs.getString(1), Role.valueOf(rs.getString(2))))
                .list();
    }

    /** Users with a role in the workspace (granted), e.g. to notify coordinators. */
    public List<String> holders(String workspaceId, Role role) {
        return jdbc.sql("SELECT user_id FROM team_role WHERE workspace_id = :w AND role = :r ORDER BY user_id")
                .param("w", workspaceId).param("r", role.name()).query(String.class).list();
    }

    /**
     * One granted role.
     *
     * @param userId Entra object id
     * @param role   the role
     */
    public record RoleAssignment(String userId, Role role) {
    }
}
