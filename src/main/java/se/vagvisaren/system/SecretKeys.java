package se.vagvisaren.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place secrets are read and checked; every signer in the bot comes from here. Each {@link Secret} is
 * read from its environment variable and must be at least {@value #MIN_BYTES} bytes. With a Microsoft app id
 * a missing secret stops the start with a short report naming the variable. In {@link LocalMode} a missing
 * secret is generated once and kept in the database ({@link GeneratedSecrets}), with one warning at start, so
 * signed links and pseudonyms survive restarts and agree across instances sharing the database.
 */
@Component
public class SecretKeys {

    static final int MIN_BYTES = 16;
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private final Map<Secret, Signer> signers = new EnumMap<>(Secret.class);

    /**
     * @param generated where local mode keeps generated secrets; may be {@code null} when every secret is set
     * @throws InvalidSettingException when a secret is too short, or missing outside local mode
     */
    public SecretKeys(Environment environment, GeneratedSecrets generated) {
        boolean local = LocalMode.of(environment);
        List<String> missing = new ArrayList<>();
        for (Secret secret : Secret.values()) {
            String configured = environment.getProperty(secret.variable(), "").trim();
            if (!configured.isEmpty()) {
                byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
                if (bytes.length < MIN_BYTES) {
                    throw new InvalidSettingException(secret.variable(), "is shorter than " + MIN_BYTES + " bytes");
                }
                signers.put(secret, new Signer(() -> bytes));
            } else if (!local) {
                throw new InvalidSettingException(secret.variable(),
                        "must be set (at least " + MIN_BYTES + " bytes) when the bot runs with a Microsoft app id");
            } else {
                missing.add(secret.variable());
                signers.put(secret, new Signer(() -> generated.getOrCreate(secret.storedName())));
            }
        }
        if (!missing.isEmpty()) {
            log.warn("Local mode: {} not set; using secrets generated once and kept in the database. "
                    + "Set them before running with a Microsoft app id", String.join(" and ", missing));
        }
    }

    /** The signer for {@code secret}. */
    public Signer signer(Secret secret) {
        return signers.get(secret);
    }
}
