package se.vagvisaren.progress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HMAC-SHA256 under one secret. An empty secret is replaced by a generated one: either kept in the database
 * (links) or random for this process, with a warning (pseudonyms).
 */
final class Hmac {

    private static final Logger log = LoggerFactory.getLogger(Hmac.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<SecretKeySpec> key;

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
        SecretKeySpec spec = new SecretKeySpec(bytes, ALGORITHM);
        this.key = () -> spec;
    }

    /**
     * @param secret    the configured secret; empty = {@code generated}, asked once on first use (a CLI command
     *                  creates this bean without a migrated database)
     * @param generated a secret that outlives the process, e.g. from {@code system.GeneratedSecrets}
     */
    Hmac(String secret, Supplier<byte[]> generated) {
        if (secret != null && !secret.isEmpty()) {
            SecretKeySpec spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
            this.key = () -> spec;
        } else {
            this.key = new Supplier<>() {
                private volatile SecretKeySpec spec;

                @Override
                public SecretKeySpec get() {
                    if (spec == null) {
                        spec = new SecretKeySpec(generated.get(), ALGORITHM);
                    }
                    return spec;
                }
            };
        }
    }

    byte[] sign(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.get());
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
