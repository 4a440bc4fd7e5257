package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RespondentKeysTest {

    private static ReflectionProperties properties(String secret) {
        return new ReflectionProperties(3, 1000, secret, null, 12000, ZoneId.of("Europe/Stockholm"), 52, Duration.ofMinutes(1), 6, Duration.ofDays(14));
    }

    @Test
    void respondent_sameSaltAndUser_isStable_andNeverContainsTheUserId() {
        RespondentKeys keys = new RespondentKeys(properties(null),
                new MockEnvironment().withProperty("VAGVISAREN_HASH_SECRET", "a-long-enough-test-secret"));

        String key = keys.respondent("salt", "tenant", "0d3e5c2a-user");

        assertThat(keys.respondent("salt", "tenant", "0d3e5c2a-user")).isEqualTo(key);
        assertThat(key).hasSize(43).doesNotContain("0d3e5c2a");
        assertThat(keys.respondent("other-salt", "tenant", "0d3e5c2a-user")).isNotEqualTo(key);
        assertThat(keys.respondent("salt", "tenant", "someone-else")).isNotEqualTo(key);
        assertThat(keys.owner("tenant", "0d3e5c2a-user")).isNotEqualTo(key);
    }

    @Test
    void respondent_partsCannotBeShiftedIntoEachOther() {
        RespondentKeys keys = new RespondentKeys(properties("a-long-enough-test-secret"), new MockEnvironment());

        assertThat(keys.respondent("ab", "c", "d")).isNotEqualTo(keys.respondent("a", "bc", "d"));
    }

    @Test
    void respondent_otherSecret_givesOtherKeys() {
        RespondentKeys one = new RespondentKeys(properties("first-secret-0123456789"), new MockEnvironment());
        RespondentKeys two = new RespondentKeys(properties("second-secret-0123456789"), new MockEnvironment());

        assertThat(one.respondent("s", "t", "u")).isNotEqualTo(two.respondent("s", "t", "u"));
    }

    @Test
    void constructor_noSecretWithTeamsAppId_refusesToStart() {
        MockEnvironment production = new MockEnvironment().withProperty("vagvisaren.teams.app-id", "1234-app");

        assertThatThrownBy(() -> new RespondentKeys(properties(""), production))
                .hasMessageContaining("VAGVISAREN_HASH_SECRET");
    }

    @Test
    void constructor_shortSecret_isRejected() {
        assertThatThrownBy(() -> new RespondentKeys(properties("short"), new MockEnvironment()))
                .hasMessageContaining("shorter");
    }

    @Test
    void constructor_localModeWithoutSecret_generatesOne() {
        RespondentKeys local = new RespondentKeys(properties(null), new MockEnvironment());

        assertThat(local.respondent("s", "t", "u")).hasSize(43);
        assertThat(local.newSalt()).isNotEqualTo(local.newSalt());
    }
}
