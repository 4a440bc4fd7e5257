package se.vagvisaren.progress;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;

/** Turns a {@link ProgressRecorder.Outcome} into what the user sees, the same way for chat and card actions. */
@Component
@RequiredArgsConstructor
class OutcomeReplies {

    private final UpdateCards cards;
    private final ReplyTexts texts;

    /**
     * @param storedTitleKey the card title for a stored update ("Sparat", "Ändrat", "Steg bekräftade")
     */
    Reply of(ProgressRecorder.Outcome outcome, Language lang, String storedTitleKey) {
        if (outcome instanceof ProgressRecorder.Outcome.Recorded r) {
            return cards.stored(r.update(), lang, storedTitleKey);
        }
        if (outcome instanceof ProgressRecorder.Outcome.Deleted) {
            return Reply.text(texts.get(lang, "progress.deleted"));
        }
        if (outcome instanceof ProgressRecorder.Outcome.Flagged f) {
            String text = flagged(f.reasons(), lang);
            return f.heldToken() == null ? Reply.text(text) : cards.held(text, f.heldToken(), f.keptMinutes(), lang);
        }
        ProgressRecorder.Outcome.Refused refused = (ProgressRecorder.Outcome.Refused) outcome;
        return Reply.text(texts.get(lang, refused.key(), refused.args()));
    }

    private String flagged(List<String> reasons, Language lang) {
        if (reasons.isEmpty()) {
            return texts.get(lang, "progress.record.flagged-generic");
        }
        return texts.get(lang, "progress.record.flagged", "reasons", String.join(", ", reasons));
    }
}
