package se.vagvisaren.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.EmulatorValidation;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletionException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Authenticates {@code /api/messages} requests with the SDK's JWT validation and closes its gaps
 * (checked against the 4.14.3 source, see docs/security.md):
 * <ul>
 * <li>a malformed header throws synchronously in the SDK: we answer 401, never 500;</li>
 * <li>Emulator tokens are refused when an app id is configured, unless explicitly allowed;</li>
 * <li>skill tokens (another bot calling us) are refused: the SDK accepts them when its claims
 *     validator fails, because it ignores the validator's failed future, and this bot is no skill;</li>
 * <li>a token without {@code exp} is refused (the SDK only checks {@code exp} when present);</li>
 * <li>the {@code serviceurl} claim must match the activity even when the activity names none
 *     (the SDK skips the comparison then), and the activity must name a channel so that the key's
 *     endorsements are always checked;</li>
 * <li>the tenant allow-list is enforced here, answering 403.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
class RequestAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(RequestAuthenticator.class);
    private static final String UNAUTHORIZED = "Unauthorized";

    static {
        // The SDK fetches the OpenID metadata and the signing keys with plain URLConnections inside a
        // process-wide lock and sets no timeouts: a hanging endpoint would block every authentication
        // forever. These JVM defaults apply to exactly those connections; an explicit setting wins.
        setIfAbsent("sun.net.client.defaultConnectTimeout", "5000");
        setIfAbsent("sun.net.client.defaultReadTimeout", "5000");
    }

    private final TeamsProperties properties;
    private final CredentialProvider credentials;
    private final ChannelProvider channels;
    private final AuthenticationConfiguration authConfig;

    /**
     * @return the caller's identity
     * @throws RejectedRequestException with 401 for missing or invalid credentials, 403 for a tenant not allowed
     */
    ClaimsIdentity authenticate(Activity activity, String authHeader) {
        ClaimsIdentity identity = verifyToken(activity, authHeader);
        String tenant = TenantOf.activity(activity);
        if (!properties.tenantAllowed(tenant)) {
            log.warn("Rejected activity {} from tenant {} (not allowed)", activity.getId(), tenant);
            throw new RejectedRequestException(403, "Tenant not allowed");
        }
        return identity;
    }

    private ClaimsIdentity verifyToken(Activity activity, String authHeader) {
        if (properties.localMode()) {
            // Local tools (Agents Playground, Emulator) may send tokens we cannot verify; ignore them.
            return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
        }
        DecodedJWT token = bearerToken(activity, authHeader);
        boolean emulator = isEmulatorToken(authHeader);
        if (emulator && !properties.allowEmulatorTokens()) {
            throw reject(activity, "Emulator tokens are not accepted");
        }
        if (!emulator && !AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(token.getIssuer())) {
            throw reject(activity, "Wrong issuer");
        }
        if (isSkillToken(authHeader)) {
            throw reject(activity, "Skill tokens are not accepted");
        }
        if (isBlank(activity.getChannelId())) {
            throw reject(activity, "Activity names no channel");
        }
        if (token.getExpiresAt() == null) {
            throw reject(activity, "Token has no expiry");
        }
        ClaimsIdentity identity = sdkValidation(activity, authHeader);
        if (!emulator) {
            requireChannelClaims(activity, identity);
        }
        return identity;
    }

    private ClaimsIdentity sdkValidation(Activity activity, String authHeader) {
        try {
            ClaimsIdentity identity = JwtTokenValidation
                    .authenticateRequest(activity, authHeader, credentials, channels, authConfig)
                    .join();
            if (identity == null || !identity.isAuthenticated()) {
                throw reject(activity, "Invalid token");
            }
            return identity;
        } catch (RejectedRequestException e) {
            throw e;
        } catch (CompletionException | IllegalArgumentException e) {
            throw reject(activity, rootMessage(e));
        } catch (RuntimeException e) {
            // e.g. JWTDecodeException thrown synchronously by the SDK
            throw reject(activity, e.getClass().getSimpleName());
        }
    }

    /** Checks the SDK makes only sometimes; the SDK has already verified signature, lifetime and audience. */
    private void requireChannelClaims(Activity activity, ClaimsIdentity identity) {
        if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(identity.getIssuer())) {
            throw reject(activity, "Wrong issuer");
        }
        String serviceUrl = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
        if (isBlank(serviceUrl) || !serviceUrl.equalsIgnoreCase(activity.getServiceUrl())) {
            throw reject(activity, "serviceurl claim does not match the activity");
        }
    }

    /** The JWT of a {@code Bearer} header, or a 401 for anything else. */
    private static DecodedJWT bearerToken(Activity activity, String authHeader) {
        if (authHeader == null || authHeader.isBlank()) {
            throw reject(activity, "Missing Authorization header");
        }
        String[] parts = authHeader.split(" ");
        if (parts.length != 2 || !"bearer".equalsIgnoreCase(parts[0]) || parts[1].isEmpty()) {
            throw reject(activity, "Authorization is not a Bearer token");
        }
        try {
            return JWT.decode(parts[1]);
        } catch (JWTDecodeException e) {
            throw reject(activity, "Bearer token is not a JWT");
        }
    }

    /** Logs the reason with the activity id; the caller only learns that it is not authorised. */
    private static RejectedRequestException reject(Activity activity, String reason) {
        log.info("Rejected activity {}: {}", activity.getId(), reason);
        return new RejectedRequestException(401, UNAUTHORIZED);
    }

    private static boolean isEmulatorToken(String authHeader) {
        try {
            return EmulatorValidation.isTokenFromEmulator(authHeader);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isSkillToken(String authHeader) {
        try {
            return SkillValidation.isSkillToken(authHeader);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The request is refused before reaching the bot. */
    static final class RejectedRequestException extends RuntimeException {
        final int status;

        RejectedRequestException(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
