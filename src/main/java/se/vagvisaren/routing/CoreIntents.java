package se.vagvisaren.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;

/**
 * The bot's own small talk ({@code greeting}, {@code help}, {@code thanks}, {@code out_of_scope}) and the
 * replies the routing steps send themselves: fallback, empty and too-long messages, the "did you mean…?"
 * question, unknown card actions, and the welcome on install (sent by {@code teams}). Texts come from
 * {@code dialogs/replies/<lang>/core.yaml}, cards from
 * {@code dialogs/cards/}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CoreIntents implements IntentHandler {

    private final ReplyTexts texts;
    private final CardTemplates cards;

    @Override
    public Set<String> intents() {
        return Set.of("greeting", "help", "thanks", "out_of_scope");
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        Language lang = message.language();
        boolean personal = message.scope() == Scope.PERSONAL;
        return switch (intent.name()) {
            case "greeting" -> List.of(nextSteps(Reply.text(texts.get(lang, "core.greeting")), personal, lang));
            case "help" -> List.of(nextSteps(help(lang), personal, lang));
            case "thanks" -> List.of(Reply.text(texts.get(lang, "core.thanks")));
            default -> List.of(fallback(message));
        };
    }

    /** The help card listing what the bot can do, with example phrases as buttons. */
    Reply help(Language lang) {
        String p = "core.help.";
        ObjectNode card = cards.fill("help", Map.ofEntries(
                Map.entry("title", texts.get(lang, p + "title")),
                Map.entry("intro", texts.get(lang, p + "intro")),
                Map.entry("askTitle", texts.get(lang, p + "ask.title")),
                Map.entry("askText", texts.get(lang, p + "ask.text")),
                Map.entry("reflectionTitle", texts.get(lang, p + "reflection.title")),
                Map.entry("reflectionText", texts.get(lang, p + "reflection.text")),
                Map.entry("deadlinesTitle", texts.get(lang, p + "deadlines.title")),
                Map.entry("deadlinesText", texts.get(lang, p + "deadlines.text")),
                Map.entry("progressTitle", texts.get(lang, p + "progress.title")),
                Map.entry("progressText", texts.get(lang, p + "progress.text")),
                Map.entry("supportTitle", texts.get(lang, p + "support.title")),
                Map.entry("supportText", texts.get(lang, p + "support.text")),
                Map.entry("privacyText", texts.get(lang, p + "privacy")),
                Map.entry("exampleAsk", texts.get(lang, p + "example.ask")),
                Map.entry("exampleReflection", texts.get(lang, p + "example.reflection")),
                Map.entry("exampleDeadlines", texts.get(lang, p + "example.deadlines"))));
        return Reply.card(texts.get(lang, p + "title"), card);
    }

    Reply fallback(IncomingMessage message) {
        return Reply.text(texts.get(message.language(), "core.fallback"));
    }

    /** For a message that was only an @mention. */
    Reply emptyMessage(Language lang) {
        return Reply.text(texts.get(lang, "core.empty"));
    }

    Reply tooLong(Language lang, int maxChars) {
        return Reply.text(texts.get(lang, "core.too-long", "max", maxChars));
    }

    /** Welcome after installation; shorter in shared conversations so a channel is not flooded. */
    public Reply welcome(Scope scope, Language lang) {
        String key = scope == Scope.PERSONAL ? "core.welcome.personal" : "core.welcome.team";
        return nextSteps(Reply.text(texts.get(lang, key)), scope == Scope.PERSONAL, lang);
    }

    /** The keys of the three next steps offered after a greeting or the help card in a 1:1 chat. */
    static final List<String> NEXT_STEPS = List.of("core.next-steps.ask", "core.next-steps.reflection",
            "core.next-steps.deadlines");

    /**
     * The reply with the three most useful next steps as suggested actions; only in 1:1 chats, the one place
     * Teams shows them. Each text goes back as the person's own message, so it must be something the router
     * understands in that language (tested by sending each one back).
     */
    Reply nextSteps(Reply reply, boolean personal, Language lang) {
        return personal ? reply.withSuggestions(NEXT_STEPS.stream().map(key -> texts.get(lang, key)).toList()) : reply;
    }

    /** Asks which of two intents was meant; each button re-sends the text with that intent. */
    Reply askWhichIntent(IncomingMessage message, String first, String second) {
        Language lang = message.language();
        ObjectNode card = cards.fill("choose-intent", Map.of("question", texts.get(lang, "core.choose.question")));
        ArrayNode actions = card.withArray("actions");
        for (String intent : List.of(first, second)) {
            ObjectNode action = actions.addObject();
            action.put("type", "Action.Submit");
            action.put("title", texts.get(lang, "core.choose.intent." + intent));
            ObjectNode data = action.putObject("data");
            data.put("verb", "core.choose");
            data.put("intent", intent);
            data.put("text", message.text());
        }
        return Reply.card(texts.get(lang, "core.choose.question"), card);
    }

    Reply unknownAction(Language lang) {
        return Reply.text(texts.get(lang, "core.unknown-action"));
    }
}
