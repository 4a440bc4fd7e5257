package se.vagvisaren.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Secrets the bot makes for itself when none is configured, kept in the database (table
 * {@code generated_secret}). A secret is 32 random bytes, created on first use and then read back on every
 * start, so links signed with it survive restarts and work on every instance sharing the database. Two
 * instances creating the same secret at once both end up with the one that was stored first.
 */
@Repository
@RequiredArgsConstructor
public class GeneratedSecrets {

    /** The key for signed links (calendar feeds and the overview) when {@code VAGVISAREN_LINK_SECRET} is not set. */
    public static final String LINKS = "link";

    private static final Logger log = LoggerFactory.getLogger(GeneratedSecrets.class);
    private static final int BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * The secret called {@code name} (e.g. {@code link}), created and stored if it does not exist yet.
     *
     * @return 32 bytes, the same on every call and after a restart
     */
    public byte[] getOrCreate(String name) {
        Optional<String> stored = read(name);
        if (stored.isEmpty()) {
            byte[] fresh = new byte[BYTES];
            random.nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO generated_secret (name, secret, created_at) VALUES (:n, :s, :t)")
                        .param("n", name).param("s", Base64.getEncoder().encodeToString(fresh))
                        .param("t", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
                log.info("Generated the {} secret and stored it in the database", name);
            } catch (DuplicateKeyException raced) {
                // another instance stored it first: use that one
            }
            stored = read(name);
        }
        return Base64.getDecoder().decode(stored.orElseThrow(() -> new IllegalStateException("Secret " + name + " not stored")));
    }

    private Optional<String> read(String name) {
        return jdbc.sql("SELECT secret FROM generated_secret WHERE name = :n").param("n", name).query(String.class).optional();
    }
}
