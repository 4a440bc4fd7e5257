package se.vagvisaren.nlu;

import java.util.List;
import se.vagvisaren.conversation.RecognizedIntent;

/**
 * The JSON answer of {@code POST /api/nlu/parse} and of each {@code nlu parse --jsonl} line.
 *
 * @param intent    the chosen intent ({@code out_of_scope} when the bot should fall back)
 * @param ranking   every intent with its probability, best first; empty for text without words
 * @param language  {@code sv} or {@code en}
 * @param entities  {@code datetime} entities; empty when none
 * @param ambiguous whether the two best intents were too close to choose
 */
public record ParseResponse(Intent intent, List<Understanding.IntentScore> ranking, String language,
                            List<Entity> entities, boolean ambiguous) {

    /**
     * One entity as the JSON contract has it (the typed date inside {@link RecognizedIntent.Entity} is not
     * part of the contract).
     */
    public record Entity(String type, String value, String grain, String text) {
        static Entity of(RecognizedIntent.Entity entity) {
            return new Entity(entity.type(), entity.value(), entity.grain(), entity.text());
        }
    }

    /**
     * @param name       intent name
     * @param confidence probability in [0, 1]
     */
    public record Intent(String name, double confidence) {
    }

    public static ParseResponse of(Understanding understanding) {
        RecognizedIntent intent = understanding.intent();
        return new ParseResponse(new Intent(intent.name(), intent.confidence()), understanding.ranking(),
                understanding.language().code(), intent.entities().stream().map(Entity::of).toList(),
                understanding.ambiguous());
    }
}
