package se.vagvisaren.safeguarding;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Crisis first: the bot calls this before anything else for every message. A message is a crisis when it
 * contains a curated danger phrase ({@code dialogs/safeguarding/danger-phrases.yaml}), or when the NLU
 * classified it {@code urgent_help} with at least the file's {@code intent_only_min_confidence} and the text
 * holds none of the file's idioms ("det slår mig att", "hotad budget"): an explicit exception beats the
 * model. The reply says calmly that the bot is not a crisis service, gives 112, then the support lines in
 * the order that fits who is writing and the form of violence (BRIS first for a child, the municipality's
 * routine first for staff telling about a child, Välj att sluta for someone who uses violence…). In a
 * channel or group chat the sender also gets a private message offering to continue there.
 *
 * <p>The message text is neither stored nor logged here; only the activity id is logged.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrisisCheck {

    static final String URGENT_HELP = "urgent_help";
    private static final Logger log = LoggerFactory.getLogger(CrisisCheck.class);

    private final DangerPhrases phrases;
    private final ReplyTexts texts;
    private final MeterRegistry meters;

    /**
     * The crisis replies for a message, in sending order.
     *
     * @param message the message, mention removed
     * @param intent  what the NLU made of it, with the {@code urgent_help} probability as confidence when
     *                that is the intent; may be {@code null} when the NLU has not run
     * @return empty when there is no sign of a crisis; otherwise the public reply and, in a shared
     *         scope, a second reply marked {@link Reply#privateToSender()}
     */
    public List<Reply> respond(IncomingMessage message, RecognizedIntent intent) {
        CrisisAssessment assessment = assess(message.text(), intent);
        if (assessment == null) {
            return List.of();
        }
        assessment.forms().forEach(f -> meters.counter("vagvisaren.safeguarding.crisis", "family", f.id()).increment());
        meters.counter("vagvisaren.safeguarding.crisis.first_line", "line", assessment.firstLine(),
                "speaker", assessment.speaker()).increment();
        log.info("Crisis reply for activity {} in a {} conversation", message.activityId(), message.scope());

        Language language = message.language();
        String body = body(language, assessment.lines());
        if (message.scope() == null || !message.scope().isShared()) {
            return List.of(Reply.text(body));
        }
        Reply shared = Reply.text(body + "\n\n" + texts.get(language, "crisis.shared_notice"));
        Reply personal = Reply.text(texts.get(language, "crisis.private_offer") + "\n\n" + body).privately();
        return List.of(shared, personal);
    }

    /**
     * The crisis reply for text typed into a card (a progress form, a reflection answer, any later card or
     * message-extension input), for the writer only: in a channel or group chat it goes to their 1:1 chat.
     *
     * @param message the card press, with the typed text as its text
     * @return empty when the text shows no sign of a crisis
     */
    public Optional<Reply> respondToTypedText(IncomingMessage message) {
        List<Reply> replies = respond(message, null);
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        Reply last = replies.get(replies.size() - 1);
        return Optional.of(last.privateToSender() ? last : last.privately());
    }

    /** The opening sentence of the crisis reply (not a crisis service, 112), e.g. for a card's short notice. */
    public String intro(Language language) {
        return texts.get(language, "crisis.intro");
    }

    /** Whether {@code text} contains a danger phrase, regardless of intent. */
    public boolean isCrisis(String text) {
        return !phrases.familiesIn(text).isEmpty();
    }

    /**
     * What the check reads in {@code text}; {@code null} when it is no crisis.
     *
     * @param intent the NLU's intent, or {@code null}; only {@code urgent_help} at or above the threshold counts
     */
    CrisisAssessment assess(String text, RecognizedIntent intent) {
        boolean urgent = intent != null && URGENT_HELP.equals(intent.name())
                && intent.confidence() >= phrases.intentOnlyMinConfidence();
        return phrases.assess(text, urgent);
    }

    /** Whether {@code text} holds an idiom that looks like danger ("det slår mig att"); see {@link #assess}. */
    boolean hasIdiom(String text) {
        return phrases.hasIdiom(text);
    }

    /** The lowest {@code urgent_help} probability at which the intent model alone makes a crisis. */
    double intentOnlyMinConfidence() {
        return phrases.intentOnlyMinConfidence();
    }

    private String body(Language language, List<String> lines) {
        List<String> parts = new ArrayList<>();
        parts.add(texts.get(language, "crisis.intro"));
        if (!lines.isEmpty()) {
            parts.add(texts.get(language, "crisis.numbers_heading"));
            List<String> items = new ArrayList<>();
            for (String line : lines) {
                items.add("- " + texts.get(language, "crisis.lines." + line));
            }
            parts.add(String.join("\n", items));
        }
        parts.add(texts.get(language, "crisis.closing"));
        return String.join("\n\n", parts);
    }
}
