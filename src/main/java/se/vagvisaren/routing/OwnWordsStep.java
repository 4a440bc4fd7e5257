package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.OwnVocabulary;

/** The bot's own menu and card words ({@link OwnVocabulary}) go to the intent they name; see {@link StepOrder#OWN_WORDS}. */
@Component
@Order(StepOrder.OWN_WORDS)
@RequiredArgsConstructor
class OwnWordsStep implements RoutingStep {

    private final OwnVocabulary ownWords;
    private final IntentHandlers intents;
    private final ReplyTexts texts;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return ownWords.match(turn.message().text()).map(word -> new Routed<>("own_word", replies(turn, word)));
    }

    private List<Reply> replies(MessageTurn turn, OwnVocabulary.OwnWord word) {
        if (OwnVocabulary.ASK.equals(word.intent()) || word.text().isBlank()) {
            return List.of(Reply.text(texts.get(turn.message().language(), "language.ask-prompt")));
        }
        return intents.dispatch(turn.message().withText(word.text()), RecognizedIntent.of(word.intent()));
    }
}
