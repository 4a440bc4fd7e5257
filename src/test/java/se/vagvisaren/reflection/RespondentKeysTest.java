package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TestSecrets;

class RespondentKeysTest {

    private final RespondentKeys keys = new RespondentKeys(TestSecrets.configured());

    @Test
    void respondent_sameSaltAndUser_isStable_andNeverContainsTheUserId() {
        String key = keys.respondent("salt", "tenant", "0d3e5c2a-user");

        assertThat(keys.respondent("salt", "tenant", "0d3e5c2a-user")).isEqualTo(key);
        assertThat(key).hasSize(43).doesNotContain("0d3e5c2a");
        assertThat(keys.respondent("other-salt", "tenant", "0d3e5c2a-user")).isNotEqualTo(key);
        assertThat(keys.respondent("salt", "tenant", "someone-else")).isNotEqualTo(key);
        assertThat(keys.owner("tenant", "0d3e5c2a-user")).isNotEqualTo(key);
    }

    @Test
    void respondent_partsCannotBeShiftedIntoEachOther() {
        assertThat(keys.respondent("ab", "c", "d")).isNotEqualTo(keys.respondent("a", "bc", "d"));
    }

    @Test
    void respondent_otherSecret_givesOtherKeys() {
        RespondentKeys other = new RespondentKeys(TestSecrets.configured("second-secret-0123456789", TestSecrets.LINK));

        assertThat(other.respondent("s", "t", "u")).isNotEqualTo(keys.respondent("s", "t", "u"));
    }

    @Test
    void owner_isTheSameAsBeforeTheSharedSigner() {
        // Owner keys are stored, and "radera mina svar" must still find answers saved before the move to
        // system.SecretKeys: the value is the former algorithm (HMAC-SHA256 over 4-byte length-prefixed
        // UTF-8 parts "owner", "", tenant, user; Base64url) computed outside Java.
        assertThat(keys.owner("tenant", "0d3e5c2a-user")).isEqualTo(PINNED_OWNER);
        assertThat(keys.newSalt()).isNotEqualTo(keys.newSalt());
    }

    private static final String PINNED_OWNER = "wNct2aDiR6gYG2bwE36h4_bGiGG9TIY8Dh1-MKghPFs";
}
