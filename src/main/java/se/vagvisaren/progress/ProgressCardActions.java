package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.TeamsText;

/**
 * Presses on progress cards: {@code progress.form} (empty form), {@code progress.record} (form submit),
 * {@code progress.steps} (confirm or change steps), {@code progress.edit} (open the edit form),
 * {@code progress.save} (edit submit), {@code progress.delete} and {@code progress.confirm-held} (the author
 * says an update held back for personal data holds none). Card data is client-controlled:
 * ids are looked up in the sender's workspace and authorship is checked against the sender.
 */
@Component
class ProgressCardActions implements CardActionHandler {

    /** Longest id accepted from card data (a UUID is 36). */
    private static final int MAX_ID = 64;

    private final ProgressRecorder recorder;
    private final ProgressPhrases phrases;
    private final OutcomeReplies outcomes;
    private final UpdateCards cards;
    private final PersonalProgress personal;
    private final ReplyTexts texts;

    ProgressCardActions(ProgressRecorder recorder, ProgressPhrases phrases, OutcomeReplies outcomes, UpdateCards cards,
                        PersonalProgress personal, ReplyTexts texts) {
        this.personal = personal;
        this.texts = texts;
        this.recorder = recorder;
        this.phrases = phrases;
        this.outcomes = outcomes;
        this.cards = cards;
    }

    @Override
    public String feature() {
        return "progress";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        IncomingMessage message = action.message();
        Language lang = message.language();
        JsonNode data = action.data();
        String id = text(data, "id", MAX_ID);
        return switch (action.verb()) {
            case "progress.form" -> CardActionResult.replies(cards.newForm(lang));
            case "progress.record" -> data.hasNonNull("team") && !message.scope().isShared()
                    ? personal.recordForChosen(message, data.path("team").asText(), draft(data))
                            .map(CardActionResult::replies)
                            .orElseGet(() -> CardActionResult.refused(texts.get(lang, "progress.personal.not-member")))
                    : result(recorder.record(message, draft(data)), lang, "progress.card.title.recorded");
            case "progress.save" -> result(recorder.edit(message, id, draft(data)), lang, "progress.card.title.edited");
            case "progress.steps" -> {
                ChosenSteps chosen = chosenSteps(data.get("steps"));
                yield result(recorder.confirmSteps(message, id, chosen.valid(), chosen.invalid()), lang,
                        "progress.card.title.steps");
            }
            case "progress.edit" -> editForm(message, id);
            case "progress.delete" -> result(recorder.delete(message, id), lang, null);
            case "progress.confirm-held" -> result(recorder.confirmHeld(message, text(data, "held", MAX_ID)), lang,
                    "progress.card.title.confirmed");
            default -> CardActionResult.unknown();
        };
    }

    private CardActionResult editForm(IncomingMessage message, String id) {
        Optional<ProgressUpdate> update = recorder.visible(message, id);
        if (update.isEmpty()) {
            return result(ProgressRecorder.Outcome.refused("progress.not-found"), message.language(), null);
        }
        if (!update.get().authorId().equals(message.sender().id())) {
            return result(ProgressRecorder.Outcome.refused("progress.not-yours.edit"), message.language(), null);
        }
        return CardActionResult.replies(cards.editForm(update.get(), message.language()));
    }

    private CardActionResult result(ProgressRecorder.Outcome outcome, Language lang, String titleKey) {
        Reply reply = outcomes.of(outcome, lang, titleKey);
        if (outcome instanceof ProgressRecorder.Outcome.Recorded) {
            return CardActionResult.updateCard(reply.card(), reply.text());
        }
        if (outcome instanceof ProgressRecorder.Outcome.Deleted) {
            return CardActionResult.replies(reply);
        }
        return CardActionResult.refused(reply);
    }

    private ProgressRecorder.Draft draft(JsonNode data) {
        String text = text(data, "text", Integer.MAX_VALUE);
        ChosenSteps chosen = chosenSteps(data.get("steps"));
        ProgressPhrases.StepMentions mentioned = phrases.steps(text);
        List<String> invalid = new ArrayList<>(chosen.invalid());
        invalid.addAll(mentioned.invalid());
        return new ProgressRecorder.Draft(text, text(data, "link", Integer.MAX_VALUE),
                chosen.valid().isEmpty() ? null : chosen.valid(), mentioned.valid(), invalid);
    }

    /**
     * Steps from a ChoiceSet value: Teams sends {@code "2,4"}; an array or a number is accepted too.
     * Anything that is not a step 1–5 is reported back as written.
     */
    static ChosenSteps chosenSteps(JsonNode value) {
        SortedSet<Integer> valid = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return new ChosenSteps(valid, invalid);
        }
        if (value.isArray()) {
            value.forEach(v -> parts.add(v.asText()));
        } else {
            parts.addAll(List.of(value.asText("").split(",")));
        }
        for (String raw : parts) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            try {
                int step = Integer.parseInt(part);
                if (ProgressUpdate.isStep(step)) {
                    valid.add(step);
                    continue;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            // echoed in a Markdown reply: shortened and escaped, never trusted
            invalid.add(TeamsText.escape(TeamsText.shorten(part, 12)));
        }
        return new ChosenSteps(valid, invalid);
    }

    private static String text(JsonNode data, String field, int maxLength) {
        JsonNode node = data.get(field);
        if (node == null || !node.isValueNode()) {
            return "";
        }
        String value = node.asText("");
        return value.length() > maxLength ? "" : value;
    }

    record ChosenSteps(SortedSet<Integer> valid, List<String> invalid) {
    }
}
