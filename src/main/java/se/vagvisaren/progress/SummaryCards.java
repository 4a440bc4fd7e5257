package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * Cards that summarise many updates: the list a team asks for, the weekly digest and the county-board
 * overview. The header comes from {@code dialogs/cards/progress-summary.json}; sections are added as
 * JSON nodes. Every user-written text is escaped and shortened.
 */
@Component
@RequiredArgsConstructor
class SummaryCards {

    /** Longest update text shown in a summary line; the full text is in the export. */
    static final int LINE_CHARS = 280;

    private final CardTemplates cards;
    private final ReplyTexts texts;
    private final ProgressVocabulary vocabulary;
    private final DateLabels dates;

    /** A header card with {@code title} and {@code subtitle}; the caller appends sections to its body. */
    ObjectNode header(String title, String subtitle) {
        return cards.fill("progress-summary", Map.of("title", title, "subtitle", subtitle));
    }

    /** Appends updates grouped by step (an update with two steps appears under both); "no step" last. */
    void appendByStep(ArrayNode body, List<ProgressUpdate> updates, Language lang) {
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            int s = step;
            List<ProgressUpdate> inStep = updates.stream().filter(u -> u.steps().contains(s)).toList();
            if (!inStep.isEmpty()) {
                body.add(CardItems.heading(stepLabel(step, lang)));
                inStep.forEach(u -> body.add(line(u, lang)));
            }
        }
        List<ProgressUpdate> without = updates.stream().filter(u -> u.steps().isEmpty()).toList();
        if (!without.isEmpty()) {
            body.add(CardItems.heading(texts.get(lang, "progress.card.no-steps")));
            without.forEach(u -> body.add(line(u, lang)));
        }
    }

    /** The county-board summary: one section per workspace. */
    Reply county(List<WorkspaceSummaries.WorkspaceSummary> summaries, Language lang, String overviewUrl) {
        String p = "progress.county.";
        ObjectNode card = header(texts.get(lang, p + "title"), texts.get(lang, p + "subtitle", "count", summaries.size()));
        ArrayNode body = card.withArray("body");
        if (summaries.isEmpty()) {
            body.add(CardItems.text(texts.get(lang, p + "empty")));
        }
        for (WorkspaceSummaries.WorkspaceSummary s : summaries) {
            // only a team's own name can hold markup; our own "Namnlöst team (…)" label is shown as is
            body.add(CardItems.heading(s.name() != null ? TeamsText.escape(s.name()) : displayName(s, lang)));
            body.add(CardItems.subtle(texts.get(lang, p + "active", "count", s.activeSteps().size(),
                    "steps", stepNumbers(s.activeSteps(), lang))));
            body.add(CardItems.subtle(texts.get(lang, p + "last", "date", dates.day(s.lastUpdate()))));
            body.add(CardItems.subtle(texts.get(lang, p + "deadlines", "deadlines", deadlineList(s, lang))));
        }
        if (overviewUrl != null) {
            card.withArray("actions").add(CardItems.openUrl(texts.get(lang, p + "open"), overviewUrl));
        }
        return Reply.card(texts.get(lang, p + "title"), card);
    }

    /** Name of a workspace for people: its name, or "Namnlöst team (rapporterar sedan 2026-11-25)". */
    String displayName(WorkspaceSummaries.WorkspaceSummary s, Language lang) {
        return s.name() != null ? s.name()
                : texts.get(lang, "progress.county.unnamed", "since", dates.day(s.firstUpdate()));
    }

    String stepLabel(int step, Language lang) {
        return texts.get(lang, "progress.step.label", "step", step, "name", vocabulary.get().stepName(step, lang));
    }

    /** "1, 2 och 4" style list of step numbers, or the "none" text. */
    String stepNumbers(SortedSet<Integer> steps, Language lang) {
        if (steps.isEmpty()) {
            return texts.get(lang, "progress.county.none");
        }
        return StepNumbers.join(steps, texts.get(lang, "progress.and"));
    }

    private String deadlineList(WorkspaceSummaries.WorkspaceSummary s, Language lang) {
        if (s.deadlines().isEmpty()) {
            return texts.get(lang, "progress.county.none");
        }
        List<String> parts = new ArrayList<>();
        for (UpcomingDeadlines.UpcomingDeadline d : s.deadlines()) {
            parts.add(dates.day(d.due()) + " " + TeamsText.escape(TeamsText.shorten(d.title(), 80)));
        }
        return String.join("; ", parts);
    }

    /** One update as a line: date, text, and its link when there is one. */
    ObjectNode line(ProgressUpdate update, Language lang) {
        String text = dates.day(update.createdAt()) + " – " + TeamsText.escape(TeamsText.shorten(update.text(), LINE_CHARS));
        if (update.link() != null) {
            text += " " + texts.get(lang, "progress.card.link-markdown", "url", LinkCheck.forMarkdown(update.link()));
        }
        ObjectNode block = CardItems.text(text);
        block.put("spacing", "Small");
        return block;
    }
}
