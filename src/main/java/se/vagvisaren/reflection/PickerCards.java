package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * The exercise picker ({@code reflection-picker.json}, numbered like "övning 2" in chat) and the
 * launch-permission settings card ({@code reflection-settings.json}).
 */
@Component
class PickerCards {

    static final String VERB_LAUNCH = "reflection.launch";
    static final String VERB_SETTINGS = "reflection.settings";
    static final String EXERCISE = "exerciseId";
    static final String NAMED = "named";
    static final String SCHEDULE = "schedule";
    private static final int PURPOSE_CHARS = 180;

    private final CardTemplates templates;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;

    PickerCards(CardTemplates templates, ReplyTexts texts, ReflectionProperties properties) {
        this.templates = templates;
        this.texts = texts;
        this.properties = properties;
    }

    /**
     * @param all       the whole catalog, for the numbers
     * @param shown     the exercises to offer (all, or those a message matched)
     * @param shared    whether the chat is a channel or group chat (offers named answers)
     * @param schedule  planned launch times (ISO instants, comma-separated) to carry to the launch, or {@code null}
     * @param introKey  the reply-text key of the intro line
     * @param when      the planned times in words, for the intro
     */
    Reply picker(Language lang, List<Exercise> all, List<Exercise> shown, boolean shared, String schedule,
                 String introKey, String when) {
        String title = texts.get(lang, "reflection.picker.title");
        ObjectNode card = templates.fill("reflection-picker", Map.of(
                "title", title,
                "intro", texts.get(lang, introKey, "min", properties.minAnswers(),
                        "when", when)));
        if (shared) {
            ObjectNode toggle = CardElements.element("Input.Toggle");
            toggle.put("id", NAMED);
            toggle.put("title", texts.get(lang, "reflection.picker.named"));
            toggle.put("valueOn", "true");
            toggle.put("valueOff", "false");
            toggle.put("value", "false");
            CardElements.items(card, "options").add(toggle);
        }
        ArrayNode items = CardElements.items(card, "exercises");
        String buttonKey = schedule == null ? "reflection.picker.start" : "reflection.picker.schedule";
        for (Exercise exercise : shown) {
            items.add(item(lang, exercise, all.indexOf(exercise) + 1, schedule, texts.get(lang, buttonKey)));
        }
        return Reply.card(title, card);
    }

    private ObjectNode item(Language lang, Exercise exercise, int number, String schedule, String button) {
        ObjectNode container = CardElements.element("Container");
        container.put("separator", true);
        container.put("spacing", "Medium");
        ArrayNode items = container.putArray("items");
        ObjectNode title = CardElements.text(number + ". " + exercise.text(lang).title());
        title.put("weight", "Bolder");
        items.add(title);
        ObjectNode meta = CardElements.text(texts.get(lang, "reflection.picker.item-meta",
                "step", exercise.step(), "minutes", exercise.durationMinutes()));
        meta.put("isSubtle", true);
        meta.put("spacing", "None");
        items.add(meta);
        items.add(CardElements.text(TeamsText.shorten(exercise.text(lang).purpose(), PURPOSE_CHARS)));
        ObjectNode data = CardElements.data(EXERCISE, exercise.id());
        if (schedule != null) {
            data.put(SCHEDULE, schedule);
        }
        ObjectNode actionSet = CardElements.element("ActionSet");
        actionSet.putArray("actions").add(CardElements.execute(button, VERB_LAUNCH, data));
        items.add(actionSet);
        return container;
    }

    /** Who may launch exercises in this workspace; saved by a coordinator. */
    Reply settings(Language lang, boolean facilitatorsOnly) {
        String title = texts.get(lang, "reflection.settings.title");
        ObjectNode card = templates.fill("reflection-settings", Map.of(
                "title", title,
                "question", texts.get(lang, "reflection.settings.question"),
                "current", facilitatorsOnly ? LaunchPolicy.FACILITATORS : LaunchPolicy.EVERYONE,
                "everyone", texts.get(lang, "reflection.settings.everyone"),
                "facilitators", texts.get(lang, "reflection.settings.facilitators")));
        card.withArray("actions").add(CardElements.execute(texts.get(lang, "reflection.settings.save"), VERB_SETTINGS,
                CardElements.data()));
        return Reply.card(title, card);
    }
}
