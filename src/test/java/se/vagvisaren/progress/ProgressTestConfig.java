package se.vagvisaren.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.nlu.KeywordUnderstanding;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.Understanding;

/**
 * Test wiring for progress conversations until the OpenNLP classifier (issue 4) is on main: a stand-in
 * understanding that sends "uppdatering: …" to {@code progress_record} and "visa framsteg" to
 * {@code progress_list} (everything else to the foundation's keyword placeholder), and a deadlines port
 * with one known deadline for the Norsjö test team (and teams named with {@link #DEADLINE_TEAM_PREFIX}).
 */
@TestConfiguration(proxyBeanMethods = false)
class ProgressTestConfig {

    static final String DEADLINE_TEAM = "19:teamNorsjo42@thread.tacv2";
    /** Teams whose id starts with this also have the known deadline (tests that need a team of their own). */
    static final String DEADLINE_TEAM_PREFIX = "19:team-deadline-";

    @Bean
    @Primary
    MessageUnderstanding progressAwareUnderstanding() {
        KeywordUnderstanding fallback = new KeywordUnderstanding();
        return (text, locale, now) -> {
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).strip();
            Language language = Language.fromCode(locale);
            if (lower.matches("^(uppdatering|framsteg|update|progress update)\\s*([:\\-].*)?$")
                    || lower.contains("rapportera framsteg")) {
                return understood(language, ProgressIntents.RECORD);
            }
            if (lower.contains("framsteg") || lower.contains("översikt") || lower.contains("progress")
                    || lower.contains("what happened") || lower.contains("overview") || lower.contains("länk")) {
                return understood(language, ProgressIntents.LIST);
            }
            return fallback.understand(text, locale, now);
        };
    }

    @Bean
    @Primary
    UpcomingDeadlines knownDeadlines(Clock clock) {
        return (workspaceId, from, until) -> {
            if (!DEADLINE_TEAM.equals(workspaceId) && !workspaceId.startsWith(DEADLINE_TEAM_PREFIX)) {
                return List.of();
            }
            var due = ZonedDateTime.now(clock).plus(Duration.ofDays(5)).toInstant();
            return due.isBefore(until) && !due.isBefore(from)
                    ? List.of(new UpcomingDeadlines.UpcomingDeadline("Lägesbilden till styrgruppen <b>", due)) : List.of();
        };
    }

    private static Understanding understood(Language language, String intent) {
        return new Understanding(language, RecognizedIntent.of(intent),
                List.of(new Understanding.IntentScore(intent, 1.0)), false);
    }
}
