package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * The exercise picker ({@code reflection-picker.json}, numbered like "övning 2" in chat) and the
 * launch-permission settings card ({@code reflection-settings.json}). The picker stays short however many
 * exercises there are: each is one row (title, step and minutes, a start button), its purpose opens when
 * the title is tapped, and rows after the first {@value #FIRST_PAGE} open with a "show more" button.
 */
@Component
@RequiredArgsConstructor
class PickerCards {

    static final String VERB_LAUNCH = "reflection.launch";
    static final String VERB_SETTINGS = "reflection.settings";
    static final String EXERCISE = "exerciseId";
    static final String NAMED = "named";
    static final String SCHEDULE = "schedule";
    private static final int PURPOSE_CHARS = 180;
    /** Rows shown before "show more": a whole catalog of twelve would otherwise fill several screens. */
    static final int FIRST_PAGE = 5;
    static final String MORE = "moreExercises";

    private final CardTemplates templates;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;

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
        String button = texts.get(lang, schedule == null ? "reflection.picker.start" : "reflection.picker.schedule");
        ObjectNode more = CardElements.element("Container");
        more.put("id", MORE);
        more.put("isVisible", false);
        for (int i = 0; i < shown.size(); i++) {
            Exercise exercise = shown.get(i);
            ObjectNode row = item(lang, exercise, all.indexOf(exercise) + 1, schedule, button);
            (i < FIRST_PAGE ? items : more.withArray("items")).add(row);
        }
        if (shown.size() > FIRST_PAGE) {
            items.add(more);
            ObjectNode showMore = CardElements.element("Action.ToggleVisibility");
            showMore.put("title", texts.get(lang, "reflection.picker.show-more", "count", shown.size() - FIRST_PAGE));
            showMore.putArray("targetElements").add(MORE);
            ObjectNode actionSet = CardElements.element("ActionSet");
            actionSet.put("id", MORE + "Button");
            actionSet.putArray("actions").add(showMore);
            items.add(actionSet);
        }
        return Reply.card(title, card);
    }

    /** One row: number and title with step and minutes, the start button beside it, the purpose on tap. */
    private ObjectNode item(Language lang, Exercise exercise, int number, String schedule, String button) {
        String purposeId = "purpose-" + exercise.id();
        ObjectNode container = CardElements.element("Container");
        container.put("separator", true);
        container.put("spacing", "Small");
        ObjectNode columns = CardElements.element("ColumnSet");
        ObjectNode text = column("stretch");
        ObjectNode title = CardElements.text(number + ". " + exercise.text(lang).title());
        title.put("weight", "Bolder");
        text.withArray("items").add(title);
        ObjectNode meta = CardElements.text(texts.get(lang, "reflection.picker.item-meta",
                "step", exercise.step(), "minutes", exercise.durationMinutes()));
        meta.put("isSubtle", true);
        meta.put("spacing", "None");
        text.withArray("items").add(meta);
        ObjectNode toggle = CardElements.element("Action.ToggleVisibility");
        toggle.put("title", exercise.text(lang).title());
        toggle.putArray("targetElements").add(purposeId);
        text.set("selectAction", toggle);
        ObjectNode data = CardElements.data(EXERCISE, exercise.id());
        if (schedule != null) {
            data.put(SCHEDULE, schedule);
        }
        ObjectNode actionSet = CardElements.element("ActionSet");
        actionSet.putArray("actions").add(CardElements.execute(button, VERB_LAUNCH, data));
        ObjectNode action = column("auto");
        action.put("verticalContentAlignment", "Center");
        action.withArray("items").add(actionSet);
        columns.putArray("columns").add(text).add(action);
        container.putArray("items").add(columns);
        ObjectNode purpose = CardElements.text(TeamsText.shorten(exercise.text(lang).purpose(), PURPOSE_CHARS));
        purpose.put("id", purposeId);
        purpose.put("isVisible", false);
        container.withArray("items").add(purpose);
        return container;
    }

    private static ObjectNode column(String width) {
        ObjectNode column = CardElements.element("Column");
        column.put("width", width);
        column.putArray("items");
        return column;
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
