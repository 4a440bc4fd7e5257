package se.vagvisaren.testing;

import static org.mockito.Mockito.mock;

import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.admin.WorkspaceZones;

/** {@link WorkspaceZones} for unit tests that build features by hand: no workspace has a zone setting. */
public final class TestZones {

    private TestZones() {
    }

    /** The standard zone unset, so every workspace is in {@link WorkspaceZones#DEFAULT} (Europe/Stockholm). */
    public static WorkspaceZones standard() {
        return new WorkspaceZones(mock(WorkspaceSettings.class), new MockEnvironment());
    }
}
