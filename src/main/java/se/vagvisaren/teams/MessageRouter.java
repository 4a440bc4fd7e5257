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
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.Understanding;

/**
 * Decides who answers a chat message: a too-long message is refused politely, role commands go to
 * {@link RoleCommands}, then the message is read by NLU and handed to the {@link IntentHandler} that declares the intent. When two intents are too
 * close the user is asked which one was meant; when nothing fits, the fallback answers.
 */
@Component
class MessageRouter {

    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

    private final MessageUnderstanding understanding;
    private final Map<String, IntentHandler> handlers = new HashMap<>();
    private final CoreReplies core;
    private final RoleCommands roleCommands;
    private final TeamsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer nluTimer;

    MessageRouter(MessageUnderstanding understanding, List<IntentHandler> intentHandlers, CoreReplies core,
                  RoleCommands roleCommands, TeamsProperties properties, Clock clock, MeterRegistry meters) {
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
        if (message.text().length() > properties.maxMessageChars()) {
            meters.counter("vagvisaren.messages.in", "intent", "too_long").increment();
            return List.of(core.tooLong(message.language(), properties.maxMessageChars()));
        }
        Optional<RoleCommands.Command> roleCommand = roleCommands.parse(message.text());
        if (roleCommand.isPresent()) {
            meters.counter("vagvisaren.messages.in", "intent", "role_command").increment();
            IncomingMessage inLanguage = message.withLanguage(languageOf(message, locale));
            return roleCommands.execute(roleCommand.get(), inLanguage, mentioned.get());
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(DEFAULT_ZONE));
        Understanding result = nluTimer.record(() -> understanding.understand(message.text(), locale, now));
        IncomingMessage read = message.withLanguage(result.language());
        RecognizedIntent intent = result.intent();
        meters.counter("vagvisaren.messages.in", "intent", intent.name()).increment();
        log.debug("Activity {} classified as {} ({})", message.activityId(), intent.name(), intent.confidence());
        if (result.ambiguous() && result.ranking().size() >= 2) {
            return List.of(core.askWhichIntent(read, result.ranking().get(0).name(), result.ranking().get(1).name()));
        }
        return dispatch(read, intent);
    }

    private Language languageOf(IncomingMessage message, String locale) {
        return understanding.understand(message.text(), locale, ZonedDateTime.now(clock)).language();
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
