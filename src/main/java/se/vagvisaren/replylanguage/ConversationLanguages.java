package se.vagvisaren.replylanguage;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.LanguageSwitch;
import se.vagvisaren.language.OwnVocabulary;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.TextLanguage;

/**
 * One reply language per person and conversation. It is decided from what the person writes and
 * remembered ({@link LanguageMemory}); the Teams client locale counts only when nothing was written or
 * remembered (a card press, an emoji), because many Swedish staff run Teams in English. Order of evidence:
 * <ol>
 *   <li>an explicit request ("svara på engelska"): kept until another request;</li>
 *   <li>a message clearly written in one language (several known words that agree);</li>
 *   <li>the language remembered for this person here;</li>
 *   <li>a short message's own words (a command word only one language uses, "hjälp"), then the locale;
 *       a locale the bot does not speak ({@code fi-FI}, {@code ar}) gives Swedish.</li>
 * </ol>
 * A card press uses the remembered language, then the language the card was shown in ({@code lang} in
 * its data), then the locale. A database failure never stops a reply: the decision is then not stored.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConversationLanguages {

    private static final Logger log = LoggerFactory.getLogger(ConversationLanguages.class);

    private final LanguageMemory memory;
    private final MessageUnderstanding understanding;
    private final LanguageSwitch switches;
    private final OwnVocabulary vocabulary;
    private final ReplyTexts texts;

    /**
     * The reply language for a chat message, remembered when the words said it.
     *
     * @param locale the Teams activity locale, or {@code null}
     */
    public Language forMessage(IncomingMessage message, String locale) {
        Optional<LanguageMemory.Choice> remembered = recall(message.conversation(), message.sender().id());
        if (remembered.isPresent() && remembered.get().explicit()) {
            return remembered.get().language();
        }
        TextLanguage said = understanding.textLanguage(message.text());
        if (said.clear()) {
            if (remembered.isEmpty() || remembered.get().language() != said.language()) {
                store(message, new LanguageMemory.Choice(said.language(), false));
            }
            return said.language();
        }
        if (remembered.isPresent()) {
            return remembered.get().language();
        }
        Language ownWord = vocabulary.match(message.text()).map(OwnVocabulary.OwnWord::language).orElse(null);
        if (ownWord != null) {
            store(message, new LanguageMemory.Choice(ownWord, false));
            return ownWord;
        }
        if (said.strength() == TextLanguage.Strength.WEAK) {
            // A few words and the locale together, as the intent model reads them; remembered only when
            // the words lean the same way, so a locale alone never settles the conversation.
            Language guess = understanding.understand(message.text(), locale, null).language();
            if (guess == said.language()) {
                store(message, new LanguageMemory.Choice(guess, false));
            }
            return guess;
        }
        return Language.fromCode(locale);
    }

    /**
     * An explicit request to change language: stores it and returns the confirmation, written in the new
     * language. Empty when the message asks for no language.
     */
    public Optional<Reply> switchIfAsked(IncomingMessage message) {
        Optional<Language> requested = switches.requested(message.text());
        requested.ifPresent(language -> store(message, new LanguageMemory.Choice(language, true)));
        return requested.map(language -> Reply.text(texts.get(language, "language.switched")));
    }

    /**
     * The reply language for a card press.
     *
     * @param cardLanguage the {@code lang} in the card's data (the language it was shown in), or {@code null}
     * @param locale       the Teams activity locale, or {@code null}
     */
    public Language forCardAction(IncomingMessage message, String cardLanguage, String locale) {
        Optional<LanguageMemory.Choice> remembered = recall(message.conversation(), message.sender().id());
        if (remembered.isPresent()) {
            return remembered.get().language();
        }
        if (cardLanguage != null && !cardLanguage.isBlank()) {
            return Language.fromCode(cardLanguage);
        }
        return Language.fromCode(locale);
    }

    /**
     * The language to speak to a person in a conversation when they wrote nothing (a welcome, an error).
     *
     * @param fallback used when nothing is remembered
     */
    public Language remembered(ConversationKey conversation, String userId, Language fallback) {
        return recall(conversation, userId).map(LanguageMemory.Choice::language).orElse(fallback);
    }

    private Optional<LanguageMemory.Choice> recall(ConversationKey conversation, String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        try {
            return memory.recall(conversation, userId);
        } catch (DataAccessException e) {
            log.warn("Could not read a conversation language: {}", e.getMostSpecificCause().toString());
            return Optional.empty();
        }
    }

    private void store(IncomingMessage message, LanguageMemory.Choice choice) {
        String userId = message.sender().id();
        if (userId == null || userId.isBlank()) {
            return;
        }
        try {
            memory.remember(message.conversation(), userId, choice);
        } catch (DataAccessException e) {
            log.warn("Could not store a conversation language: {}", e.getMostSpecificCause().toString());
        }
    }
}
