package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.FoldedText;

/**
 * Looks for personal data in text before a feature stores it or the bot repeats it: personnummer and
 * samordningsnummer (date checked; the check digit only for bare digit runs, see {@link IdentityNumbers}),
 * Swedish phone numbers, e-mail addresses, and names next
 * to words about violence. The text is Unicode-folded first ({@link FoldedText}), so full-width
 * digits, look-alike letters, zero-width characters and spaced-out digits do not get past it. The
 * bot's own support numbers are allow-listed.
 *
 * <p>Thread-safe. Findings carry offsets, never the matched text; never log the matched text.
 */
@Component
public class PersonalDataGuard {

    /** Adaptive Card properties that hold visible text; Submit {@code data} is left alone (ids). */
    private static final Set<String> CARD_TEXT_FIELDS = Set.of("text", "title", "value", "placeholder",
            "altText", "fallbackText", "speak", "label", "errorMessage");

    private final GuardVocabulary vocabulary;
    private final ReplyTexts texts;
    private final Clock clock;

    /** Birth dates are dates where the bot works: "today" is today in the standard zone, whatever the server's. */
    @Autowired
    PersonalDataGuard(GuardVocabulary vocabulary, ReplyTexts texts, Clock clock, WorkspaceZones zones) {
        this(vocabulary, texts, clock.withZone(zones.standard()));
    }

    /** {@code today} is the date of {@code today}'s zone. */
    PersonalDataGuard(GuardVocabulary vocabulary, ReplyTexts texts, Clock today) {
        this.vocabulary = vocabulary;
        this.texts = texts;
        this.clock = today;
    }

    /** For tests and tools without a Spring context: today's date in {@link WorkspaceZones#DEFAULT}. */
    PersonalDataGuard(GuardVocabulary vocabulary, ReplyTexts texts) {
        this(vocabulary, texts, Clock.system(WorkspaceZones.DEFAULT));
    }

    /**
     * Finds personal data.
     *
     * @param text any text; {@code null} and empty give no findings
     * @return findings in text order, not overlapping, offsets into {@code text}
     */
    public List<PersonalDataFinding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        GuardVocabulary.Lists lists = vocabulary.lists();
        FoldedText folded = FoldedText.of(text);
        String f = folded.text();
        LocalDate today = LocalDate.now(clock);
        List<Span> spans = new ArrayList<>();
        for (int[] email : EmailAddresses.find(f)) {
            spans.add(new Span(PersonalDataFinding.Kind.EMAIL, email[0], email[1]));
        }
        for (DigitRuns.Run run : DigitRuns.find(f)) {
            boolean[] taken = new boolean[run.groups().size()];
            for (int g = 0; g < taken.length; g++) {
                DigitRuns.Group group = run.groups().get(g);
                taken[g] = overlapsAny(spans, group.start(), group.end());
            }
            IdentityNumbers.Cues cues = new IdentityNumbers.Cues(today,
                    IdentityNumbers.wordBefore(f, run.groups().get(0).start(), lists.identityWords()),
                    lists.referenceWords().contains(run.wordBefore()));
            for (IdentityNumbers.Hit hit : IdentityNumbers.find(run, cues)) {
                if (overlapsAny(spans, hit.start(), hit.end())) {
                    continue;
                }
                spans.add(new Span(hit.kind(), hit.start(), hit.end()));
                for (int g = hit.from(); g <= hit.to(); g++) {
                    taken[g] = true;
                }
            }
            for (int[] phone : PhoneNumbers.find(run, taken, lists.allowedNumbers(), lists.referenceWords())) {
                spans.add(new Span(PersonalDataFinding.Kind.PHONE, phone[0], phone[1]));
            }
        }
        for (int[] name : NamesNearViolence.find(f, lists)) {
            if (!overlapsAny(spans, name[0], name[1])) {
                spans.add(new Span(PersonalDataFinding.Kind.NAME_NEAR_VIOLENCE, name[0], name[1]));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<PersonalDataFinding> findings = new ArrayList<>(spans.size());
        for (Span span : spans) {
            findings.add(new PersonalDataFinding(span.kind(), folded.originalStart(span.start()),
                    folded.originalEnd(span.end())));
        }
        return List.copyOf(findings);
    }

    /** Whether {@link #scan} finds anything. */
    public boolean containsPersonalData(String text) {
        return !scan(text).isEmpty();
    }

    /**
     * A copy of {@code text} with every finding replaced by a placeholder such as {@code [telefonnummer]}
     * (reply texts {@code guard.redacted.*}). Text without findings is returned unchanged.
     */
    public String redact(String text, Language language) {
        List<PersonalDataFinding> findings = scan(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = findings.size() - 1; i >= 0; i--) {
            PersonalDataFinding finding = findings.get(i);
            out.replace(finding.start(), finding.end(), texts.get(language, "guard.redacted." + finding.kind().key()));
        }
        return out.toString();
    }

    /** {@link #redact(String, Language)} with Swedish placeholders, for text that is about to be stored. */
    public String redact(String text) {
        return redact(text, Language.SV);
    }

    /**
     * A copy of a reply with personal data redacted from its text and from the visible text of its card.
     * Meant for replies going into a channel or group chat that repeat something a user wrote.
     */
    public Reply redact(Reply reply, Language language) {
        String text = reply.text() == null ? null : redact(reply.text(), language);
        JsonNode card = reply.card() == null ? null : redactCard(reply.card().deepCopy(), language);
        return new Reply(text, card, reply.privateToSender());
    }

    /**
     * A short request to rephrase, naming the kinds found ("ett personnummer och ett telefonnummer")
     * and never the data itself.
     *
     * @param findings what {@link #scan} returned; must not be empty
     */
    public String warning(List<PersonalDataFinding> findings, Language language) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("Nothing to warn about");
        }
        Set<PersonalDataFinding.Kind> kinds = new LinkedHashSet<>();
        findings.forEach(f -> kinds.add(f.kind()));
        List<String> named = kinds.stream().map(k -> texts.get(language, "guard.kind." + k.key())).toList();
        String joined = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + texts.get(language, "guard.and")
                        + named.get(named.size() - 1);
        return texts.get(language, "guard.warning", "kinds", joined);
    }

    private JsonNode redactCard(JsonNode node, Language language) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("data")) {
                    continue;
                }
                if (field.getValue().isTextual() && CARD_TEXT_FIELDS.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(redact(field.getValue().asText(), language)));
                } else {
                    field.setValue(redactCard(field.getValue(), language));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactCard(array.get(i), language));
            }
        }
        return node;
    }

    private static boolean overlapsAny(List<Span> spans, int start, int end) {
        for (Span span : spans) {
            if (span.start() < end && start < span.end()) {
                return true;
            }
        }
        return false;
    }

    private record Span(PersonalDataFinding.Kind kind, int start, int end) {
    }
}
