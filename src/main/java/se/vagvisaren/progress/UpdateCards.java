package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * Cards about one update: the confirmation with step choice, edit and delete buttons
 * ({@code dialogs/cards/progress-update.json}) and the form for a new or edited update
 * ({@code progress-form.json}). User text is escaped so Markdown and HTML show as typed.
 */
@Component
@RequiredArgsConstructor
class UpdateCards {

    private final CardTemplates cards;
    private final ReplyTexts texts;
    private final ProgressVocabulary vocabulary;
    private final DateLabels dates;

    /** The card shown after an update was stored, edited or had its steps confirmed. */
    Reply stored(ProgressUpdate update, Language lang, String titleKey) {
        String p = "progress.card.";
        String hint = update.steps().isEmpty() ? texts.get(lang, p + "hint.no-steps")
                : update.stepsConfirmed() ? texts.get(lang, p + "hint.confirmed") : texts.get(lang, p + "hint.suggested");
        ObjectNode card = cards.fill("progress-update", Map.ofEntries(
                Map.entry("title", texts.get(lang, titleKey)),
                Map.entry("text", TeamsText.escape(update.text())),
                Map.entry("stepsLabel", texts.get(lang, p + "steps")),
                Map.entry("steps", stepNames(update.steps(), lang)),
                Map.entry("whenLabel", texts.get(lang, p + "when")),
                Map.entry("when", dates.dayTime(update.createdAt())),
                Map.entry("hint", hint),
                Map.entry("chooseLabel", texts.get(lang, p + "choose-steps")),
                Map.entry("selected", csv(update.steps())),
                Map.entry("confirmTitle", texts.get(lang, p + "confirm")),
                Map.entry("editTitle", texts.get(lang, p + "edit")),
                Map.entry("deleteTitle", texts.get(lang, p + "delete")),
                Map.entry("id", update.id())));
        CardItems.stepChoices(CardItems.byId(card, "steps"), vocabulary.get().stepNames(), lang);
        if (update.link() != null) {
            card.withArray("actions").add(CardItems.openUrl(texts.get(lang, p + "open-link"), update.link()));
        }
        return Reply.card(texts.get(lang, titleKey), card);
    }

    /**
     * The warning for an update held back for personal data, with the author's way out: a button saying it
     * holds none (the other way out, sending an edited text, needs no button).
     *
     * @param warning what was found and that nothing was stored
     * @param token   the held draft's token
     * @param minutes how long the draft waits
     */
    Reply held(String warning, String token, long minutes, Language lang) {
        String text = warning + "\n\n" + texts.get(lang, "progress.held.how", "minutes", minutes);
        ObjectNode card = cards.fill("progress-held", Map.of(
                "title", texts.get(lang, "progress.held.title"),
                "text", text,
                "confirm", texts.get(lang, "progress.held.confirm"),
                "held", token));
        return Reply.card(texts.get(lang, "progress.held.title"), card);
    }

    /** An empty form for a new update. */
    Reply newForm(Language lang) {
        return form(lang, "progress.form.new-title", "progress.record", "", "", "", "");
    }

    /** The form pre-filled with an update, to edit it. */
    Reply editForm(ProgressUpdate update, Language lang) {
        return form(lang, "progress.form.edit-title", "progress.save", update.id(), update.text(),
                csv(update.steps()), update.link() == null ? "" : update.link());
    }

    private Reply form(Language lang, String titleKey, String verb, String id, String text, String selected, String link) {
        String p = "progress.form.";
        ObjectNode card = cards.fill("progress-form", Map.ofEntries(
                Map.entry("title", texts.get(lang, titleKey)),
                Map.entry("intro", texts.get(lang, p + "intro")),
                Map.entry("textLabel", texts.get(lang, p + "text")),
                Map.entry("textError", texts.get(lang, p + "text-error")),
                Map.entry("stepsLabel", texts.get(lang, p + "steps")),
                Map.entry("linkLabel", texts.get(lang, p + "link")),
                Map.entry("submitTitle", texts.get(lang, p + "submit")),
                Map.entry("verb", verb),
                Map.entry("id", id),
                // input values are plain text, not Markdown: shown as typed without escaping
                Map.entry("text", text),
                Map.entry("selected", selected),
                Map.entry("link", link)));
        CardItems.stepChoices(CardItems.byId(card, "steps"), vocabulary.get().stepNames(), lang);
        return Reply.card(texts.get(lang, titleKey), card);
    }

    /** "2 · Beskriv våld som problem, 4 · Utveckla insatser", or the no-step text. */
    String stepNames(SortedSet<Integer> steps, Language lang) {
        if (steps.isEmpty()) {
            return texts.get(lang, "progress.card.no-steps");
        }
        return steps.stream().map(s -> texts.get(lang, "progress.step.label", "step", s,
                "name", vocabulary.get().stepName(s, lang))).collect(Collectors.joining(", "));
    }

    private static String csv(SortedSet<Integer> steps) {
        return steps.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
