package se.vagvisaren.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;

/** Every feature's {@link IntentHandler} by the intents it declares; start-up fails when two declare one intent. */
@Component
class IntentHandlers {

    private final Map<String, IntentHandler> handlers = new HashMap<>();
    private final CoreIntents core;

    IntentHandlers(List<IntentHandler> intentHandlers, CoreIntents core) {
        this.core = core;
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

    /** Hands the message to the handler of {@code intent}, or to the fallback when no feature declares it. */
    List<Reply> dispatch(IncomingMessage message, RecognizedIntent intent) {
        IntentHandler handler = handlers.get(intent.name());
        if (handler == null) {
            return List.of(core.fallback(message));
        }
        return handler.handle(message, intent);
    }

    /** Whether some feature answers this intent (used to offer and accept only working choices). */
    boolean handles(String intent) {
        return handlers.containsKey(intent);
    }
}
