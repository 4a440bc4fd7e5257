package se.vagvisaren.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.system.InvalidSettingException;

/** Issue 17: one place decides a workspace's time zone. */
class WorkspaceZonesTest {

    private final WorkspaceSettings settings = mock(WorkspaceSettings.class);

    @Test
    void of_workspaceWithValidSetting_usesIt_otherwiseTheStandardZone() {
        when(settings.get("19:helsinki@thread.tacv2", "zone")).thenReturn(Optional.of(" Europe/Helsinki "));
        when(settings.get("19:typo@thread.tacv2", "zone")).thenReturn(Optional.of("Europe/Stokholm"));
        when(settings.get("19:none@thread.tacv2", "zone")).thenReturn(Optional.empty());
        WorkspaceZones zones = new WorkspaceZones(settings, new MockEnvironment());

        assertThat(zones.standard()).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(zones.of("19:helsinki@thread.tacv2")).isEqualTo(ZoneId.of("Europe/Helsinki"));
        assertThat(zones.of("19:typo@thread.tacv2")).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(zones.of("19:none@thread.tacv2")).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(zones.of(null)).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void standard_followsVagvisarenZone_andRefusesAnUnknownOneAtStart() {
        when(settings.get("19:none@thread.tacv2", "zone")).thenReturn(Optional.empty());

        WorkspaceZones oslo = new WorkspaceZones(settings, new MockEnvironment().withProperty("vagvisaren.zone", "Europe/Oslo"));

        assertThat(oslo.of("19:none@thread.tacv2")).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThatThrownBy(() -> new WorkspaceZones(settings, new MockEnvironment().withProperty("vagvisaren.zone", "Sweden")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("vagvisaren.zone is not a time zone id");
    }

    @Test
    void start_retiredFeatureZoneSetToAnotherZone_isRefused_theSameZoneIsTolerated() {
        assertThatThrownBy(() -> new WorkspaceZones(settings,
                new MockEnvironment().withProperty("vagvisaren.progress.zone", "Europe/Helsinki")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("vagvisaren.progress.zone is no longer read: set vagvisaren.zone");

        WorkspaceZones same = new WorkspaceZones(settings,
                new MockEnvironment().withProperty("vagvisaren.privacy.zone", "Europe/Stockholm"));

        assertThat(same.standard()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }
}
