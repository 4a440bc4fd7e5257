package se.vagvisaren.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;

/**
 * Writes the reply language into the data of every button on our cards ({@code "lang": "sv"}), so a press
 * on a card is answered in the language the card was shown in even where nobody's language is
 * remembered (a proactive card in a channel, a colleague's first press).
 */
public final class CardLanguage {

    private CardLanguage() {
    }

    /** The replies with {@code language} in the data of each action that carries a verb. */
    public static List<Reply> stamp(List<Reply> replies, Language language) {
        return replies.stream().map(reply -> reply.card() == null ? reply
                : reply.withCard(stamp(reply.card(), language))).toList();
    }

    /** A copy of {@code card} with {@code language} in each verb-carrying action; {@code null} stays {@code null}. */
    public static JsonNode stamp(JsonNode card, Language language) {
        if (card == null) {
            return null;
        }
        JsonNode copy = card.deepCopy();
        visit(copy, language);
        return copy;
    }

    private static void visit(JsonNode node, Language language) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String type = object.path("type").asText("");
            JsonNode data = object.get("data");
            if (type.startsWith("Action.") && data instanceof ObjectNode dataObject
                    && (dataObject.has("verb") || object.has("verb"))) {
                dataObject.put("lang", language.code());
            } else if ("Action.Execute".equals(type) && data == null && object.has("verb")) {
                object.putObject("data").put("lang", language.code());
            }
        }
        for (JsonNode child : node) {
            visit(child, language);
        }
    }
}
