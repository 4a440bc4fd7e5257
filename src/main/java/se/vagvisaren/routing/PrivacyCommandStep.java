package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.safeguarding.PrivacyCommands;

/** "vad sparar du?", "visa/radera mina uppgifter" by the words of {@link PrivacyCommands}; see {@link StepOrder#PRIVACY}. */
@Component
@Order(StepOrder.PRIVACY)
@RequiredArgsConstructor
class PrivacyCommandStep implements RoutingStep {

    private final PrivacyCommands privacyCommands;
    private final IntentHandlers intents;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return privacyCommands.privacyCommand(turn.message().text())
                .map(privacy -> new Routed<>(privacy, intents.dispatch(turn.message(), RecognizedIntent.of(privacy))));
    }
}
