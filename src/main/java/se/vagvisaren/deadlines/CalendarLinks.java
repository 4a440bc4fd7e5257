package se.vagvisaren.deadlines;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.Secret;
import se.vagvisaren.system.SecretKeys;
import se.vagvisaren.system.Signer;

/**
 * Signed links to a team's calendar feed. The token is an HMAC-SHA256 of the workspace id under
 * {@link Secret#LINK}, so a link cannot be guessed or moved to another team. {@link SecretKeys} decides where
 * the secret comes from; either way a calendar subscription keeps working after a restart and on every instance.
 */
@Component
class CalendarLinks {

    private static final int MAX_TOKEN_LENGTH = 128;

    private final Signer signer;
    private final Environment environment;
    private final DeadlineProperties properties;

    CalendarLinks(Environment environment, DeadlineProperties properties, SecretKeys secrets) {
        this.environment = environment;
        this.properties = properties;
        this.signer = secrets.signer(Secret.LINK);
    }

    /** The feed address for a workspace. */
    String url(String workspaceId) {
        String base = properties.publicBaseUrl().isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"))
                : properties.publicBaseUrl();
        return base + "/api/deadlines/" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/calendar.ics?token=" + token(workspaceId);
    }

    /** Whether {@code token} was issued for {@code workspaceId}; constant-time. */
    boolean verify(String workspaceId, String token) {
        if (workspaceId == null || token == null || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        try {
            return signer.verify(message(workspaceId), Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    String token(String workspaceId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign(message(workspaceId)));
    }

    private static String message(String workspaceId) {
        return "calendar:" + workspaceId;
    }
}
