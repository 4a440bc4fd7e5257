package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.reflection.Exercise.ExerciseText;
import se.vagvisaren.reflection.Exercise.Option;
import se.vagvisaren.reflection.Exercise.Question;
import se.vagvisaren.reflection.Exercise.QuestionType;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;

/**
 * The exercise card people answer on (template {@code dialogs/cards/reflection-exercise.json}): questions
 * as inputs, the answer mode in plain words, and a counter that never says who answered.
 */
@Component
@RequiredArgsConstructor
class ExerciseCards {

    static final String VERB_ANSWER = "reflection.answer";
    static final String VERB_CLOSE = "reflection.close";
    static final String VERB_REFRESH = "reflection.refresh";
    static final String VERB_DELETE_MINE = "reflection.delete-mine";
    static final String VERB_CONFIRM_HELD = "reflection.confirm-held";
    /** Card data key of a held answer's token. */
    static final String HELD = "held";
    static final String SESSION = "sessionId";

    private final CardTemplates templates;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;
    private final WorkspaceZones zones;

    /**
     * A notice shown above the questions, e.g. "Tack! Ditt svar är sparat."
     *
     * @param bullets extra lines under the text (discussion questions in personal mode); may be empty
     */
    record Notice(String text, String style, List<String> bullets) {
        static Notice good(String text) {
            return new Notice(text, "good", List.of());
        }

        static Notice warning(String text) {
            return new Notice(text, "attention", List.of());
        }

        Notice withBullets(List<String> lines) {
            return new Notice(text, style, List.copyOf(lines));
        }
    }

    /**
     * The card of an open session.
     *
     * @param count      answers so far
     * @param notice     shown to the person who just pressed a button, or {@code null}
     * @param ownAnswers the presser's own answers to pre-fill (saved ones in personal mode, held-back ones in
     *                   the presser's own view), or {@code null}
     */
    ObjectNode open(ReflectionSession session, int count, Notice notice, JsonNode ownAnswers) {
        Language lang = session.language();
        ObjectNode card = base(session, count, notice);
        ArrayNode questions = CardElements.items(card, "questions");
        int number = 0;
        for (Question question : session.exercise().questions()) {
            number++;
            questions.add(question(question, number, lang, ownAnswers == null ? null : ownAnswers.get(question.id())));
        }
        ArrayNode actions = card.withArray("actions");
        ObjectNode data = CardElements.data(SESSION, session.id());
        actions.add(CardElements.execute(texts.get(lang, "reflection.card.answer"), VERB_ANSWER, data));
        if (session.mode() == AnswerMode.PERSONAL) {
            actions.add(CardElements.execute(texts.get(lang, "reflection.card.delete-mine"), VERB_DELETE_MINE,
                    CardElements.data(SESSION, session.id())));
        } else {
            actions.add(CardElements.execute(texts.get(lang, "reflection.card.close"), VERB_CLOSE, data));
            refresh(card, session);
        }
        return card;
    }

    /**
     * The presser's own view of an open session after their answer was held back for personal data: the
     * warning, their answer to edit and send again, and a button saying it holds no personal data.
     *
     * @param token the held answer's token
     */
    ObjectNode held(ReflectionSession session, int count, Notice warning, JsonNode heldAnswers, String token) {
        ObjectNode card = open(session, count, warning, heldAnswers);
        ObjectNode data = CardElements.data(SESSION, session.id());
        data.put(HELD, token);
        card.withArray("actions").insert(1, CardElements.execute(texts.get(session.language(), "reflection.held.confirm"),
                VERB_CONFIRM_HELD, data));
        return card;
    }

    /** The card of a closed session: no inputs, no buttons, only the final count. */
    ObjectNode closed(ReflectionSession session, int count, Notice notice) {
        ObjectNode card = base(session, count, notice);
        CardElements.remove(card, "questions");
        if (session.mode() != AnswerMode.PERSONAL) {
            refresh(card, session);
        }
        return card;
    }

    /** "Inga svar än", "1 svar", "7 svar". */
    String count(Language lang, int count) {
        return texts.get(lang, "reflection.count", "count", count);
    }

    /** A point in time in the workspace's zone, e.g. "måndag 30 november kl. 09.00". */
    String dateTime(Language lang, String workspaceId, Instant instant) {
        return format(lang, "reflection.format.date-time", workspaceId, instant);
    }

    private ObjectNode base(ReflectionSession session, int count, Notice notice) {
        Language lang = session.language();
        ExerciseText text = session.exercise().text(lang);
        ObjectNode card = templates.fill("reflection-exercise", Map.of(
                "title", text.title(),
                "meta", texts.get(lang, "reflection.card.meta", "step", session.exercise().step(),
                        "minutes", session.exercise().durationMinutes()),
                "purpose", text.purpose(),
                "modeText", modeText(session),
                "notice", notice == null ? "" : notice.text(),
                "noticeStyle", notice == null ? "default" : notice.style(),
                "status", status(session, count)));
        if (session.mode() == AnswerMode.PERSONAL) {
            CardElements.remove(card, "status");
        }
        if (notice == null) {
            CardElements.remove(card, "notice");
        } else {
            CardElements.items(card, "notice").addAll(bullets(notice.bullets()));
        }
        return card;
    }

    private String modeText(ReflectionSession session) {
        Language lang = session.language();
        return switch (session.mode()) {
            case ANONYMOUS -> texts.get(lang, "reflection.card.mode.anonymous", "min", properties.minAnswers());
            case NAMED -> texts.get(lang, "reflection.card.mode.named", "min", properties.minAnswers());
            case PERSONAL -> texts.get(lang, "reflection.card.mode.personal");
        };
    }

    private String status(ReflectionSession session, int count) {
        Language lang = session.language();
        if (session.mode() == AnswerMode.PERSONAL) {
            return "";
        }
        if (!session.isOpen()) {
            return texts.get(lang, "reflection.card.closed", "answers", count(lang, count));
        }
        if (session.closesAt() == null) {
            return count(lang, count);
        }
        return texts.get(lang, "reflection.card.open-until", "answers", count(lang, count),
                "time", format(lang, "reflection.format.time", session.workspaceId(), session.closesAt()));
    }

    private ObjectNode question(Question question, int number, Language lang, JsonNode saved) {
        ObjectNode container = CardElements.element("Container");
        container.put("spacing", "Medium");
        ArrayNode items = container.putArray("items");
        ObjectNode heading = CardElements.text(number + ". " + question.text(lang));
        heading.put("weight", "Bolder");
        items.add(heading);
        items.add(input(question, lang, saved));
        return container;
    }

    private ObjectNode input(Question question, Language lang, JsonNode saved) {
        ObjectNode input = CardElements.element(question.type() == QuestionType.TEXT ? "Input.Text" : "Input.ChoiceSet");
        input.put("id", AnswerForm.INPUT_PREFIX + question.id());
        input.put("isRequired", false);
        if (question.type() == QuestionType.TEXT) {
            input.put("isMultiline", true);
            input.put("maxLength", properties.maxTextChars());
            input.put("placeholder", texts.get(lang, "reflection.card.text-hint"));
            if (saved != null && saved.isTextual()) {
                input.put("value", saved.asText());
            }
            return input;
        }
        input.put("style", "expanded");
        input.put("isMultiSelect", question.type() == QuestionType.MULTIPLE);
        ArrayNode choices = input.putArray("choices");
        if (question.type() == QuestionType.SCALE) {
            for (int v = QuestionType.SCALE_MIN; v <= QuestionType.SCALE_MAX; v++) {
                choices.addObject().put("title", scaleTitle(question, v, lang)).put("value", Integer.toString(v));
            }
        } else {
            for (Option option : question.options()) {
                choices.addObject().put("title", option.text(lang)).put("value", option.id());
            }
        }
        if (saved != null && !saved.isNull()) {
            input.put("value", saved.isArray() ? join(saved) : saved.asText());
        }
        return input;
    }

    private static String scaleTitle(Question question, int value, Language lang) {
        String label = value == QuestionType.SCALE_MIN ? question.low().get(lang)
                : value == QuestionType.SCALE_MAX ? question.high().get(lang) : null;
        return label == null ? Integer.toString(value) : value + " – " + label;
    }

    private static String join(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(v -> out.append(out.length() == 0 ? "" : ",").append(v.asText()));
        return out.toString();
    }

    /**
     * Lets Teams fetch the current state (counter, closed) when someone opens the conversation. Who refreshes
     * automatically ({@code userIds}, Microsoft's 60-member rule) is decided where the card is sent
     * ({@code teams.RefreshAudience}).
     */
    private static void refresh(ObjectNode card, ReflectionSession session) {
        ObjectNode action = card.putObject("refresh").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", VERB_REFRESH);
        action.set("data", CardElements.data(SESSION, session.id()));
    }

    private String format(Language lang, String patternKey, String workspaceId, Instant instant) {
        Locale locale = lang == Language.EN ? Locale.UK : Locale.forLanguageTag("sv-SE");
        return DateTimeFormatter.ofPattern(texts.get(lang, patternKey), locale)
                .format(instant.atZone(zones.of(workspaceId)));
    }

    /** The discussion questions of an exercise as one bulleted TextBlock list. */
    static List<ObjectNode> bullets(List<String> lines) {
        return lines.stream().map(line -> CardElements.text("• " + line)).toList();
    }
}
