package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TestSecrets;

class OverviewLinksTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final OverviewLinks links = new OverviewLinks(ProgressFixtures.properties(), clock, TestSecrets.configured());

    @Test
    void verify_freshToken_givesTheHolderHash() {
        String token = links.token("county-officer-1");

        assertThat(links.verify(token)).contains(links.holder("county-officer-1"));
        assertThat(token).doesNotContain("county-officer-1");
    }

    @Test
    void verify_afterSevenDays_isRejected() {
        String token = links.token("county-officer-1");

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(links.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void verify_changedExpiry_isRejected() {
        String[] parts = links.token("county-officer-1").split("\\.");
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400 * 365) + "." + parts[2] + "." + parts[3];

        assertThat(links.verify(extended)).isEmpty();
    }

    @Test
    void verify_tokenSignedWithAnotherSecret_isRejected() {
        OverviewLinks other = new OverviewLinks(ProgressFixtures.properties(), clock,
                TestSecrets.configured(TestSecrets.HASH, "another-link-secret-0123456789"));

        assertThat(links.verify(other.token("county-officer-1"))).isEmpty();
    }

    @Test
    void verify_malformedTokens_areRejectedWithoutException() {
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("v1.abc")).isEmpty();
        assertThat(links.verify("v1.notanumber.holder.c2ln")).isEmpty();
        assertThat(links.verify("v1.1.holder.%%%")).isEmpty();
        assertThat(links.verify("v2." + links.token("x").substring(3))).isEmpty();
        assertThat(links.verify("x".repeat(10_000))).isEmpty();
    }

    @Test
    void link_withBaseUrl_pointsToOverviewWithToken() {
        OverviewLinks.Link link = links.link("county-officer-1").orElseThrow();

        assertThat(link.uri().toString()).startsWith("https://bot.example.se/overview?token=v1.");
        assertThat(link.expires()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void link_withoutBaseUrl_isEmpty() {
        OverviewLinks noBase = new OverviewLinks(ProgressFixtures.properties(null), clock, TestSecrets.configured());

        assertThat(noBase.link("county-officer-1")).isEmpty();
    }
}
