package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.testing.TestSecrets;

/** Issue 17: calendar links are on wherever the bot runs; they used to be switched off outside local mode. */
class CalendarLinksTest {

    private static final String TEAM = "19:teamNorsjo42@thread.tacv2";

    private static CalendarLinks links(String linkSecret) {
        MockEnvironment env = new MockEnvironment().withProperty("vagvisaren.teams.app-id", "7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e");
        DeadlineProperties properties = new org.springframework.boot.context.properties.bind.Binder(
                org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(
                        new org.springframework.core.env.MapPropertySource("p", java.util.Map.of(
                                "vagvisaren.deadlines.public-base-url", "https://bot.example.se")))).bindOrCreate(
                "vagvisaren.deadlines", DeadlineProperties.class);
        return new CalendarLinks(env, properties, TestSecrets.configured(TestSecrets.HASH, linkSecret));
    }

    @Test
    void url_withAppIdAndLinkSecret_givesALinkThatVerifiesOnEveryInstance() {
        String url = links(TestSecrets.LINK).url(TEAM);
        String token = URI.create(url).getQuery().replace("token=", "");

        assertThat(url).startsWith("https://bot.example.se/api/deadlines/19%3AteamNorsjo42%40thread.tacv2/calendar.ics?token=");
        assertThat(links(TestSecrets.LINK).verify(TEAM, token)).isTrue();
    }

    @Test
    void verify_forgedMovedOrForeignTokens_areRefusedWithoutException() {
        CalendarLinks links = links(TestSecrets.LINK);
        String token = links.token(TEAM);

        assertThat(links.verify("19:another@thread.tacv2", token)).isFalse();
        assertThat(links(TestSecrets.LINK.replace('0', 'x')).verify(TEAM, token)).isFalse();
        assertThat(links.verify(TEAM, "abc")).isFalse();
        assertThat(links.verify(TEAM, "%%%")).isFalse();
        assertThat(links.verify(TEAM, null)).isFalse();
        assertThat(links.verify(TEAM, "A".repeat(500))).isFalse();
    }
}
