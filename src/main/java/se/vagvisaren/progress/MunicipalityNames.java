package se.vagvisaren.progress;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceSettings;

/**
 * Display names of workspaces for the county-board overview: the workspace setting {@code progress.name}
 * when a coordinator set one, else {@code vagvisaren.progress.municipalities[<team id>]}, else the team's
 * name as Teams sent it (setting {@code teams.name}, kept by the {@code teams} package), else {@code null}
 * (the caller shows a neutral label with the date of the first update). Team ids are opaque and never shown.
 */
@Component
@RequiredArgsConstructor
class MunicipalityNames {

    static final String SETTING = "progress.name";
    /** Written by {@code teams.TeamNames} from the channel data Teams sends. */
    static final String TEAMS_NAME = "teams.name";

    private final WorkspaceSettings settings;
    private final ProgressProperties properties;

    /** The configured name, or {@code null} when the workspace has none. */
    String nameOf(String workspaceId) {
        return settings.get(workspaceId, SETTING).filter(s -> !s.isBlank())
                .or(() -> java.util.Optional.ofNullable(properties.municipalities().get(workspaceId)))
                .or(() -> settings.get(workspaceId, TEAMS_NAME).filter(s -> !s.isBlank()))
                .orElse(null);
    }
}
