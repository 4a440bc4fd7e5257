package se.vagvisaren.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.TestDatabases;

class WorkspaceSettingsTest {

    private final DataSource db = TestDatabases.h2();
    private final AtomicLong nanos = new AtomicLong();

    private WorkspaceSettings instance() {
        return new WorkspaceSettings(JdbcClient.create(db), nanos::get);
    }

    @Test
    void set_isReadBackAtOnceByTheSameInstance_evenAfterTheOldValueWasCached() {
        WorkspaceSettings settings = instance();
        assertThat(settings.get("team-1", "zone")).isEmpty();

        settings.set("team-1", "zone", "Europe/Helsinki");
        assertThat(settings.get("team-1", "zone")).contains("Europe/Helsinki");

        settings.set("team-1", "zone", "Europe/Stockholm");
        assertThat(settings.get("team-1", "zone")).contains("Europe/Stockholm");
        assertThat(settings.get("team-2", "zone")).isEmpty();
        assertThat(settings.getOrDefault("team-1", "reflection.launch", "everyone")).isEqualTo("everyone");
    }

    @Test
    void anotherReplica_seesTheChangeWithinTheTimeToLive() {
        WorkspaceSettings a = instance();
        WorkspaceSettings b = instance();
        a.set("team-1", "zone", "Europe/Helsinki");
        assertThat(b.get("team-1", "zone")).contains("Europe/Helsinki");

        a.set("team-1", "zone", "Europe/Stockholm");
        // b read the old value just before; it may keep it for the time to live, never longer.
        assertThat(b.get("team-1", "zone")).contains("Europe/Helsinki");
        nanos.addAndGet(WorkspaceSettings.CACHE_TTL.toNanos() + 1);
        assertThat(b.get("team-1", "zone")).contains("Europe/Stockholm");
    }

    @Test
    void settingsOfOneWorkspace_doNotLeakIntoAnother() {
        WorkspaceSettings settings = instance();
        settings.set("team-1", "zone", "Europe/Helsinki");
        settings.set("team-2", "zone", "Europe/Oslo");

        assertThat(settings.get("team-1", "zone")).contains("Europe/Helsinki");
        assertThat(settings.get("team-2", "zone")).contains("Europe/Oslo");
        assertThat(settings.get("team-1", "other")).isEmpty();
    }
}
