package se.vagvisaren.nlu;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * The foundation's keyword placeholder, kept as a test fixture for other features' test wiring that was
 * written before the trained model (e.g. {@code progress.ProgressTestConfig}). Production code uses
 * {@link TrainedUnderstanding}; nothing in {@code src/main} refers to this class.
 */
public class KeywordUnderstanding implements MessageUnderstanding {

    private static final Map<String, List<String>> KEYWORDS = Map.of(
            "greeting", List.of("hej", "hallå", "tjena", "god morgon", "hello", "hi"),
            "help", List.of("hjälp", "vad kan du", "help", "what can you do"),
            "thanks", List.of("tack", "thanks", "thank you"));

    @Override
    public Understanding understand(String text, String locale, ZonedDateTime now) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        Language language = Language.fromCode(locale);
        for (Map.Entry<String, List<String>> e : KEYWORDS.entrySet()) {
            if (e.getValue().stream().anyMatch(lower::contains)) {
                return result(language, e.getKey());
            }
        }
        return result(language, "out_of_scope");
    }

    private static Understanding result(Language language, String intent) {
        return new Understanding(language, RecognizedIntent.of(intent),
                List.of(new Understanding.IntentScore(intent, 1.0)), false);
    }
}
