package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamInfo;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceSettings;

/**
 * Keeps the name Teams gives a team (channel data {@code team.name}, sent on installs, renames and
 * usually on channel messages) as the workspace setting {@value #SETTING}, so the county-board overview
 * can show "Sorsele" instead of an anonymous label. A team name is the team's own label, not personal data.
 */
@Component
@RequiredArgsConstructor
class TeamNames {

    /** Workspace setting holding the team's name as Teams last sent it. */
    static final String SETTING = "teams.name";
    /** Longer names are cut: the setting column is short and a heading needs no more. */
    static final int MAX_LENGTH = 120;

    private final WorkspaceSettings settings;
    /** Names this instance already stored, so a busy channel does not read the setting on every message. */
    private final Cache<String, String> stored = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Stores the team's name when the activity carries one that differs from the stored one. */
    void remember(Activity activity) {
        TeamInfo team = activity.teamsGetTeamInfo();
        if (team == null || team.getId() == null || team.getName() == null || team.getName().isBlank()) {
            return;
        }
        String name = team.getName().strip();
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        if (name.equals(stored.getIfPresent(team.getId()))) {
            return;
        }
        if (!settings.get(team.getId(), SETTING).map(name::equals).orElse(false)) {
            settings.set(team.getId(), SETTING, name);
        }
        stored.put(team.getId(), name);
    }
}
