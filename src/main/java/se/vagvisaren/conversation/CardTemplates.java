package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adaptive Card templates from {@code dialogs/cards/<name>.json}. A template's string values may hold
 * placeholders {@code {key}} ({@link Placeholders}); {@link #fill} replaces them inside the parsed JSON tree, so a value
 * containing quotes or braces can never break the card (unlike text substitution on raw JSON).
 */
@Component
public class CardTemplates {


    private final ContentSource dialogs;
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

    public CardTemplates(@Qualifier("dialogs") ContentSource dialogs) {
        this.dialogs = dialogs;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        if ("dialogs".equals(event.area())) {
            cache.clear();
        }
    }

    /**
     * A fresh, filled copy of template {@code name}. Placeholders without a value stay as they are.
     *
     * @throws IllegalArgumentException when there is no such template or it is not valid JSON
     */
    public ObjectNode fill(String name, Map<String, String> values) {
        JsonNode template = cache.computeIfAbsent(name, this::load);
        ObjectNode copy = (ObjectNode) template.deepCopy();
        return (ObjectNode) replace(copy, values);
    }

    private JsonNode load(String name) {
        ContentSource.ContentFile file = dialogs.file("cards/" + name + ".json");
        if (file == null) {
            throw new IllegalArgumentException("No card template cards/" + name + ".json");
        }
        try (InputStream in = file.open()) {
            JsonNode node = Mappers.JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("Card template " + file.name() + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("Card template " + file.name() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode replace(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            String text = node.asText();
            // One pass (Placeholders.fill): a value that itself contains "{other}" is inserted as written.
            return Placeholders.present(text) ? TextNode.valueOf(Placeholders.fill(text, values)) : node;
        }
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(replace(e.getValue(), values));
            }
        } else if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, replace(arr.get(i), values));
            }
        }
        return node;
    }

    /** An empty Adaptive Card 1.5 to build on in code when no template fits. */
    public static ObjectNode emptyCard() {
        ObjectNode card = Mappers.JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        card.putArray("body");
        return card;
    }
}
