package se.vagvisaren.safeguarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;

/**
 * Presses on the erase confirmation card ({@code privacy.erase_confirm}, {@code privacy.erase_cancel}).
 * The card data is client-controlled, so it never names whose data to erase: it is always the
 * presser's own, and only in a 1:1 chat. The issue time on the card only limits how long the button works.
 */
@Component
@RequiredArgsConstructor
class PrivacyCardActions implements CardActionHandler {

    static final String CONFIRM = "privacy.erase_confirm";
    static final String CANCEL = "privacy.erase_cancel";
    /** Tolerated clock difference for an issue time slightly in the future. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final PersonalDataRegistry registry;
    private final PrivacyReplies replies;
    private final ReplyTexts texts;
    private final PrivacyProperties properties;
    private final Clock clock;

    @Override
    public String feature() {
        return "privacy";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        IncomingMessage message = action.message();
        Language language = message.language();
        if (CANCEL.equals(action.verb())) {
            String text = texts.get(language, "privacy.erase.cancelled");
            return CardActionResult.updateCard(replies.notice(text), text);
        }
        if (!CONFIRM.equals(action.verb())) {
            return CardActionResult.unknown();
        }
        if (message.scope() != Scope.PERSONAL) {
            return CardActionResult.refused(texts.get(language, "privacy.erase.only_personal"));
        }
        if (!message.hasSenderId()) {
            return CardActionResult.refused(texts.get(language, "privacy.unknown_user"));
        }
        if (!fresh(action)) {
            String text = texts.get(language, "privacy.erase.expired");
            return CardActionResult.refusedWithCard(replies.notice(text), text);
        }
        PersonalDataRegistry.Erasure erasure = registry.eraseUser(message.conversation().tenantId(),
                message.sender().id(), PrivacyIntents.ACTOR);
        String text;
        if (!erasure.failedStores().isEmpty()) {
            text = texts.get(language, "privacy.erase.partial", "count", erasure.total());
        } else if (erasure.total() == 0) {
            text = texts.get(language, "privacy.erase.nothing");
        } else if (erasure.total() == 1) {
            text = texts.get(language, "privacy.erase.done_one");
        } else {
            text = texts.get(language, "privacy.erase.done", "count", erasure.total());
        }
        return CardActionResult.updateCard(replies.notice(text), text);
    }

    private boolean fresh(CardAction action) {
        String issued = action.data() == null ? "" : action.data().path("issuedAt").asText("");
        if (!issued.matches("\\d{1,12}")) {
            return false;
        }
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(issued));
        Instant now = clock.instant();
        return !issuedAt.isAfter(now.plus(SKEW)) && !issuedAt.plus(properties.eraseConfirmation()).isBefore(now);
    }
}
