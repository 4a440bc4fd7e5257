package se.vagvisaren.reflection;

import se.vagvisaren.system.InvalidSettingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes that stand in for user ids. A respondent key is HMAC-SHA256(secret, session salt, tenant,
 * user): it lets a second answer replace the first without storing who answered, and differs per session
 * so answers cannot be linked across sessions. Closing an anonymous session erases its salt, after which
 * not even the server can tell whose answer a row is. An owner key (no salt) names the owner of personal
 * sessions so "radera mina svar" can find them.
 *
 * <p>The secret comes from {@code VAGVISAREN_HASH_SECRET} (or {@code vagvisaren.reflection.hash-secret}).
 * In local mode (no Teams app id) a random one is generated at start; keys then change on restart.
 */
@Component
class RespondentKeys {

    private static final Logger log = LoggerFactory.getLogger(RespondentKeys.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    RespondentKeys(ReflectionProperties properties, Environment environment) {
        String secret = environment.getProperty("VAGVISAREN_HASH_SECRET", "");
        if (secret.isBlank() && properties.hashSecret() != null) {
            secret = properties.hashSecret();
        }
        boolean localMode = environment.getProperty("vagvisaren.teams.app-id", "").isBlank();
        byte[] bytes;
        if (secret.isBlank()) {
            if (!localMode) {
                throw new InvalidSettingException("VAGVISAREN_HASH_SECRET", "must be set (at least "
                        + MIN_SECRET_BYTES + " bytes) when the bot runs with a Teams app id");
            }
            bytes = new byte[32];
            random.nextBytes(bytes);
            log.warn("No VAGVISAREN_HASH_SECRET: generated one for local mode; double-answer protection resets on restart");
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new InvalidSettingException("VAGVISAREN_HASH_SECRET", "is shorter than " + MIN_SECRET_BYTES + " bytes");
            }
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A fresh random salt for one session (URL-safe Base64 of 16 bytes). */
    String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    /** The key of one person in one session; 43 characters. */
    String respondent(String salt, String tenantId, String userId) {
        return hmac("respondent", salt, tenantId, userId);
    }

    /** The pseudonymous key of one person across personal sessions; 43 characters. */
    String owner(String tenantId, String userId) {
        return hmac("owner", "", tenantId, userId);
    }

    private String hmac(String purpose, String salt, String tenantId, String userId) {
        try {
            // Mac instances are not thread-safe; creating one per call is cheap next to a database write.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : new String[] {purpose, salt, tenantId == null ? "" : tenantId, userId}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so ("ab", "c") and ("a", "bc") can never give the same key.
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
