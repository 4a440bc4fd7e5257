package se.vagvisaren.teams;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.RoleCommands;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.routing.MessagePipeline;

/**
 * Hands a chat message to the {@link MessagePipeline}, which decides who answers (see docs/architecture.md),
 * with the longest text this Teams edge accepts ({@code vagvisaren.teams.max-message-chars}).
 */
@Component
class MessageRouter {

    private final MessagePipeline pipeline;
    private final TeamsProperties properties;

    MessageRouter(MessagePipeline pipeline, TeamsProperties properties) {
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /**
     * Replies to one chat message, in sending order.
     *
     * @param mentioned the people @mentioned in the message, resolved only when a command needs them
     */
    List<Reply> route(IncomingMessage message, String locale, Supplier<List<RoleCommands.MentionedPerson>> mentioned) {
        return pipeline.route(message, locale, properties.maxMessageChars(), mentioned);
    }
}
