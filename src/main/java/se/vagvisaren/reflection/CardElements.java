package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small Adaptive Card building blocks shared by the reflection cards; all values go in as JSON values. */
final class CardElements {

    static final String VIA = "via";
    static final String VIA_SUBMIT = "submit";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CardElements() {
    }

    /**
     * An {@code Action.Execute} (so the bot can answer with an updated card) that falls back to an
     * {@code Action.Submit} carrying the same data on clients without Universal Actions. The fallback's
     * data says {@code via: submit}, so the handler knows it cannot update the card in place.
     */
    static ObjectNode execute(String title, String verb, ObjectNode data) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.set("data", data.deepCopy());
        ObjectNode fallback = action.putObject("fallback");
        fallback.put("type", "Action.Submit");
        fallback.put("title", title);
        ObjectNode submitData = data.deepCopy();
        submitData.put("verb", verb);
        submitData.put(VIA, VIA_SUBMIT);
        fallback.set("data", submitData);
        return action;
    }

    /** An empty element of the given Adaptive Card type ({@code Container}, {@code Input.Text}…). */
    static ObjectNode element(String type) {
        ObjectNode element = NODES.objectNode();
        element.put("type", type);
        return element;
    }

    static ObjectNode text(String text) {
        ObjectNode block = element("TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    /** A one-line monospace text (text bars line up). */
    static ObjectNode mono(String text) {
        ObjectNode block = text(text);
        block.put("fontType", "Monospace");
        block.put("spacing", "None");
        return block;
    }

    /** Empty action data. */
    static ObjectNode data() {
        return NODES.objectNode();
    }

    static ObjectNode data(String key, String value) {
        ObjectNode data = NODES.objectNode();
        data.put(key, value);
        return data;
    }

    /** The {@code items} array of the body container with {@code id}. */
    static ArrayNode items(ObjectNode card, String id) {
        ObjectNode container = byId(card, id);
        if (container == null) {
            throw new IllegalStateException("Card template has no element " + id);
        }
        return container.withArray("items");
    }

    /** Removes the body element with {@code id}, if present. */
    static void remove(ObjectNode card, String id) {
        ArrayNode body = card.withArray("body");
        for (int i = 0; i < body.size(); i++) {
            if (id.equals(body.get(i).path("id").asText())) {
                body.remove(i);
                return;
            }
        }
    }

    private static ObjectNode byId(ObjectNode card, String id) {
        for (JsonNode element : card.withArray("body")) {
            if (id.equals(element.path("id").asText())) {
                return (ObjectNode) element;
            }
        }
        return null;
    }
}
