package se.vagvisaren.progress;

import java.util.HexFormat;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.Secret;
import se.vagvisaren.system.SecretKeys;
import se.vagvisaren.system.Signer;

/**
 * Replaces author ids with stable pseudonyms for exports: the first 16 hex digits of
 * HMAC-SHA256(VAGVISAREN_HASH_SECRET, "progress-author:" + id). The same person gets the same
 * pseudonym in every export while the secret stays the same; without the secret the id cannot be
 * recovered or confirmed by hashing guesses.
 */
@Component
class AuthorPseudonyms {

    private static final int HEX_DIGITS = 16;

    private final Signer signer;

    AuthorPseudonyms(SecretKeys secrets) {
        this.signer = secrets.signer(Secret.HASH);
    }

    /** The pseudonym of {@code authorId}, e.g. {@code p-3f9a0c1d2e4b5a67}; {@code null} stays {@code null}. */
    String of(String authorId) {
        if (authorId == null) {
            return null;
        }
        return "p-" + HexFormat.of().formatHex(signer.sign("progress-author:" + authorId)).substring(0, HEX_DIGITS);
    }
}
