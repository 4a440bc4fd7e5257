package se.vagvisaren.deadlines;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.GeneratedSecrets;

/**
 * Signed links to a team's calendar feed. The token is an HMAC-SHA256 of the workspace id with the secret
 * from the environment variable {@code VAGVISAREN_LINK_SECRET}, so a link cannot be guessed or moved to
 * another team. In local mode (no bot app id) without that variable, a secret is generated once and kept
 * in the database ({@link GeneratedSecrets}), so a calendar subscription keeps working after a restart;
 * outside local mode without a secret, calendar links are switched off.
 */
@Component
class CalendarLinks {

    static final String SECRET_VARIABLE = "VAGVISAREN_LINK_SECRET";
    private static final Logger log = LoggerFactory.getLogger(CalendarLinks.class);

    /** The key, read on first use: CLI commands create this bean without a migrated database. */
    private final Supplier<byte[]> secret;
    private final Environment environment;
    private final DeadlineProperties properties;

    CalendarLinks(Environment environment, DeadlineProperties properties, GeneratedSecrets generated) {
        this.environment = environment;
        this.properties = properties;
        String configured = environment.getProperty(SECRET_VARIABLE, "");
        boolean localMode = environment.getProperty("vagvisaren.teams.app-id", "").isBlank();
        if (!configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            secret = () -> bytes;
        } else if (localMode) {
            secret = memoized(() -> generated.getOrCreate(GeneratedSecrets.LINKS));
            log.info("Calendar links use a secret generated once and kept in the database (local mode)");
        } else {
            secret = null;
            log.warn("Calendar links are off: set {} to switch them on", SECRET_VARIABLE);
        }
    }

    private static Supplier<byte[]> memoized(Supplier<byte[]> source) {
        return new Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
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
            mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("calendar:" + workspaceId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
