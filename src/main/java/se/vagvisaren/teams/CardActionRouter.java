package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.routing.CardActionPipeline;

/**
 * Hands a press on one of our Adaptive Cards to the {@link CardActionPipeline}, which decides who answers
 * (see docs/architecture.md), with the longest text this Teams edge accepts.
 */
@Component
class CardActionRouter {

    private final CardActionPipeline pipeline;
    private final TeamsProperties properties;

    CardActionRouter(CardActionPipeline pipeline, TeamsProperties properties) {
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /**
     * @param verb    the action verb ({@code Action.Execute} verb, or {@code verb} field of submit data)
     * @param data    the submitted data; may be {@code null}
     * @param locale  the Teams activity locale, or {@code null}
     */
    CardActionResult route(String verb, JsonNode data, IncomingMessage pressed, String cardActivityId, String locale) {
        return pipeline.route(verb, data, pressed, cardActivityId, locale, properties.maxMessageChars());
    }
}
