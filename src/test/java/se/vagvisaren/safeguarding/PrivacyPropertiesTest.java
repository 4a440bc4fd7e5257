package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code vagvisaren.privacy.*} as an operator writes it: YAML keys or environment variables. */
class PrivacyPropertiesTest {

    private static PrivacyProperties bind(org.springframework.core.env.PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        return new Binder(ConfigurationPropertySources.get(environment), null, ApplicationConversionService.getSharedInstance())
                .bindOrCreate("vagvisaren.privacy", PrivacyProperties.class);
    }

    @Test
    void bind_nothingSet_keeps24MonthsNightlyAtQuarterPastThree() {
        PrivacyProperties properties = bind(new MapPropertySource("empty", Map.of()));

        assertThat(properties.retentionOf("progress-updates")).isEqualTo(Period.ofMonths(24));
        assertThat(properties.retentionTime()).isEqualTo(LocalTime.of(3, 15));
        assertThat(properties.eraseConfirmation()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void bind_yamlKeys_setDefaultAndOneStore() {
        PrivacyProperties properties = bind(new MapPropertySource("yaml", Map.of(
                "vagvisaren.privacy.retention.default", "P36M",
                "vagvisaren.privacy.retention.progress-updates", "P12M")));

        assertThat(properties.retentionOf("progress-updates")).isEqualTo(Period.ofMonths(12));
        assertThat(properties.retentionOf("deadlines")).isEqualTo(Period.ofMonths(36));
    }

    @Test
    void bind_environmentVariables_reachStoresWithDashes() {
        PrivacyProperties properties = bind(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                "VAGVISAREN_PRIVACY_RETENTION_DEFAULT", "P18M",
                "VAGVISAREN_PRIVACY_RETENTION_PROGRESSUPDATES", "P6M")));

        assertThat(properties.retentionOf("progress-updates")).isEqualTo(Period.ofMonths(6));
        assertThat(properties.retentionOf("privacy-audit")).isEqualTo(Period.ofMonths(18));
    }

    @Test
    void bind_zeroOrNegativePeriod_isRefused() {
        assertThatThrownBy(() -> bind(new MapPropertySource("bad", Map.of("vagvisaren.privacy.retention.default", "P0D"))))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(new MapPropertySource("bad", Map.of("vagvisaren.privacy.retention.x", "P-1M"))))
                .isInstanceOf(BindException.class);
    }
}
