package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Issue 17: one place reads and checks every secret, for every signer. */
class SecretKeysTest {

    private static final String APP_ID = "7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e";
    private static final String HASH = "hash-secret-0123456789abcdef";
    private static final String LINK = "link-secret-0123456789abcdef";

    @TempDir
    Path data;

    @Test
    void constructor_appIdWithoutLinkSecret_refusesToStartNamingTheVariable() {
        MockEnvironment production = new MockEnvironment().withProperty(LocalMode.APP_ID_PROPERTY, APP_ID)
                .withProperty("VAGVISAREN_HASH_SECRET", HASH);

        assertThatThrownBy(() -> new SecretKeys(production, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("VAGVISAREN_LINK_SECRET must be set");
    }

    @Test
    void constructor_appIdWithoutHashSecret_givesTheShortStartupReport() {
        MockEnvironment production = new MockEnvironment().withProperty(LocalMode.APP_ID_PROPERTY, APP_ID)
                .withProperty("VAGVISAREN_LINK_SECRET", LINK);

        InvalidSettingException refused = (InvalidSettingException) org.assertj.core.api.Assertions
                .catchThrowable(() -> new SecretKeys(production, null));
        FailureAnalysis report = new InvalidSettingFailureAnalyzer().analyze(refused);

        assertThat(refused.setting()).isEqualTo("VAGVISAREN_HASH_SECRET");
        assertThat(report.getDescription()).startsWith("Setting VAGVISAREN_HASH_SECRET must be set");
        assertThat(report.getAction()).contains("Set VAGVISAREN_HASH_SECRET in the environment");
    }

    @Test
    void constructor_shortSecret_isRefusedEvenInLocalMode() {
        MockEnvironment local = new MockEnvironment().withProperty("VAGVISAREN_LINK_SECRET", "short");

        assertThatThrownBy(() -> new SecretKeys(local, null)).hasMessage("VAGVISAREN_LINK_SECRET is shorter than 16 bytes");
    }

    @Test
    void signer_configuredSecret_signsTheSameInEveryInstance() {
        MockEnvironment env = new MockEnvironment().withProperty(LocalMode.APP_ID_PROPERTY, APP_ID)
                .withProperty("VAGVISAREN_HASH_SECRET", HASH).withProperty("VAGVISAREN_LINK_SECRET", LINK);
        Signer one = new SecretKeys(env, null).signer(Secret.LINK);
        Signer two = new SecretKeys(env, null).signer(Secret.LINK);

        assertThat(one.verify("calendar:team", two.sign("calendar:team"))).isTrue();
        assertThat(one.verify("calendar:other-team", two.sign("calendar:team"))).isFalse();
        assertThat(one.verify("calendar:team", null)).isFalse();
        assertThat(new SecretKeys(env, null).signer(Secret.HASH).sign("calendar:team")).isNotEqualTo(one.sign("calendar:team"));
    }

    @Test
    void signer_localModeWithoutSecrets_usesOneGeneratedKeyPerDatabaseThatSurvivesARestart() {
        DataSource db = GeneratedSecretsTest.h2File(data.resolve("bot"));
        byte[] before = new SecretKeys(new MockEnvironment(), secrets(db)).signer(Secret.LINK).sign("overview");

        Signer afterRestart = new SecretKeys(new MockEnvironment(), secrets(GeneratedSecretsTest.h2File(data.resolve("bot"))))
                .signer(Secret.LINK);
        Signer otherInstall = new SecretKeys(new MockEnvironment(), secrets(GeneratedSecretsTest.h2File(data.resolve("other"))))
                .signer(Secret.LINK);

        assertThat(afterRestart.verify("overview", before)).isTrue();
        assertThat(otherInstall.verify("overview", before)).isFalse();
        assertThat(afterRestart.sign("overview")).isNotEqualTo(
                new SecretKeys(new MockEnvironment(), secrets(db)).signer(Secret.HASH).sign("overview"));
    }

    @Test
    void signParts_lengthPrefixed_partsCannotShift() {
        Signer signer = new SecretKeys(new MockEnvironment().withProperty("VAGVISAREN_HASH_SECRET", HASH)
                .withProperty("VAGVISAREN_LINK_SECRET", LINK), null).signer(Secret.HASH);

        assertThat(signer.signParts("ab", "c")).isNotEqualTo(signer.signParts("a", "bc"));
        assertThat(signer.signParts("a", null)).isEqualTo(signer.signParts("a", ""));
    }

    private static GeneratedSecrets secrets(DataSource ds) {
        return new GeneratedSecrets(JdbcClient.create(ds), Clock.systemUTC());
    }
}
