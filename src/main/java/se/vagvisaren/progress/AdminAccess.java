package se.vagvisaren.progress;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.AdminProperties;

/**
 * Who may call the admin export: with {@code vagvisaren.admin.api-key} (env {@code VAGVISAREN_ADMIN_API_KEY})
 * set, a request carrying it in {@code X-Api-Key}; without one, only loopback callers. Kept behind one
 * method so it can be swapped for the shared admin check once that is on main.
 */
@Component
class AdminAccess {

    static final String HEADER = "X-Api-Key";

    private final AdminProperties admin;

    AdminAccess(AdminProperties admin) {
        this.admin = admin;
    }

    boolean permits(HttpServletRequest request) {
        String configured = admin.apiKey();
        if (configured.isEmpty()) {
            return isLoopback(request.getRemoteAddr());
        }
        String given = request.getHeader(HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                configured.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isLoopback(String address) {
        // only IP literals: a host name here would mean a DNS lookup and is never what the container gives
        if (address == null || !address.matches("[0-9A-Fa-f:.%\\[\\]]{2,64}")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
