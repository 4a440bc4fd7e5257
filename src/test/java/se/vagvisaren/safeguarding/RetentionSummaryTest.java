package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;

/** "Vad sparar du?" and the privacy page tell the periods the retention run applies, store overrides included. */
class RetentionSummaryTest {

    private static PrivacyReplies replies(Map<String, Period> retention) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (String name : List.of("progress-updates", "reflection-answers", "teams-user-ids")) {
            beans.addBean(name, new NamedStore(name));
        }
        PersonalDataRegistry registry = new PersonalDataRegistry(beans.getBeanProvider(PersonalDataStore.class), null,
                Clock.systemUTC());
        PrivacyProperties properties = new PrivacyProperties(retention, LocalTime.of(3, 15), Duration.ofMinutes(15), "", 50, Duration.ofMinutes(30));
        return new PrivacyReplies(SafeguardingFixtures.replyTexts(), new CardTemplates(SafeguardingFixtures.dialogs()),
                properties, registry, Clock.systemUTC());
    }

    @Test
    void noOverrides_onlyTheDefault() {
        assertThat(replies(null).retentionSummary(Language.SV)).isEqualTo("24 månader");
    }

    @Test
    void storesWithTheirOwnPeriod_areNamedInReadableSwedish() {
        var replies = replies(Map.of("default", Period.ofMonths(36), "progress-updates", Period.ofMonths(12),
                "REFLECTIONANSWERS", Period.ofMonths(6), "teams-user-ids", Period.ofMonths(36)));

        assertThat(replies.retentionSummary(Language.SV))
                .isEqualTo("36 månader (uppdateringar efter 12 månader och reflektionsövningar efter 6 månader)");
        assertThat(replies.retentionSummary(Language.EN))
                .isEqualTo("36 months (progress updates after 12 months and reflection exercises after 6 months)");
    }

    @Test
    void info_quotesTheOverride() {
        String text = replies(Map.of("reflection-answers", Period.ofMonths(12))).info(Language.SV).text();

        assertThat(text).contains("raderas automatiskt efter 24 månader (reflektionsövningar efter 12 månader).");
    }

    /** A store that only has a name: the summary reads names and settings, never data. */
    private record NamedStore(String name) implements PersonalDataStore {
        @Override
        public int deleteOlderThan(Instant cutoff) {
            return 0;
        }

        @Override
        public int eraseUser(String tenantId, String userId) {
            return 0;
        }

        @Override
        public List<Map<String, Object>> exportUser(String tenantId, String userId) {
            return List.of();
        }
    }
}
