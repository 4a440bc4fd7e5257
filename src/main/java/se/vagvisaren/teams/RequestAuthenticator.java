package se.vagvisaren.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.EmulatorValidation;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Authenticates {@code /api/messages} requests with the SDK's JWT validation, closing the SDK's gaps:
 * a malformed header throws synchronously there (we answer 401, not 500), Emulator tokens are refused
 * when a real app id is configured unless explicitly allowed, and the tenant allow-list is enforced here
 * because the SDK ignores failed claim validators.
 */
@Component
class RequestAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(RequestAuthenticator.class);

    private final TeamsProperties properties;
    private final CredentialProvider credentials;
    private final ChannelProvider channels;
    private final AuthenticationConfiguration authConfig;

    RequestAuthenticator(TeamsProperties properties, CredentialProvider credentials,
                         ChannelProvider channels, AuthenticationConfiguration authConfig) {
        this.properties = properties;
        this.credentials = credentials;
        this.channels = channels;
        this.authConfig = authConfig;
    }

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
        if (authHeader == null || authHeader.isBlank()) {
            throw new RejectedRequestException(401, "Missing Authorization header");
        }
        if (!properties.allowEmulatorTokens() && isEmulatorToken(authHeader)) {
            throw new RejectedRequestException(401, "Emulator tokens are not accepted");
        }
        try {
            ClaimsIdentity identity = JwtTokenValidation
                    .authenticateRequest(activity, authHeader, credentials, channels, authConfig)
                    .join();
            if (identity == null || !identity.isAuthenticated()) {
                throw new RejectedRequestException(401, "Invalid token");
            }
            return identity;
        } catch (RejectedRequestException e) {
            throw e;
        } catch (CompletionException | IllegalArgumentException e) {
            log.info("Rejected activity {}: {}", activity.getId(), rootMessage(e));
            throw new RejectedRequestException(401, "Invalid token");
        } catch (RuntimeException e) {
            // e.g. JWTDecodeException for a malformed header, thrown synchronously by the SDK
            log.info("Rejected activity {}: {}", activity.getId(), e.getClass().getSimpleName());
            throw new RejectedRequestException(401, "Invalid token");
        }
    }

    private static boolean isEmulatorToken(String authHeader) {
        try {
            return EmulatorValidation.isTokenFromEmulator(authHeader);
        } catch (RuntimeException e) {
            return false;
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
