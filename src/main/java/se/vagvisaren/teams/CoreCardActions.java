package se.vagvisaren.teams;

import java.util.List;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;

/** Answers the "did you mean…?" buttons by handing the original text to the chosen intent. */
@Component
class CoreCardActions implements CardActionHandler {

    private final MessageRouter router;
    private final TeamsProperties properties;

    CoreCardActions(MessageRouter router, TeamsProperties properties) {
        this.router = router;
        this.properties = properties;
    }

    @Override
    public String feature() {
        return "core";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        if (!"core.choose".equals(action.verb())) {
            return CardActionResult.unknown();
        }
        String intent = action.data().path("intent").asText("");
        String text = action.data().path("text").asText("");
        // Card data is client-controlled: only intents a feature really answers, and no more text than Teams allows.
        if (!router.handles(intent) || text.length() > properties.maxMessageChars()) {
            return CardActionResult.unknown();
        }
        List<Reply> replies = router.dispatch(action.message().withText(text), RecognizedIntent.of(intent));
        return new CardActionResult(replies, null, null, CardActionResult.Outcome.DONE);
    }
}
