package se.vagvisaren.progress;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReplyTexts;

/** Plain objects for unit tests that need no Spring context: the shipped content and default settings. */
final class ProgressFixtures {

    static final ContentSource DIALOGS = new ContentSource("dialogs", Path.of("dialogs"));

    private ProgressFixtures() {
    }

    static ProgressProperties properties() {
        return properties(URI.create("https://bot.example.se"));
    }

    static ProgressProperties properties(URI baseUrl) {
        return new ProgressProperties(DayOfWeek.MONDAY, LocalTime.of(8, 0), true,
                Duration.ofDays(42), Duration.ofDays(14), 2000, 30,
                Duration.ofDays(7), baseUrl, Map.of("19:teamNorsjo42@thread.tacv2", "Norsjö"));
    }

    static ProgressVocabulary vocabulary() {
        return new ProgressVocabulary(DIALOGS);
    }

    static ReplyTexts texts() {
        return new ReplyTexts(DIALOGS);
    }

    static CardTemplates cards() {
        return new CardTemplates(DIALOGS);
    }
}
