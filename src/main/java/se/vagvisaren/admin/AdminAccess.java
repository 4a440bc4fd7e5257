package se.vagvisaren.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Guards admin HTTP APIs. With an API key configured (environment {@code VAGVISAREN_ADMIN_API_KEY}, or
 * property {@code vagvisaren.admin.api-key}) a request must send it in {@code X-Api-Key}; without one,
 * only loopback callers are allowed, so a fresh install never exposes admin data on the network.
 * Behind a reverse proxy every caller looks local: configure a key there.
 */
@Component
public class AdminAccess {

    public static final String HEADER = "X-Api-Key";

    private final byte[] apiKey;

    @org.springframework.beans.factory.annotation.Autowired
    AdminAccess(AdminProperties properties) {
        this(properties.apiKey());
    }

    /** For tests and tools outside Spring. */
    public AdminAccess(String apiKey) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request may use admin APIs. */
    public boolean allows(HttpServletRequest request) {
        if (apiKey != null) {
            String sent = request.getHeader(HEADER);
            // Constant-time comparison: the time taken must not reveal how much of the key was right.
            return sent != null && MessageDigest.isEqual(apiKey, sent.strip().getBytes(StandardCharsets.UTF_8));
        }
        return isLoopback(request.getRemoteAddr());
    }

    /**
     * Throws unless {@link #allows}: 401 when a key is configured and missing or wrong, 403 for a
     * non-loopback caller when no key is configured.
     */
    public void check(HttpServletRequest request) {
        if (!allows(request)) {
            throw apiKey != null
                    ? new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A valid " + HEADER + " header is required")
                    : new ResponseStatusException(HttpStatus.FORBIDDEN, "Admin APIs answer only on loopback when no API key is configured");
        }
    }

    public boolean keyConfigured() {
        return apiKey != null;
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // Only literal addresses reach here (remote address of the socket), so no DNS lookup happens.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
