package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.replylanguage.ConversationLanguages;

/** "svara på engelska" switches the reply language ({@link ConversationLanguages}); see {@link StepOrder#LANGUAGE_SWITCH}. */
@Component
@Order(StepOrder.LANGUAGE_SWITCH)
@RequiredArgsConstructor
class LanguageSwitchStep implements RoutingStep {

    private final ConversationLanguages languages;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return languages.switchIfAsked(turn.message()).map(reply -> new Routed<>("language_switch", List.of(reply)));
    }
}
