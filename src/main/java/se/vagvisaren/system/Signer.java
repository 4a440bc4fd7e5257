package se.vagvisaren.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one {@link Secret}; thread-safe. Get one from {@link SecretKeys#signer(Secret)}. */
public final class Signer {

    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<SecretKeySpec> key;

    Signer(Supplier<byte[]> secret) {
        this.key = memoized(secret);
    }

    /** HMAC-SHA256 of {@code message} (UTF-8); 32 bytes. */
    public byte[] sign(String message) {
        Mac mac = mac();
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HMAC-SHA256 of the parts, each prefixed with its length so that ("ab", "c") and ("a", "bc") never sign
     * the same; {@code null} counts as empty. 32 bytes.
     */
    public byte[] signParts(String... parts) {
        Mac mac = mac();
        for (String part : parts) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            mac.update(bytes);
        }
        return mac.doFinal();
    }

    /** Whether {@code given} is the signature of {@code message}; constant-time. {@code null} is never valid. */
    public boolean verify(String message, byte[] given) {
        return given != null && MessageDigest.isEqual(sign(message), given);
    }

    private Mac mac() {
        try {
            // Mac instances are not thread-safe; one per call is cheap next to the request around it.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.get());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Asks for the secret once, on first use: a CLI command creates signers without a migrated database. */
    private static Supplier<SecretKeySpec> memoized(Supplier<byte[]> secret) {
        return new Supplier<>() {
            private volatile SecretKeySpec spec;

            @Override
            public SecretKeySpec get() {
                if (spec == null) {
                    spec = new SecretKeySpec(secret.get(), ALGORITHM);
                }
                return spec;
            }
        };
    }
}
