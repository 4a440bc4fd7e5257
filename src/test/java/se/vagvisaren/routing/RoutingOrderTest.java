package se.vagvisaren.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.vagvisaren.testing.BotTest;

/**
 * The order the pipelines really ask their steps in, as Spring wires them, and the table in
 * {@code docs/architecture.md} that tells a newcomer that order: a step moved in code but not in the
 * document (or the other way round) fails here.
 */
@BotTest
class RoutingOrderTest {

    static final List<Class<?>> MESSAGE_ORDER = List.of(CrisisStep.class, TooLongStep.class, EmptyMessageStep.class,
            OwnAnswersStep.class, PrivacyCommandStep.class, RoleCommandStep.class, LanguageSwitchStep.class,
            OwnWordsStep.class, DisambiguationStep.class, IntentStep.class, FallbackStep.class);
    static final List<Class<?>> CARD_ORDER = List.of(CardCrisisStep.class, ChosenIntentStep.class,
            FeatureCardStep.class, UnknownCardActionStep.class);

    @Autowired
    MessagePipeline messages;

    @Autowired
    CardActionPipeline cards;

    @Test
    void messagePipeline_asksCrisisFirstThenCommandsThenIntentsThenFallback() {
        assertThat(messages.order()).containsExactlyElementsOf(MESSAGE_ORDER);
    }

    @Test
    void cardPipeline_asksCrisisFirstAndTheRefusalLast() {
        assertThat(cards.order()).containsExactlyElementsOf(CARD_ORDER);
    }

    @Test
    void architectureDocument_listsTheStepsInTheOrderTheyRun() throws IOException {
        List<String> documented = stepsInDocument(Files.readString(Path.of("docs/architecture.md")));

        List<String> expected = new ArrayList<>();
        MESSAGE_ORDER.forEach(c -> expected.add(c.getSimpleName()));
        CARD_ORDER.forEach(c -> expected.add(c.getSimpleName()));
        assertThat(documented).containsExactlyElementsOf(expected);
    }

    /** The step class names in the order-table rows ({@code | 100 | `CrisisStep` | …}) of the document. */
    private static List<String> stepsInDocument(String markdown) {
        Matcher row = Pattern.compile("(?m)^ *\\| *[0-9][0-9_]* *\\| *`([A-Za-z]+Step)`").matcher(markdown);
        List<String> names = new ArrayList<>();
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
