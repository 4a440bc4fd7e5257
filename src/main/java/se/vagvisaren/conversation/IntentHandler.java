package se.vagvisaren.conversation;

import java.util.List;
import java.util.Set;

/**
 * A feature's entry point for chat messages. The bot classifies each message and hands it to the
 * handler that declares the predicted intent. Handlers return replies; they never talk to Teams.
 */
public interface IntentHandler {

    /** Intent names (see {@code dialogs/intents}) this handler answers. */
    Set<String> intents();

    /**
     * Handles one message.
     *
     * @param message the message, mention removed
     * @param intent  the intent that selected this handler
     * @return replies in the order they should be sent; empty when nothing should be said
     */
    List<Reply> handle(IncomingMessage message, RecognizedIntent intent);
}
