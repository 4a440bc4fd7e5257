package se.vagvisaren.safeguarding;

import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Answers "vad sparar du?" ({@code privacy_info}), "visa mina uppgifter" ({@code privacy_export}) and
 * "radera mina uppgifter" ({@code privacy_erase}). A person's data is only ever shown, and erasure only
 * confirmed, in their 1:1 chat: asked in a channel, the bot says so there and answers privately.
 * Erasure itself happens when the confirmation card is pressed ({@link PrivacyCardActions}).
 */
@Component
@RequiredArgsConstructor
class PrivacyIntents implements IntentHandler {

    static final String ACTOR = "user";

    private final PersonalDataRegistry registry;
    private final PrivacyReplies replies;
    private final ReplyTexts texts;

    @Override
    public Set<String> intents() {
        return PrivacyCommands.INTENTS;
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        Language language = message.language();
        if (PrivacyCommands.INFO.equals(intent.name())) {
            return List.of(replies.info(language));
        }
        if (!PrivacyCommands.EXPORT.equals(intent.name()) && !PrivacyCommands.ERASE.equals(intent.name())) {
            return List.of();
        }
        if (!message.hasSenderId()) {
            return List.of(Reply.text(texts.get(language, "privacy.unknown_user")));
        }
        Reply personal = PrivacyCommands.EXPORT.equals(intent.name())
                ? replies.export(registry.exportUser(message.conversation().tenantId(), message.sender().id(), ACTOR), language)
                : replies.eraseConfirmation(language);
        if (message.scope() != null && message.scope().isShared()) {
            return List.of(Reply.text(texts.get(language, "privacy.shared_scope")), personal.privately());
        }
        return List.of(personal);
    }
}
