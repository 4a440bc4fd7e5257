package se.vagvisaren.deadlines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.TeamsText;

/**
 * Fills the deadline card templates ({@code dialogs/cards/deadlines-*.json}). Values go into the parsed
 * JSON, never into raw text, and user-written titles are escaped for Teams.
 */
@Component
@RequiredArgsConstructor
class DeadlineCards {

    /** Lead times offered on the card besides the team's own. */
    static final List<LeadTime> OFFERED_LEADS = LeadTime.parseList("14d,7d,2d,1d,2h,0");

    private final CardTemplates templates;
    private final ReplyTexts texts;
    private final DueWords words;
    private final DeadlineProperties properties;

    /**
     * The form where everything can be corrected before saving.
     *
     * @param headingKey {@code deadlines.confirm.heading}, {@code .headingNew} or {@code .headingEdit}
     * @param editing    the deadline being edited, or {@code null} for a new one
     * @param token      identifies this card for idempotent saving (new deadlines only)
     */
    ObjectNode confirm(DeadlineDraft draft, Scope scope, Language lang, String headingKey, Deadline editing,
                       String token, LocalDate today) {
        ObjectNode card = templates.fill("deadlines-confirm", Map.ofEntries(
                Map.entry("heading", texts.get(lang, headingKey)),
                Map.entry("note", texts.get(lang, "deadlines.confirm.note")),
                Map.entry("titleLabel", texts.get(lang, "deadlines.confirm.titleLabel")),
                Map.entry("titlePlaceholder", texts.get(lang, "deadlines.confirm.titlePlaceholder")),
                Map.entry("title", draft.title()),
                Map.entry("dateLabel", texts.get(lang, "deadlines.confirm.dateLabel")),
                Map.entry("date", draft.date() == null ? "" : draft.date().toString()),
                Map.entry("minDate", today.toString()),
                Map.entry("timeLabel", texts.get(lang, "deadlines.confirm.timeLabel")),
                Map.entry("time", draft.time() == null ? "" : draft.time().format(DateTimeFormatter.ofPattern("HH:mm"))),
                Map.entry("targetLabel", texts.get(lang, "deadlines.confirm.targetLabel")),
                Map.entry("target", targetChoice(draft.target(), scope)),
                Map.entry("leadLabel", texts.get(lang, "deadlines.confirm.leadLabel")),
                Map.entry("leads", LeadTime.specs(draft.leadTimes())),
                Map.entry("recurrenceLabel", texts.get(lang, "deadlines.confirm.recurrenceLabel")),
                Map.entry("recurrence", draft.recurrence().name().toLowerCase(java.util.Locale.ROOT)),
                Map.entry("save", texts.get(lang, "deadlines.button.save")),
                Map.entry("discard", texts.get(lang, "deadlines.button.discard")),
                Map.entry("token", token == null ? "" : token),
                Map.entry("deadlineId", editing == null ? "" : Long.toString(editing.id())),
                Map.entry("version", editing == null ? "" : Long.toString(editing.version()))));
        ObjectNode title = find(card, "title");
        if (title != null) {
            title.put("maxLength", properties.maxTitleChars());
        }
        ObjectNode target = find(card, "target");
        if (scope.isShared()) {
            ArrayNode choices = target.putArray("choices");
            choice(choices, texts.get(lang, scope == Scope.CHANNEL ? "deadlines.target.channel" : "deadlines.target.chat"), "conversation");
            choice(choices, texts.get(lang, "deadlines.target.me"), "me");
        } else {
            removeById(card.path("body"), "target"); // a 1:1 chat has only one target
        }
        ArrayNode leadChoices = find(card, "leads").putArray("choices");
        java.util.TreeSet<LeadTime> offered = new java.util.TreeSet<>(OFFERED_LEADS);
        offered.addAll(draft.leadTimes());
        for (LeadTime lead : offered) {
            choice(leadChoices, leadLabel(lead, lang), lead.spec());
        }
        ArrayNode recurrence = find(card, "recurrence").putArray("choices");
        for (Recurrence r : Recurrence.values()) {
            String key = r.name().toLowerCase(java.util.Locale.ROOT);
            choice(recurrence, texts.get(lang, "deadlines.recurrence." + key), key);
        }
        return card;
    }

    /** A nudge with "Klar" and "Skjut upp" buttons. */
    ObjectNode nudge(String text, Deadline deadline, LocalDate occurrence, Language lang) {
        return templates.fill("deadlines-nudge", Map.of(
                "text", text,
                "done", texts.get(lang, "deadlines.button.done"),
                "snoozeDay", texts.get(lang, "deadlines.button.snoozeDay"),
                "snoozeWeek", texts.get(lang, "deadlines.button.snoozeWeek"),
                "deadlineId", Long.toString(deadline.id()),
                "occurrence", occurrence.toString()));
    }

    /** A list with buttons on each item; {@code more} deadlines were left out. */
    ObjectNode list(String heading, List<Deadline> deadlines, Map<Long, Instant> nextNudges, int more, Language lang,
                    Instant now) {
        ObjectNode card = templates.fill("deadlines-list", Map.of(
                "heading", heading,
                "newDeadline", texts.get(lang, "deadlines.button.newDeadline"),
                "calendar", texts.get(lang, "deadlines.button.calendar")));
        ArrayNode body = (ArrayNode) card.path("body");
        for (Deadline d : deadlines) {
            body.add(templates.fill("deadlines-list-item", Map.of(
                    "title", TeamsText.escape(d.title()),
                    "details", details(d, nextNudges.get(d.id()), lang, now),
                    "done", texts.get(lang, "deadlines.button.done"),
                    "edit", texts.get(lang, "deadlines.button.edit"),
                    "cancel", texts.get(lang, "deadlines.button.cancel"),
                    "id", Long.toString(d.id()))));
        }
        if (more > 0) {
            body.add(textBlock(texts.get(lang, "deadlines.list.more", "count", more)));
        }
        return card;
    }

    private String details(Deadline d, Instant next, Language lang, Instant now) {
        StringBuilder out = new StringBuilder(capitalize(words.when(d.due(), lang, now)));
        if (d.recurrence() != Recurrence.NONE) {
            out.append(" · ").append(texts.get(lang, "deadlines.list." + d.recurrence().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (d.personal()) {
            out.append(" · ").append(texts.get(lang, "deadlines.list.personal"));
        }
        out.append("\n\n");
        if (!d.reachable()) {
            out.append(texts.get(lang, "deadlines.list.unreachable"));
        } else if (next != null) {
            out.append(texts.get(lang, "deadlines.list.nextReminder", "next", words.moment(next, d.due().zone(), lang, now)));
        } else {
            out.append(texts.get(lang, "deadlines.list.noReminder"));
        }
        return out.toString();
    }

    /** A question with one button per choice. */
    ObjectNode choice(String text, List<Button> buttons) {
        ObjectNode card = templates.fill("deadlines-choice", Map.of("text", text));
        ArrayNode actions = card.putArray("actions");
        for (Button b : buttons) {
            ObjectNode action = actions.addObject();
            action.put("type", "Action.Execute");
            action.put("title", TeamsText.shorten(b.title(), 80));
            action.put("verb", b.verb());
            action.set("data", b.data());
        }
        return card;
    }

    /** A short text, with "Ändra" and "Ta bort" for an open deadline. */
    ObjectNode summary(String text, Deadline deadline, Language lang) {
        ObjectNode card = templates.fill("deadlines-summary", Map.of(
                "text", text,
                "edit", texts.get(lang, "deadlines.button.edit"),
                "cancel", texts.get(lang, "deadlines.button.cancel"),
                "id", deadline == null ? "" : Long.toString(deadline.id())));
        if (deadline == null || !deadline.open()) {
            card.putArray("actions");
        }
        return card;
    }

    String leadLabel(LeadTime lead, Language lang) {
        if (lead.atDue()) {
            return texts.get(lang, "deadlines.lead.atDue");
        }
        if (lead.days() == 1) {
            return texts.get(lang, "deadlines.lead.oneDay");
        }
        if (lead.days() > 1) {
            return texts.get(lang, "deadlines.lead.days", "n", lead.days());
        }
        return lead.minutes() % 60 == 0
                ? texts.get(lang, "deadlines.lead.hours", "n", lead.minutes() / 60)
                : texts.get(lang, "deadlines.lead.minutes", "n", lead.minutes());
    }

    /** A button on a choice card. */
    record Button(String title, String verb, ObjectNode data) {
    }

    static ObjectNode data(Object... nameValuePairs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            data.put((String) nameValuePairs[i], String.valueOf(nameValuePairs[i + 1]));
        }
        return data;
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String targetChoice(Deadline.Target target, Scope scope) {
        return target == Deadline.Target.PERSON || !scope.isShared() ? "me" : "conversation";
    }

    private static void choice(ArrayNode choices, String title, String value) {
        ObjectNode c = choices.addObject();
        c.put("title", title);
        c.put("value", value);
    }

    private static ObjectNode textBlock(String text) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    /** The element with {@code id} anywhere in the card, or {@code null}. */
    static ObjectNode find(JsonNode node, String id) {
        if (node.isObject() && id.equals(node.path("id").asText(null))) {
            return (ObjectNode) node;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                ObjectNode hit = find(child, id);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private static boolean removeById(JsonNode node, String id) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (id.equals(array.get(i).path("id").asText(null))) {
                    array.remove(i);
                    return true;
                }
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && removeById(child, id)) {
                return true;
            }
        }
        return false;
    }
}
