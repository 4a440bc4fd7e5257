package se.vagvisaren.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceSettings;

/**
 * Display names of workspaces for the county-board overview: the workspace setting {@code progress.name}
 * when a coordinator set one, else {@code vagvisaren.progress.municipalities[<team id>]}, else
 * {@code null} (the caller shows a neutral label with {@link #shortId}). Team ids are opaque and never shown.
 */
@Component
class MunicipalityNames {

    static final String SETTING = "progress.name";

    private final WorkspaceSettings settings;
    private final ProgressProperties properties;

    MunicipalityNames(WorkspaceSettings settings, ProgressProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    /** The configured name, or {@code null} when the workspace has none. */
    String nameOf(String workspaceId) {
        return settings.get(workspaceId, SETTING).filter(s -> !s.isBlank())
                .orElseGet(() -> properties.municipalities().get(workspaceId));
    }

    /** Six hex digits identifying a workspace without showing its id. */
    static String shortId(String workspaceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(workspaceId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
