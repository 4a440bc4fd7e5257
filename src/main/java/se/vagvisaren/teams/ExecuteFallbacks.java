package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives every {@code Action.Execute} of an outgoing card an {@code Action.Submit} fallback, as Microsoft asks
 * for clients without Universal Actions (older Teams clients, some mobile versions): same title, the same
 * data plus the {@code verb} (a submit is routed by the verb in its data) and {@code "via": "submit"} (so a
 * handler knows it cannot replace the card in the invoke response). The templates in {@code dialogs/cards}
 * carry their fallbacks already (CardTemplatesFallbackTest); this covers buttons built in code.
 */
final class ExecuteFallbacks {

    private ExecuteFallbacks() {
    }

    /**
     * {@code card} itself when every Execute has its fallback (the usual case: no copy), else a copy with the
     * missing fallbacks added; {@code null} stays {@code null}.
     */
    static JsonNode ensure(JsonNode card) {
        if (card == null || !missing(card)) {
            return card;
        }
        JsonNode copy = card.deepCopy();
        visit(copy);
        return copy;
    }

    private static boolean missing(JsonNode node) {
        if (node.isObject() && "Action.Execute".equals(node.path("type").asText()) && !node.has("fallback")) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (missing(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void visit(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if ("Action.Execute".equals(object.path("type").asText()) && !object.has("fallback")) {
                object.set("fallback", fallback(object));
            }
            object.forEach(ExecuteFallbacks::visit);
        } else if (node.isArray()) {
            node.forEach(ExecuteFallbacks::visit);
        }
    }

    private static ObjectNode fallback(ObjectNode execute) {
        ObjectNode submit = execute.objectNode();
        submit.put("type", "Action.Submit");
        if (execute.has("title")) {
            submit.set("title", execute.get("title"));
        }
        if (execute.has("associatedInputs")) {
            submit.set("associatedInputs", execute.get("associatedInputs"));
        }
        ObjectNode data = execute.path("data").isObject() ? ((ObjectNode) execute.get("data")).deepCopy() : execute.objectNode();
        if (execute.hasNonNull("verb")) {
            data.set("verb", execute.get("verb"));
        }
        data.put("via", "submit");
        submit.set("data", data);
        return submit;
    }
}
