package se.vagvisaren.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.RoleCommands.MentionedPerson;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.language.CardLanguage;
import se.vagvisaren.replylanguage.ConversationLanguages;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.Understanding;

/**
 * Decides who answers a chat message: reads it once (NLU, reply language), then asks the {@link RoutingStep}s
 * in {@link StepOrder} until one answers. Every card button in the replies gets the reply language
 * ({@link CardLanguage}).
 */
@Component
public class MessagePipeline {

    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    private final List<RoutingStep> steps;
    private final MessageUnderstanding understanding;
    private final ConversationLanguages languages;
    private final WorkspaceZones zones;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer nluTimer;

    /** @param steps the steps, sorted by their {@code @Order} (Spring sorts an injected list) */
    MessagePipeline(List<RoutingStep> steps, MessageUnderstanding understanding, ConversationLanguages languages,
                    WorkspaceZones zones, Clock clock, MeterRegistry meters) {
        this.steps = List.copyOf(steps);
        this.understanding = understanding;
        this.languages = languages;
        this.zones = zones;
        this.clock = clock;
        this.meters = meters;
        this.nluTimer = Timer.builder("vagvisaren.nlu.latency").description("Time to read one message")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Replies to one chat message, in sending order.
     *
     * @param message   the message, mention removed
     * @param locale    the client's locale such as {@code sv-SE}, or {@code null}
     * @param maxChars  the longest text handled; a longer one is read up to this length and then refused
     * @param mentioned the people @mentioned in the message, resolved only when a step needs them
     */
    public List<Reply> route(IncomingMessage message, String locale, int maxChars, Supplier<List<MentionedPerson>> mentioned) {
        boolean tooLong = message.text().length() > maxChars;
        IncomingMessage readable = tooLong ? message.withText(message.text().substring(0, maxChars)) : message;
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zones.of(readable.workspaceId())));
        Understanding result = nluTimer.record(() -> understanding.understand(readable.text(), locale, now));
        // The reply language is the conversation's (ConversationLanguages), not necessarily the text's.
        IncomingMessage read = readable.withLanguage(languages.forMessage(readable, locale));
        MessageTurn turn = new MessageTurn(read, result, tooLong, maxChars, mentioned);
        for (RoutingStep step : steps) {
            Optional<Routed<List<Reply>>> routed = step.answer(turn);
            if (routed.isPresent()) {
                meters.counter("vagvisaren.messages.in", "intent", routed.get().tag()).increment();
                return CardLanguage.stamp(routed.get().answer(), read.language());
            }
        }
        log.warn("No routing step answered activity {}", read.activityId());
        return List.of();
    }

    /** The step classes in the order they are asked (for tests and the documentation). */
    List<Class<?>> order() {
        return steps.stream().<Class<?>>map(Object::getClass).toList();
    }
}
