package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * Builds the answer and fallback Adaptive Cards from {@code dialogs/cards/knowledge-*.json}. The answer
 * text is the passage itself; the user's question only travels in button data (to come back with
 * feedback or a hand-off) and is escaped wherever it is shown.
 */
@Component
@RequiredArgsConstructor
class KnowledgeCards {

    /** Card data is echoed back by Teams on every press; keep it small. */
    static final int MAX_QUESTION_IN_CARD = 500;

    private final CardTemplates templates;
    private final ReplyTexts texts;

    /** An answer card for one passage with up to two related questions. */
    ObjectNode answer(Passage passage, String question, Language language, List<Passage> related) {
        Map<String, String> values = common(question, language);
        values.put("id", passage.id());
        values.put("title", passage.title());
        values.put("answer", passage.text());
        values.put("citation", citation(passage.source(), language));
        values.put("sourceUrl", passage.source().url() == null ? "" : passage.source().url());
        values.put("readSource", texts.get(language, PassageValidator.isHandbook(passage.source().document())
                ? "knowledge.card.read-handbook" : "knowledge.card.read-source"));
        values.put("relatedHeading", texts.get(language, "knowledge.card.related-heading"));
        values.put("helpful", texts.get(language, "knowledge.card.helpful"));
        values.put("notHelpful", texts.get(language, "knowledge.card.not-helpful"));
        for (int i = 0; i < 2; i++) {
            Passage r = i < related.size() ? related.get(i) : null;
            values.put("related" + (i + 1), r == null ? "" : r.question());
            values.put("related" + (i + 1) + "Id", r == null ? "" : r.id());
        }
        ObjectNode card = templates.fill("knowledge-answer", values);
        removeEmptyRelated(card);
        if (passage.source().url() == null) {
            // An Action.OpenUrl without a url is invalid in Teams; no url, no link.
            removeBodyElements(card, "sourceLink");
        }
        return card;
    }

    /** The "I don't know" card: honest text and the hand-off buttons, no passage. */
    ObjectNode fallback(String question, Language language) {
        Map<String, String> values = common(question, language);
        boolean tooShort = QuestionLog.normalize(question == null ? "" : question).length() < 3;
        values.put("text", tooShort
                ? texts.get(language, "knowledge.fallback.empty")
                : texts.get(language, "knowledge.fallback.text", "question", TeamsText.escape(TeamsText.shorten(question.strip(), 200))));
        values.put("hint", texts.get(language, "knowledge.fallback.hint"));
        return templates.fill("knowledge-fallback", values);
    }

    /** "Källa: Inget att vänta på (2020), 2.1 Definiera …, s. 48"; section and page only when the passage has them. */
    String citation(PassageSource source, Language language) {
        boolean section = source.section() != null && !source.section().isBlank();
        boolean page = source.page() != null;
        String key = section ? (page ? "page" : "section") : (page ? "document-page" : "document");
        return texts.get(language, "knowledge.citation." + key,
                "document", source.document(), "section", section ? source.section() : "", "page", page ? source.page() : "");
    }

    private Map<String, String> common(String question, Language language) {
        Map<String, String> values = new HashMap<>();
        values.put("question", TeamsText.shorten(question == null ? "" : question.strip(), MAX_QUESTION_IN_CARD));
        values.put("lang", language.code());
        values.put("askCoordinator", texts.get(language, "knowledge.card.ask-coordinator"));
        values.put("handoffIntro", texts.get(language, "knowledge.card.handoff-intro"));
        values.put("sendAnonymously", texts.get(language, "knowledge.card.send-anonymously"));
        values.put("sendWithName", texts.get(language, "knowledge.card.send-with-name"));
        return values;
    }

    /**
     * Drops related questions without a text, and the heading when none is left. Each question is a
     * tappable container with a wrapping text rather than a button: Teams cuts button titles after a few
     * words, and a question is only useful when it can be read whole.
     */
    private static void removeEmptyRelated(ObjectNode card) {
        ArrayNode body = (ArrayNode) card.path("body");
        boolean any = false;
        for (JsonNode element : body) {
            if ("related".equals(element.path("id").asText()) && element.path("items").isArray()) {
                ArrayNode questions = (ArrayNode) element.path("items");
                for (Iterator<JsonNode> it = questions.iterator(); it.hasNext(); ) {
                    if (it.next().path("selectAction").path("title").asText().isBlank()) {
                        it.remove();
                    }
                }
                any = !questions.isEmpty();
            }
        }
        if (!any) {
            removeBodyElements(card, "related", "relatedHeading");
        }
    }

    private static void removeBodyElements(ObjectNode card, String... ids) {
        List<String> remove = List.of(ids);
        for (Iterator<JsonNode> it = card.path("body").iterator(); it.hasNext(); ) {
            if (remove.contains(it.next().path("id").asText())) {
                it.remove();
            }
        }
    }
}
