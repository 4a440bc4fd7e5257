package se.vagvisaren.teams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.RoleCommands;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.CardLanguage;
import se.vagvisaren.language.OwnVocabulary;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.Understanding;
import se.vagvisaren.replylanguage.ConversationLanguages;
import se.vagvisaren.safeguarding.CrisisCheck;
import se.vagvisaren.safeguarding.PrivacyCommands;

/**
 * Decides who answers a chat message. A sign of danger always gets the crisis reply first; then a
 * too-long message is refused politely, privacy and role commands go to their owners, and everything
 * else is read by NLU and handed to the {@link IntentHandler} that declares the intent. When two intents are too
 * close the user is asked which one was meant; when nothing fits, the fallback answers.
 */
@Component
class MessageRouter {

    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");
    private static final String URGENT_HELP = "urgent_help";
    private static final String HANDBOOK_QUESTION = "handbook_question";

    private final MessageUnderstanding understanding;
    private final Map<String, IntentHandler> handlers = new HashMap<>();
    private final CoreReplies core;
    private final RoleCommands roleCommands;
    private final CrisisCheck crisisCheck;
    private final PrivacyCommands privacyCommands;
    private final TeamsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer nluTimer;
    private final ConversationLanguages languages;
    private final OwnVocabulary ownWords;
    private final ReplyTexts texts;

    MessageRouter(MessageUnderstanding understanding, List<IntentHandler> intentHandlers, CoreReplies core,
                  CrisisCheck crisisCheck, PrivacyCommands privacyCommands, RoleCommands roleCommands,
                  TeamsProperties properties, Clock clock, MeterRegistry meters, ConversationLanguages languages,
                  OwnVocabulary ownWords, ReplyTexts texts) {
        this.languages = languages;
        this.ownWords = ownWords;
        this.texts = texts;
        this.crisisCheck = crisisCheck;
        this.privacyCommands = privacyCommands;
        this.roleCommands = roleCommands;
        this.understanding = understanding;
        this.core = core;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.nluTimer = Timer.builder("vagvisaren.nlu.latency").description("Time to read one message")
                .publishPercentiles(0.5, 0.99).register(meters);
        for (IntentHandler handler : intentHandlers) {
            for (String intent : handler.intents()) {
                IntentHandler previous = handlers.put(intent, handler);
                if (previous != null) {
                    throw new IllegalStateException("Intent " + intent + " has two handlers: "
                            + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Replies to one chat message, in sending order.
     *
     * @param mentioned the people @mentioned in the message, resolved only when a command needs them
     */
    List<Reply> route(IncomingMessage message, String locale, Supplier<List<RoleCommands.MentionedPerson>> mentioned) {
        boolean tooLong = message.text().length() > properties.maxMessageChars();
        IncomingMessage readable = tooLong ? message.withText(message.text().substring(0, properties.maxMessageChars())) : message;
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(DEFAULT_ZONE));
        Understanding result = nluTimer.record(() -> understanding.understand(readable.text(), locale, now));
        // The reply language is the conversation's (ConversationLanguages), not necessarily the text's.
        IncomingMessage read = readable.withLanguage(languages.forMessage(readable, locale));
        return CardLanguage.stamp(answer(read, result, tooLong, mentioned), read.language());
    }

    private List<Reply> answer(IncomingMessage read, Understanding result, boolean tooLong,
                               Supplier<List<RoleCommands.MentionedPerson>> mentioned) {
        RecognizedIntent intent = withoutUrgentHelp(result);

        // Safety first, whatever else the message is: support numbers before anything is stored or answered.
        List<Reply> crisis = crisisCheck.respond(read, safetyIntent(result));
        if (!crisis.isEmpty()) {
            meters.counter("vagvisaren.messages.in", "intent", "urgent_help").increment();
            return crisis;
        }
        if (tooLong) {
            meters.counter("vagvisaren.messages.in", "intent", "too_long").increment();
            return List.of(core.tooLong(read.language(), properties.maxMessageChars()));
        }
        if (read.text().isBlank()) {
            // Only an @mention (or only a picture): say how to go on instead of "I did not understand".
            meters.counter("vagvisaren.messages.in", "intent", "empty").increment();
            return List.of(core.emptyMessage(read.language()));
        }
        Optional<Reply> switched = languages.switchIfAsked(read);
        if (switched.isPresent()) {
            meters.counter("vagvisaren.messages.in", "intent", "language_switch").increment();
            return List.of(switched.get());
        }
        // Commands that change permissions or erase data are recognised by fixed words, never guessed.
        Optional<String> privacy = privacyCommands.privacyCommand(read.text());
        if (privacy.isPresent()) {
            meters.counter("vagvisaren.messages.in", "intent", privacy.get()).increment();
            return dispatch(read, RecognizedIntent.of(privacy.get()));
        }
        Optional<RoleCommands.Command> roleCommand = roleCommands.parse(read.text());
        if (roleCommand.isPresent()) {
            meters.counter("vagvisaren.messages.in", "intent", "role_command").increment();
            return roleCommands.execute(roleCommand.get(), read, mentioned.get());
        }
        // The bot's own menu and card words mean what the menu promises, whatever the model would guess.
        Optional<OwnVocabulary.OwnWord> ownWord = ownWords.match(read.text());
        if (ownWord.isPresent()) {
            meters.counter("vagvisaren.messages.in", "intent", "own_word").increment();
            return ownWord(read, ownWord.get());
        }
        meters.counter("vagvisaren.messages.in", "intent", intent.name()).increment();
        log.debug("Activity {} classified as {} ({})", read.activityId(), intent.name(), intent.confidence());
        if (result.ambiguous() && result.ranking().size() >= 2) {
            return List.of(core.askWhichIntent(read, result.ranking().get(0).name(), result.ranking().get(1).name()));
        }
        if (HANDBOOK_QUESTION.equals(intent.name())) {
            // The handbook search gets the words the person meant: one wrong letter must not lose the answer.
            return dispatch(read.withText(understanding.mended(read.text())), intent);
        }
        return dispatch(read, intent);
    }

    /**
     * The intent the crisis check sees: {@code urgent_help} with its probability from the ranking, wherever it
     * ranks. The crisis check decides at which probability the model alone may trigger the crisis reply
     * (issue 16), and an idiom in its phrase file overrides the model.
     */
    private static RecognizedIntent safetyIntent(Understanding result) {
        return result.ranking().stream().filter(s -> URGENT_HELP.equals(s.name())).findFirst()
                .map(s -> new RecognizedIntent(URGENT_HELP, s.confidence(), List.of()))
                .orElse(result.intent());
    }

    /** When the crisis check declined {@code urgent_help}, the best other intent answers instead. */
    private static RecognizedIntent withoutUrgentHelp(Understanding result) {
        RecognizedIntent intent = result.intent();
        if (!URGENT_HELP.equals(intent.name())) {
            return intent;
        }
        return result.ranking().stream().filter(s -> !URGENT_HELP.equals(s.name())).findFirst()
                .map(s -> new RecognizedIntent(s.name(), s.confidence(), intent.entities()))
                .orElse(intent);
    }

    private List<Reply> ownWord(IncomingMessage message, OwnVocabulary.OwnWord word) {
        if (OwnVocabulary.ASK.equals(word.intent()) || word.text().isBlank()) {
            return List.of(Reply.text(texts.get(message.language(), "language.ask-prompt")));
        }
        return dispatch(message.withText(word.text()), RecognizedIntent.of(word.intent()));
    }

    /** Hands the message to the handler of {@code intent}, or to the fallback. */
    List<Reply> dispatch(IncomingMessage message, RecognizedIntent intent) {
        IntentHandler handler = handlers.get(intent.name());
        if (handler == null) {
            return List.of(core.fallback(message));
        }
        return handler.handle(message, intent);
    }

    /** Whether some feature answers this intent (used to offer only working choices). */
    boolean handles(String intent) {
        return handlers.containsKey(intent);
    }
}
