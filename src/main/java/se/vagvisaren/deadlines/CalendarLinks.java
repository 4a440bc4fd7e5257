package se.vagvisaren.deadlines;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signed links to a team's calendar feed. The token is an HMAC-SHA256 of the workspace id with the secret
 * from the environment variable {@code VAGVISAREN_LINK_SECRET}, so a link cannot be guessed or moved to
 * another team. In local mode (no bot app id) a random secret is generated at start-up (links then last
 * until a restart); outside local mode without a secret, calendar links are switched off.
 */
@Component
class CalendarLinks {

    static final String SECRET_VARIABLE = "VAGVISAREN_LINK_SECRET";
    private static final Logger log = LoggerFactory.getLogger(CalendarLinks.class);

    private final byte[] secret;
    private final Environment environment;
    private final DeadlineProperties properties;

    CalendarLinks(Environment environment, DeadlineProperties properties) {
        this.environment = environment;
        this.properties = properties;
        String configured = environment.getProperty(SECRET_VARIABLE, "");
        boolean localMode = environment.getProperty("vagvisaren.teams.app-id", "").isBlank();
        if (!configured.isBlank()) {
            secret = configured.getBytes(StandardCharsets.UTF_8);
        } else if (localMode) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("Calendar links use a generated secret (local mode); set {} to keep them across restarts", SECRET_VARIABLE);
        } else {
            secret = null;
            log.warn("Calendar links are off: set {} to switch them on", SECRET_VARIABLE);
        }
    }

    boolean enabled() {
        return secret != null;
    }

    /** The feed address for a workspace, or empty when links are off. */
    Optional<String> url(String workspaceId) {
        if (!enabled()) {
            return Optional.empty();
        }
        String base = properties.publicBaseUrl().isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"))
                : properties.publicBaseUrl();
        return Optional.of(base + "/api/deadlines/" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/calendar.ics?token=" + token(workspaceId));
    }

    /** Whether {@code token} was issued for {@code workspaceId}; constant-time. */
    boolean verify(String workspaceId, String token) {
        if (!enabled() || workspaceId == null || token == null || token.length() > 128) {
            return false;
        }
        return MessageDigest.isEqual(token(workspaceId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    String token(String workspaceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("calendar:" + workspaceId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
