package se.vagvisaren.safeguarding;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Crisis first: the bot calls this before anything else for every message. A message is a crisis
 * when the NLU classified it {@code urgent_help} or it contains a curated danger phrase
 * ({@code dialogs/safeguarding/danger-phrases.yaml}). The reply says calmly that the bot is not a
 * crisis service, gives 112 and the support numbers that fit, and for staff the hint about children.
 * In a channel or group chat the sender also gets a private message offering to continue there.
 *
 * <p>The message text is neither stored nor logged here; only the activity id is logged.
 */
@Component
public class CrisisCheck {

    static final String URGENT_HELP = "urgent_help";
    private static final Logger log = LoggerFactory.getLogger(CrisisCheck.class);

    private final DangerPhrases phrases;
    private final ReplyTexts texts;
    private final MeterRegistry meters;

    CrisisCheck(DangerPhrases phrases, ReplyTexts texts, MeterRegistry meters) {
        this.phrases = phrases;
        this.texts = texts;
        this.meters = meters;
    }

    /**
     * The crisis replies for a message, in sending order.
     *
     * @param message the message, mention removed
     * @param intent  what the NLU made of it; may be {@code null} when the NLU has not run
     * @return empty when there is no sign of a crisis; otherwise the public reply and, in a shared
     *         scope, a second reply marked {@link Reply#privateToSender()}
     */
    public List<Reply> respond(IncomingMessage message, RecognizedIntent intent) {
        List<DangerPhrases.Family> families = phrases.familiesIn(message.text());
        if (families.isEmpty() && intent != null && URGENT_HELP.equals(intent.name())) {
            families = List.of(phrases.general());
        }
        if (families.isEmpty()) {
            return List.of();
        }
        families.forEach(f -> meters.counter("vagvisaren.safeguarding.crisis", "family", f.id()).increment());
        log.info("Crisis reply for activity {} in a {} conversation", message.activityId(), message.scope());

        Language language = message.language();
        String body = body(language, families);
        if (message.scope() == null || !message.scope().isShared()) {
            return List.of(Reply.text(body));
        }
        Reply shared = Reply.text(body + "\n\n" + texts.get(language, "crisis.shared_notice"));
        Reply personal = Reply.text(texts.get(language, "crisis.private_offer") + "\n\n" + body).privately();
        return List.of(shared, personal);
    }

    /** Whether {@code text} contains a danger phrase, regardless of intent. */
    public boolean isCrisis(String text) {
        return !phrases.familiesIn(text).isEmpty();
    }

    private String body(Language language, List<DangerPhrases.Family> families) {
        Set<String> numbers = new LinkedHashSet<>();
        boolean childHint = false;
        for (DangerPhrases.Family family : families) {
            numbers.addAll(family.numbers());
            childHint |= family.childHint();
        }
        List<String> parts = new ArrayList<>();
        parts.add(texts.get(language, "crisis.intro"));
        if (!numbers.isEmpty()) {
            parts.add(texts.get(language, "crisis.numbers_heading"));
            List<String> lines = new ArrayList<>();
            for (String number : numbers) {
                lines.add("- " + texts.get(language, "crisis.numbers." + number));
            }
            parts.add(String.join("\n", lines));
        }
        if (childHint) {
            parts.add(texts.get(language, "crisis.child_hint"));
        }
        parts.add(texts.get(language, "crisis.closing"));
        return String.join("\n\n", parts);
    }
}
