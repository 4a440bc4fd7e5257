package se.vagvisaren.progress;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.safeguarding.HeldDrafts;

/**
 * Records, edits and deletes progress updates, in team channels and group chats only (a 1:1 chat
 * belongs to no team). Every text passes the same checks (not empty, not too
 * long, real steps, http(s) link only) and the privacy screen before it is stored. An update the screen holds
 * back waits in {@link HeldDrafts} (memory only) until its author confirms it holds no personal data, or
 * sends an edited text instead. Only the author may
 * edit an update; the author or a coordinator of the workspace may delete it (to remove personal data
 * someone wrote by mistake). Ids from card data are checked against the sender's workspace.
 */
@Service
@RequiredArgsConstructor
class ProgressRecorder {

    private static final Logger log = LoggerFactory.getLogger(ProgressRecorder.class);
    /** Control characters other than tab and newline; PostgreSQL refuses NUL in text. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    /** The feature name under which updates are held back. */
    static final String HELD = "progress";

    private final ProgressStore store;
    private final DigestLedger ledger;
    private final StepSuggester suggester;
    private final UpdateScreen screen;
    private final TeamRoles roles;
    private final ProgressProperties properties;
    private final HeldDrafts held;
    private final Clock clock;

    /** Stores a new update once per delivered activity, or holds it back when it looks like personal data. */
    Outcome record(IncomingMessage message, Draft draft) {
        return withdrawOnSuccess(message, holdIfFlagged(message, null, draft, insert(message, draft, true)));
    }

    /**
     * Stores an update the privacy screen held back, once its author pressed "no personal data". The update is
     * stored as first sent (same activity id, so a second store is a duplicate), with only the personal-data
     * screen skipped.
     *
     * @param presser the button press; only the author of the held update may confirm it
     * @param token   the token from the warning card
     */
    Outcome confirmHeld(IncomingMessage presser, String token) {
        HeldDrafts.Confirmation<HeldUpdate> confirmation = held.confirm(HELD, token, presser, HeldUpdate.class);
        return switch (confirmation.status()) {
            case UNKNOWN -> Outcome.refused("progress.held.unknown");
            case NOT_YOURS -> Outcome.refused("progress.held.not-yours");
            case ALREADY_CONFIRMED -> Outcome.refused("progress.held.already");
            case CONFIRMED -> {
                HeldUpdate update = confirmation.draft();
                log.info("Held progress update of activity {} confirmed by its author", update.message().activityId());
                yield update.updateId() == null ? insert(update.message(), update.draft(), false)
                        : change(update.message(), update.updateId(), update.draft(), false);
            }
        };
    }

    private Outcome holdIfFlagged(IncomingMessage message, String updateId, Draft draft, Outcome outcome) {
        if (!(outcome instanceof Outcome.Flagged flagged)) {
            return outcome;
        }
        String token = held.hold(HELD, message, new HeldUpdate(message, updateId, draft));
        return new Outcome.Flagged(flagged.reasons(), token, held.keptFor().toMinutes());
    }

    /** An edited text that passed replaces the author's held drafts: their old warning cards stop working. */
    private Outcome withdrawOnSuccess(IncomingMessage message, Outcome outcome) {
        if (outcome instanceof Outcome.Recorded recorded && !recorded.duplicate()) {
            held.withdraw(HELD, message);
        }
        return outcome;
    }

    private Outcome insert(IncomingMessage message, Draft draft, boolean screened) {
        if (!message.scope().isShared()) {
            // a 1:1 chat belongs to no team: the update would be invisible to the team and its digest
            return Outcome.refused("progress.personal-scope");
        }
        Checked checked = check(message, draft, screened);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        boolean chosen = draft.chosenSteps() != null || !draft.mentionedSteps().isEmpty();
        ProgressStore.Stored stored = store.insert(new ProgressStore.NewUpdate(message.workspaceId(),
                message.conversation().tenantId(), message.conversation().conversationId(), message.channelId(),
                message.activityId(), message.sender().id(), checked.text(), checked.link(), checked.steps(), chosen,
                clock.instant()));
        ledger.remember(message.workspaceId(), message.conversation().tenantId(), message.teamId(),
                message.conversation().conversationId(), clock.instant());
        log.info("Progress update {} {} in workspace {} (activity {})", stored.update().id(),
                stored.duplicate() ? "redelivered" : "recorded", message.workspaceId(), message.activityId());
        return new Outcome.Recorded(stored.update(), stored.duplicate());
    }

    /** Replaces text, link and steps of the sender's own update, or holds the edit back (see {@link #record}). */
    Outcome edit(IncomingMessage message, String updateId, Draft draft) {
        return withdrawOnSuccess(message, holdIfFlagged(message, updateId, draft, change(message, updateId, draft, true)));
    }

    private Outcome change(IncomingMessage message, String updateId, Draft draft, boolean screened) {
        Optional<ProgressUpdate> existing = visible(message, updateId);
        if (existing.isEmpty()) {
            return Outcome.refused("progress.not-found");
        }
        if (!existing.get().authorId().equals(message.sender().id())) {
            return Outcome.refused("progress.not-yours.edit");
        }
        Checked checked = check(message, draft, screened);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        store.change(updateId, checked.text(), checked.link(), checked.steps(), clock.instant());
        log.info("Progress update {} edited by its author", updateId);
        return new Outcome.Recorded(store.find(updateId).orElseThrow(), false);
    }

    /** Sets the steps of the sender's own update. */
    Outcome confirmSteps(IncomingMessage message, String updateId, SortedSet<Integer> steps, List<String> invalid) {
        Optional<ProgressUpdate> existing = visible(message, updateId);
        if (existing.isEmpty()) {
            return Outcome.refused("progress.not-found");
        }
        if (!existing.get().authorId().equals(message.sender().id())) {
            return Outcome.refused("progress.not-yours.edit");
        }
        if (!invalid.isEmpty()) {
            return Outcome.refused("progress.record.no-such-step", "steps", String.join(", ", invalid));
        }
        store.confirmSteps(updateId, steps);
        return new Outcome.Recorded(store.find(updateId).orElseThrow(), false);
    }

    /** Deletes an update if the sender wrote it or coordinates the workspace. */
    Outcome delete(IncomingMessage message, String updateId) {
        Optional<ProgressUpdate> existing = visible(message, updateId);
        if (existing.isEmpty()) {
            return Outcome.refused("progress.not-found");
        }
        String sender = message.sender().id();
        if (!existing.get().authorId().equals(sender) && !roles.has(message.workspaceId(), sender, Role.COORDINATOR)) {
            return Outcome.refused("progress.not-yours.delete");
        }
        store.delete(updateId);
        log.info("Progress update {} deleted", updateId);
        return new Outcome.Deleted(existing.get());
    }

    /** The update if it exists and belongs to the sender's workspace (card data is never trusted). */
    Optional<ProgressUpdate> visible(IncomingMessage message, String updateId) {
        return store.find(updateId).filter(u -> u.workspaceId().equals(message.workspaceId()));
    }

    /** @param screened whether the privacy screen runs; off only for an update its author confirmed */
    private Checked check(IncomingMessage message, Draft draft, boolean screened) {
        String text = CONTROL.matcher(draft.text() == null ? "" : draft.text()).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return Checked.refused(Outcome.refused("progress.record.empty"));
        }
        if (text.length() > properties.maxTextChars()) {
            return Checked.refused(Outcome.refused("progress.record.too-long",
                    "max", properties.maxTextChars(), "length", text.length()));
        }
        if (!draft.invalidSteps().isEmpty()) {
            return Checked.refused(Outcome.refused("progress.record.no-such-step",
                    "steps", String.join(", ", draft.invalidSteps())));
        }
        String link = null;
        if (draft.link() != null && !draft.link().isBlank()) {
            Optional<String> valid = LinkCheck.valid(draft.link());
            if (valid.isEmpty()) {
                return Checked.refused(Outcome.refused("progress.record.bad-link"));
            }
            link = valid.get();
        } else {
            link = LinkCheck.firstIn(text).orElse(null);
        }
        UpdateScreen.Screening screening = screened ? screenSafely(text, message) : UpdateScreen.Screening.clear();
        if (screening.flagged()) {
            log.info("Progress update in activity {} held back by the privacy screen", message.activityId());
            return Checked.refused(new Outcome.Flagged(screening.reasons(), null, 0));
        }
        SortedSet<Integer> steps;
        if (draft.chosenSteps() != null) {
            steps = new TreeSet<>(draft.chosenSteps());
        } else if (!draft.mentionedSteps().isEmpty()) {
            steps = new TreeSet<>(draft.mentionedSteps());
        } else {
            steps = suggester.suggest(text);
        }
        return new Checked(text, link, steps, null);
    }

    private UpdateScreen.Screening screenSafely(String text, IncomingMessage message) {
        try {
            return screen.screen(text, message.language());
        } catch (RuntimeException e) {
            // a broken screen must not let personal data through: hold the update back
            log.error("Privacy screen failed for activity {}: {}", message.activityId(), e.getClass().getSimpleName());
            return UpdateScreen.Screening.flagged(List.of());
        }
    }

    /**
     * What a person asked to store.
     *
     * @param text           the update text (prefix already removed)
     * @param link           a link typed into the form, or {@code null} to take the first link in the text
     * @param chosenSteps    steps picked on a card, or {@code null} when none were picked
     * @param mentionedSteps valid steps named in the text ("steg 2"), used when none were picked
     * @param invalidSteps   step numbers that are no handbook step ("9"): the update is refused
     */
    record Draft(String text, String link, SortedSet<Integer> chosenSteps, SortedSet<Integer> mentionedSteps,
                 List<String> invalidSteps) {
        Draft {
            mentionedSteps = mentionedSteps == null ? new TreeSet<>() : mentionedSteps;
            invalidSteps = invalidSteps == null ? List.of() : List.copyOf(invalidSteps);
        }
    }

    /**
     * An update held back by the privacy screen, with what is needed to store it as first sent.
     *
     * @param message  the message that brought it (author, conversation, activity id for idempotency)
     * @param updateId the update being edited, or {@code null} for a new one
     */
    record HeldUpdate(IncomingMessage message, String updateId, Draft draft) {
    }

    private record Checked(String text, String link, SortedSet<Integer> steps, Outcome refusal) {
        static Checked refused(Outcome refusal) {
            return new Checked(null, null, null, refusal);
        }
    }

    /** What came of a request. */
    sealed interface Outcome {

        static Refused refused(String key, Object... args) {
            return new Refused(key, args);
        }

        /** Stored (or found stored, when {@code duplicate}). */
        record Recorded(ProgressUpdate update, boolean duplicate) implements Outcome {
        }

        record Deleted(ProgressUpdate update) implements Outcome {
        }

        /**
         * Not stored: the privacy screen found what looks like personal data.
         *
         * @param reasons    the kinds found, for the author
         * @param heldToken  the token of the held draft, for the warning card's confirm button
         * @param keptMinutes how long the draft waits for confirmation
         */
        record Flagged(List<String> reasons, String heldToken, long keptMinutes) implements Outcome {
        }

        /** Not done; {@code key} names the reply text, {@code args} its placeholders as name/value pairs. */
        record Refused(String key, Object[] args) implements Outcome {
        }
    }
}
