package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.VagvisarenApplication;
import se.vagvisaren.system.InvalidSettingException;

class RetentionSettingsCheckTest {

    private static final List<String> STORES = List.of("privacy-audit", "progress-updates", "reflection-answers", "teams-user-ids");

    private static PrivacyProperties retention(Map<String, Period> retention) {
        return new PrivacyProperties(retention, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));
    }

    @Test
    void overridesNamingRegisteredStores_inAnySpelling_start() {
        var properties = retention(Map.of("default", Period.ofMonths(36), "progress-updates", Period.ofMonths(12),
                "REFLECTIONANSWERS", Period.ofMonths(6)));

        assertThatCode(() -> RetentionSettingsCheck.check(STORES, properties, new MockEnvironment())).doesNotThrowAnyException();
    }

    @Test
    void overrideWithATypo_refusesNamingTheSettingAndListingTheStores() {
        var properties = retention(Map.of("progress-update", Period.ofMonths(12)));

        assertThatThrownBy(() -> RetentionSettingsCheck.check(STORES, properties, new MockEnvironment()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("vagvisaren.privacy.retention.progress-update names no store")
                .hasMessageContaining("privacy-audit, progress-updates, reflection-answers, teams-user-ids");
    }

    @Test
    void storeRenamedSinceTheSettingWasWritten_refuses() {
        var properties = retention(Map.of("reflection-personal-answers", Period.ofMonths(12)));

        assertThatThrownBy(() -> RetentionSettingsCheck.check(STORES, properties, new MockEnvironment()))
                .hasMessageStartingWith("vagvisaren.privacy.retention.reflection-personal-answers names no store");
    }

    @Test
    void replacedFeatureProperty_refusesNamingItsReplacement() {
        var environment = new MockEnvironment().withProperty("vagvisaren.reflection.retention", "90d");

        assertThatThrownBy(() -> RetentionSettingsCheck.check(STORES, retention(Map.of()), environment))
                .hasMessageStartingWith("vagvisaren.reflection.retention is no longer read")
                .hasMessageContaining("vagvisaren.privacy.retention.reflection-answers", "VAGVISAREN_PRIVACY_RETENTION_REFLECTIONANSWERS");
        assertThatThrownBy(() -> RetentionSettingsCheck.check(STORES, retention(Map.of()),
                new MockEnvironment().withProperty("vagvisaren.progress.retention", "730d")))
                .hasMessageContaining("vagvisaren.privacy.retention.progress-updates");
    }

    @Test
    void wholeApplication_withTheOldReflectionSetting_doesNotStart() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                new SpringApplicationBuilder(VagvisarenApplication.class).profiles("test")
                        .run("--server.port=0", "--vagvisaren.reflection.retention=90d").close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("vagvisaren.reflection.retention is no longer read");
    }
}
