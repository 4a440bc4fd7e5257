package se.vagvisaren.testing;

import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.system.GeneratedSecrets;
import se.vagvisaren.system.SecretKeys;

/** {@link SecretKeys} for unit tests that build signers by hand. */
public final class TestSecrets {

    public static final String HASH = "hash-secret-for-tests-0123456789";
    public static final String LINK = "link-secret-for-tests-0123456789";

    private TestSecrets() {
    }

    /** Both secrets configured, as in production. */
    public static SecretKeys configured() {
        return configured(HASH, LINK);
    }

    /** The given secrets configured; an empty one is refused unless in local mode (then it needs a database). */
    public static SecretKeys configured(String hash, String link) {
        return new SecretKeys(new MockEnvironment().withProperty("VAGVISAREN_HASH_SECRET", hash)
                .withProperty("VAGVISAREN_LINK_SECRET", link), null);
    }

    /** Local mode without secrets: both generated and kept in {@code generated}'s database. */
    public static SecretKeys generated(GeneratedSecrets generated) {
        return new SecretKeys(new MockEnvironment(), generated);
    }
}
