package se.vagvisaren.reflection;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.Secret;
import se.vagvisaren.system.SecretKeys;
import se.vagvisaren.system.Signer;

/**
 * Keyed hashes that stand in for user ids. A respondent key is HMAC-SHA256(secret, session salt, tenant,
 * user): it lets a second answer replace the first without storing who answered, and differs per session
 * so answers cannot be linked across sessions. Closing an anonymous session erases its salt, after which
 * not even the server can tell whose answer a row is. An owner key (no salt) names the owner of personal
 * sessions so "radera mina svar" can find them.
 *
 * <p>The secret is {@link Secret#HASH} ({@code VAGVISAREN_HASH_SECRET}), read and checked by {@link SecretKeys}.
 */
@Component
class RespondentKeys {

    private final SecureRandom random = new SecureRandom();
    private final Signer signer;

    RespondentKeys(SecretKeys secrets) {
        this.signer = secrets.signer(Secret.HASH);
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
        // Length-prefixed parts, so ("ab", "c") and ("a", "bc") can never give the same key.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.signParts(purpose, salt, tenantId, userId));
    }
}
