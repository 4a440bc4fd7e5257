package se.vagvisaren.nlu;

import java.util.List;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * The result of {@link MessageUnderstanding#understand}.
 *
 * @param language  reply language
 * @param intent    the chosen intent with entities; {@code out_of_scope} when below the confidence threshold
 * @param ranking   all intents, best first
 * @param ambiguous {@code true} when the two best intents are too close to choose; the bot then asks
 */
public record Understanding(Language language, RecognizedIntent intent, List<IntentScore> ranking, boolean ambiguous) {

    public Understanding {
        ranking = List.copyOf(ranking);
    }

    /**
     * One intent's score.
     *
     * @param name       intent name
     * @param confidence probability in [0, 1]
     */
    public record IntentScore(String name, double confidence) {
    }
}
