package se.vagvisaren.routing;

import java.util.List;
import java.util.function.Supplier;
import se.vagvisaren.admin.RoleCommands.MentionedPerson;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.nlu.Understanding;

/**
 * One chat message on its way through {@link MessagePipeline}.
 *
 * @param message       the message with the reply language set and the text cut to {@code maxChars}
 * @param understanding what the NLU read in that text
 * @param tooLong       whether the original text was longer than {@code maxChars}
 * @param maxChars      the longest text the bot handles (the Teams edge's limit)
 * @param mentioned     the people @mentioned, resolved only when a step asks (it may call Teams)
 */
record MessageTurn(IncomingMessage message, Understanding understanding, boolean tooLong, int maxChars,
                   Supplier<List<MentionedPerson>> mentioned) {

    static final String URGENT_HELP = "urgent_help";

    /**
     * The intent the crisis check sees: {@code urgent_help} with its probability from the ranking, wherever it
     * ranks. The crisis check decides at which probability the model alone may trigger the crisis reply
     * (issue 16), and an idiom in its phrase file overrides the model.
     */
    RecognizedIntent safetyIntent() {
        return understanding.ranking().stream().filter(s -> URGENT_HELP.equals(s.name())).findFirst()
                .map(s -> new RecognizedIntent(URGENT_HELP, s.confidence(), List.of()))
                .orElse(understanding.intent());
    }

    /** The intent for the features: when the crisis check declined {@code urgent_help}, the best other one. */
    RecognizedIntent intent() {
        RecognizedIntent intent = understanding.intent();
        if (!URGENT_HELP.equals(intent.name())) {
            return intent;
        }
        return understanding.ranking().stream().filter(s -> !URGENT_HELP.equals(s.name())).findFirst()
                .map(s -> new RecognizedIntent(s.name(), s.confidence(), intent.entities()))
                .orElse(intent);
    }
}
