package se.vagvisaren.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.TestDatabases;

class TeamRolesTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2()), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    private static TeamRoles roles(DataSource ds, List<String> configuredCoordinators) {
        return new TeamRoles(JdbcClient.create(ds), new AdminProperties(configuredCoordinators, List.of("lst-1"), ""),
                Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void grantFirstCoordinator_onlyTheFirstInstallerBecomesCoordinator(String name, DataSource ds) {
        TeamRoles roles = roles(ds, List.of());

        roles.grantFirstCoordinator("team-1", "anna");
        roles.grantFirstCoordinator("team-1", "erik");

        assertThat(roles.has("team-1", "anna", Role.COORDINATOR)).isTrue();
        assertThat(roles.has("team-1", "erik", Role.COORDINATOR)).isFalse();
        assertThat(roles.has("team-2", "anna", Role.COORDINATOR)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void grantTwice_isIdempotent_andRevokeRemoves(String name, DataSource ds) {
        TeamRoles roles = roles(ds, List.of());

        roles.grant("team-1", "sara", Role.FACILITATOR, "anna");
        roles.grant("team-1", "sara", Role.FACILITATOR, "anna");

        assertThat(roles.list("team-1")).containsExactly(new TeamRoles.RoleAssignment("sara", Role.FACILITATOR));
        assertThat(roles.canFacilitate("team-1", "sara")).isTrue();
        assertThat(roles.revoke("team-1", "sara", Role.FACILITATOR)).isTrue();
        assertThat(roles.revoke("team-1", "sara", Role.FACILITATOR)).isFalse();
        assertThat(roles.canFacilitate("team-1", "sara")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void configuredRoles_applyEverywhere_butCountyBoardCannotBeGranted(String name, DataSource ds) {
        TeamRoles roles = roles(ds, List.of("central-coordinator"));

        assertThat(roles.has("any-team", "central-coordinator", Role.COORDINATOR)).isTrue();
        assertThat(roles.has("any-team", "lst-1", Role.COUNTY_BOARD)).isTrue();
        assertThat(roles.has("any-team", "anna", Role.COUNTY_BOARD)).isFalse();
        assertThat(roles.has("any-team", null, Role.COORDINATOR)).isFalse();
        assertThatThrownBy(() -> roles.grant("team-1", "anna", Role.COUNTY_BOARD, "anna"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
