package se.vagvisaren.reflection;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.reflection.ReflectionPhrases.Command;

/**
 * "radera mina svar", "delete my answers": erases the sender's reflection answers when the intent model reads
 * the message as a reflection request and its words are the {@code delete-mine} phrases of
 * {@code dialogs/commands/reflection.yaml}. The routing asks this before the general privacy commands, so
 * the narrower request wins although "radera mina svar" is also a privacy phrase.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AnswerErasureCommand {

    private final ReflectionPhrases phrases;
    private final ReflectionCommands commands;

    /**
     * @param message the message, mention removed
     * @param intent  what the intent model read
     * @return the private confirmation, or empty when the message is not this request
     */
    public Optional<List<Reply>> answer(IncomingMessage message, RecognizedIntent intent) {
        boolean reflection = ReflectionIntents.START.equals(intent.name()) || ReflectionIntents.LIST.equals(intent.name());
        if (!reflection || phrases.command(message.text()).filter(c -> c == Command.DELETE_MINE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(commands.deleteMine(message).replies());
    }
}
