package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import se.vagvisaren.conversation.Language;

/** Adaptive Card elements built as JSON trees (never by string concatenation), for the sections filled in code. */
final class CardItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CardItems() {
    }

    /** A bold section heading; {@code text} must already be escaped if it holds user text. */
    static ObjectNode heading(String text) {
        ObjectNode block = text(text);
        block.put("weight", "Bolder");
        block.put("spacing", "Medium");
        return block;
    }

    /** A wrapping TextBlock; {@code text} must already be escaped if it holds user text. */
    static ObjectNode text(String text) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    static ObjectNode subtle(String text) {
        ObjectNode block = text(text);
        block.put("isSubtle", true);
        block.put("spacing", "None");
        return block;
    }

    /** An Action.OpenUrl; only pass links that passed {@link LinkCheck}. */
    static ObjectNode openUrl(String title, String url) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.OpenUrl");
        action.put("title", title);
        action.put("url", url);
        return action;
    }

    /** Fills a ChoiceSet with the five steps, labelled "1 · Initiera samverkan". */
    static void stepChoices(ObjectNode choiceSet, Map<Integer, Map<Language, String>> names, Language language) {
        ArrayNode choices = choiceSet.putArray("choices");
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            ObjectNode choice = choices.addObject();
            choice.put("title", step + " · " + names.getOrDefault(step, Map.of()).getOrDefault(language, ""));
            choice.put("value", Integer.toString(step));
        }
    }

    /** Finds the body element with {@code id} (inputs), or throws when the template lost it. */
    static ObjectNode byId(ObjectNode card, String id) {
        for (var element : card.withArray("body")) {
            if (id.equals(element.path("id").asText())) {
                return (ObjectNode) element;
            }
        }
        throw new IllegalStateException("Card template has no element with id " + id);
    }
}
