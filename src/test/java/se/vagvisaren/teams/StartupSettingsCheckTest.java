package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSettingsCheckTest {

    private static final String APP = "7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e";
    private static final String TENANT = "4c8a2b9e-5d1f-4e7a-9c3b-2f6d8e1a0b7c";

    private static TeamsProperties props(String appId, String password, String type, String tenant, List<String> allowed) {
        return new TeamsProperties(appId, password, type, tenant, allowed, null, false, 262144, 28000, 4,
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    private static void check(TeamsProperties p) {
        new StartupSettingsCheck(p).afterPropertiesSet();
    }

    @Test
    void localMode_withoutAnySecrets_starts() {
        assertThatCode(() -> check(props("", "", "SingleTenant", "", List.of()))).doesNotThrowAnyException();
    }

    @Test
    void completeSingleTenantRegistration_starts() {
        assertThatCode(() -> check(props(APP, "s3cret", "SingleTenant", TENANT, List.of(TENANT)))).doesNotThrowAnyException();
    }

    @Test
    void appIdWithoutPassword_refusesNamingThePassword() {
        assertThatThrownBy(() -> check(props(APP, "", "SingleTenant", TENANT, List.of())))
                .hasMessageStartingWith("MicrosoftAppPassword");
    }

    @Test
    void singleTenantWithoutTenant_refusesNamingTheTenant() {
        assertThatThrownBy(() -> check(props(APP, "x", "SingleTenant", "", List.of())))
                .hasMessageStartingWith("MicrosoftAppTenantId is missing");
    }

    @Test
    void placeholderGuids_areRefused() {
        assertThatThrownBy(() -> check(props("00000000-0000-0000-0000-000000000000", "x", "SingleTenant", TENANT, List.of())))
                .hasMessageStartingWith("MicrosoftAppId");
        assertThatThrownBy(() -> check(props("my-bot", "x", "SingleTenant", TENANT, List.of())))
                .hasMessageStartingWith("MicrosoftAppId");
    }

    @Test
    void badAllowListOrAppType_areRefused() {
        assertThatThrownBy(() -> check(props(APP, "x", "SingleTenant", TENANT, List.of("contoso.onmicrosoft.com"))))
                .hasMessageStartingWith("VAGVISAREN_ALLOWED_TENANTS");
        assertThatThrownBy(() -> check(props(APP, "x", "Whatever", TENANT, List.of())))
                .hasMessageStartingWith("MicrosoftAppType");
    }
}
