package se.vagvisaren.progress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HMAC-SHA256 under one secret. An empty secret is replaced by a random one for this process, with a warning. */
final class Hmac {

    private static final Logger log = LoggerFactory.getLogger(Hmac.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret      the configured secret; empty = random for this process
     * @param purposeName names the setting in the warning, e.g. {@code VAGVISAREN_HASH_SECRET}
     */
    Hmac(String secret, String purposeName) {
        byte[] bytes;
        if (secret == null || secret.isEmpty()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("{} is not set: using a random key for this process only", purposeName);
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    byte[] sign(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
