package se.vagvisaren.safeguarding;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guards the privacy admin API. With an admin key configured ({@code VAGVISAREN_ADMIN_API_KEY}, or
 * {@code vagvisaren.admin.api-key}), a request must send it in {@code X-Api-Key}; without one, only
 * requests from the loopback interface are served (local operation and tests).
 */
@Component
class AdminAccess {

    static final String HEADER = "X-Api-Key";

    /** The outcome of a check; {@code actor} names the way in for the audit log. */
    enum Decision {
        API_KEY("admin-api-key"), LOOPBACK("admin-loopback"), MISSING_OR_WRONG_KEY(null), NOT_LOOPBACK(null);

        private final String actor;

        Decision(String actor) {
            this.actor = actor;
        }

        Optional<String> actor() {
            return Optional.ofNullable(actor);
        }
    }

    private final byte[] key;

    AdminAccess(@Value("${vagvisaren.admin.api-key:${VAGVISAREN_ADMIN_API_KEY:}}") String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    Decision check(HttpServletRequest request) {
        if (key != null) {
            String sent = request.getHeader(HEADER);
            // Constant-time comparison: the key must not leak through response timing.
            boolean ok = sent != null && MessageDigest.isEqual(key, sent.getBytes(StandardCharsets.UTF_8));
            return ok ? Decision.API_KEY : Decision.MISSING_OR_WRONG_KEY;
        }
        return isLoopback(request.getRemoteAddr()) ? Decision.LOOPBACK : Decision.NOT_LOOPBACK;
    }

    private static boolean isLoopback(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            // A literal address: no name lookup happens.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
