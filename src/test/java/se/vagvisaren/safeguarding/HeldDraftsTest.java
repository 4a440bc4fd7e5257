package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.testing.MutableClock;

class HeldDraftsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final HeldDrafts drafts = new HeldDrafts(new PrivacyProperties(null, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30)), clock);

    private static IncomingMessage from(String tenant, String user) {
        return SafeguardingFixtures.message("", Language.SV, Scope.CHANNEL, tenant, user);
    }

    private final IncomingMessage anna = from("tenant-1", "anna");

    @Test
    void confirm_byWriter_handsTheDraftOutOnce() {
        String token = drafts.hold("progress", anna, "utkast");

        assertThat(drafts.confirm("progress", token, from("tenant-1", "anna"), String.class))
                .isEqualTo(new HeldDrafts.Confirmation<>(HeldDrafts.Status.CONFIRMED, "utkast"));
        assertThat(drafts.confirm("progress", token, anna, String.class).status()).isEqualTo(HeldDrafts.Status.ALREADY_CONFIRMED);
        assertThat(drafts.confirm("progress", token, anna, String.class).draft()).isNull();
    }

    @Test
    void confirm_bySameUserIdInAnotherTenant_orAnotherUser_isNotYoursAndKeepsTheDraft() {
        String token = drafts.hold("progress", anna, "utkast");

        assertThat(drafts.confirm("progress", token, from("tenant-2", "anna"), String.class).status())
                .isEqualTo(HeldDrafts.Status.NOT_YOURS);
        assertThat(drafts.confirm("progress", token, from("tenant-1", "erik"), String.class).status())
                .isEqualTo(HeldDrafts.Status.NOT_YOURS);
        assertThat(drafts.confirm("progress", token, anna, String.class).status()).isEqualTo(HeldDrafts.Status.CONFIRMED);
    }

    @Test
    void confirm_afterTheHoldTime_isUnknown() {
        String token = drafts.hold("progress", anna, "utkast");

        clock.advance(Duration.ofMinutes(29));
        String stillThere = drafts.hold("progress", anna, "nästa");
        clock.advance(Duration.ofMinutes(2));

        assertThat(drafts.confirm("progress", token, anna, String.class).status()).isEqualTo(HeldDrafts.Status.UNKNOWN);
        assertThat(drafts.confirm("progress", stillThere, anna, String.class).status()).isEqualTo(HeldDrafts.Status.CONFIRMED);
    }

    @Test
    void confirm_malformedTokenOtherFeatureOrWrongType_isUnknown() {
        String token = drafts.hold("progress", anna, "utkast");

        for (String bad : new String[] {null, "", "x", token.toUpperCase(), token + "0", "' OR 1=1 --"}) {
            assertThat(drafts.confirm("progress", bad, anna, String.class).status()).as(bad).isEqualTo(HeldDrafts.Status.UNKNOWN);
        }
        assertThat(drafts.confirm("reflection", token, anna, String.class).status()).isEqualTo(HeldDrafts.Status.UNKNOWN);
        assertThat(drafts.confirm("progress", token, anna, Integer.class).status()).isEqualTo(HeldDrafts.Status.UNKNOWN);
        assertThat(drafts.confirm("progress", token, anna, String.class).status()).isEqualTo(HeldDrafts.Status.CONFIRMED);
    }

    @Test
    void withdraw_dropsOnlyTheWritersUnconfirmedDraftsOfThatFeature() {
        String first = drafts.hold("progress", anna, "ett");
        String confirmed = drafts.hold("progress", anna, "två");
        drafts.confirm("progress", confirmed, anna, String.class);
        String reflection = drafts.hold("reflection", anna, "svar");
        String eriks = drafts.hold("progress", from("tenant-1", "erik"), "eriks");

        drafts.withdraw("progress", anna);

        assertThat(drafts.confirm("progress", first, anna, String.class).status()).isEqualTo(HeldDrafts.Status.UNKNOWN);
        assertThat(drafts.confirm("progress", confirmed, anna, String.class).status()).isEqualTo(HeldDrafts.Status.ALREADY_CONFIRMED);
        assertThat(drafts.confirm("reflection", reflection, anna, String.class).status()).isEqualTo(HeldDrafts.Status.CONFIRMED);
        assertThat(drafts.confirm("progress", eriks, from("tenant-1", "erik"), String.class).status())
                .isEqualTo(HeldDrafts.Status.CONFIRMED);
    }

    @Test
    void settings_zeroHoldTime_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new PrivacyProperties(null, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ZERO)).hasMessageContaining("held-draft");
    }
}
