package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionHandler;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * Presses on knowledge cards: {@code knowledge.feedback} (👍/👎), {@code knowledge.handoff} (send the
 * question to the coordinators' channel, with the asker's name only when they chose so) and
 * {@code knowledge.related} (answer a suggested question). Card data is client-controlled: passage ids
 * are looked up, question text is cut and escaped, nothing in it grants anything.
 */
@Component
class KnowledgeCardActions implements CardActionHandler {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeCardActions.class);
    /** Coordinator channels are Swedish-speaking; the hand-off post is written in Swedish. */
    private static final Language COORDINATOR_LANGUAGE = Language.SV;

    private final KnowledgeBase knowledge;
    private final KnowledgeCards cards;
    private final QuestionLog questions;
    private final ReplyTexts texts;
    private final KnowledgeProperties properties;
    private final ObjectProvider<OutboundMessages> outbound;
    private final CoordinatorsDirectly coordinators;

    KnowledgeCardActions(KnowledgeBase knowledge, KnowledgeCards cards, QuestionLog questions, ReplyTexts texts,
                         KnowledgeProperties properties, ObjectProvider<OutboundMessages> outbound,
                         CoordinatorsDirectly coordinators) {
        this.coordinators = coordinators;
        this.knowledge = knowledge;
        this.cards = cards;
        this.questions = questions;
        this.texts = texts;
        this.properties = properties;
        this.outbound = outbound;
    }

    @Override
    public String feature() {
        return "knowledge";
    }

    @Override
    public CardActionResult handle(CardAction action) {
        JsonNode data = action.data() == null ? NullNode.getInstance() : action.data();
        // The router already chose the conversation's language (the card's own "lang" only when none is remembered).
        Language language = action.message().language();
        String question = TeamsText.shorten(data.path("q").asText("").strip(), KnowledgeCards.MAX_QUESTION_IN_CARD);
        return switch (action.verb()) {
            case "knowledge.feedback" -> feedback(data, question, language);
            case "knowledge.handoff" -> handoff(action, data, question, language);
            case "knowledge.related" -> related(data.path("id").asText(""), language);
            default -> CardActionResult.unknown();
        };
    }

    private CardActionResult feedback(JsonNode data, String question, Language language) {
        boolean helpful = data.path("helpful").asBoolean(false);
        String passageId = knowledge.passage(data.path("id").asText(null)).map(Passage::id).orElse(null);
        try {
            questions.feedback(question, language, passageId, helpful);
        } catch (DataAccessException e) {
            log.warn("Could not store knowledge feedback: {}", e.getMostSpecificCause().toString());
        }
        String text = texts.get(language, helpful ? "knowledge.feedback.helpful" : "knowledge.feedback.not-helpful");
        return new CardActionResult(List.of(Reply.text(text).privately()), null, text, CardActionResult.Outcome.DONE);
    }

    private CardActionResult handoff(CardAction action, JsonNode data, String question, Language language) {
        OutboundMessages sender = outbound.getIfAvailable();
        if (sender == null || question.isEmpty()) {
            return CardActionResult.refused(Reply.text(texts.get(language, "knowledge.handoff.unavailable")).privately());
        }
        boolean named = data.path("named").asBoolean(false);
        String name = action.message().sender() == null ? null : action.message().sender().displayName();
        String who = named && name != null && !name.isBlank()
                ? TeamsText.escape(name)
                : texts.get(COORDINATOR_LANGUAGE, "knowledge.handoff.anonymous");
        String post = texts.get(COORDINATOR_LANGUAGE, "knowledge.handoff.message", "who", who, "question", TeamsText.escape(question));
        String tenant = properties.handoffTenantId() != null && !properties.handoffTenantId().isBlank()
                ? properties.handoffTenantId()
                : action.message().conversation().tenantId();
        if (!properties.handoffEnabled()) {
            return directly(action, Reply.text(post), language, sender);
        }
        DeliveryResult result = sender.send(new ConversationKey(tenant, properties.handoffConversationId()), Reply.text(post));
        log.info("Knowledge hand-off from activity {}: {}", action.message().activityId(), result.status());
        String key = !result.delivered() ? "knowledge.handoff.failed" : named ? "knowledge.handoff.sent-named" : "knowledge.handoff.sent";
        String text = texts.get(language, key);
        return new CardActionResult(List.of(Reply.text(text).privately()), null, text, CardActionResult.Outcome.DONE);
    }

    /** Without a coordinators' channel: to the coordinators of the asker's teams, saying who got it. */
    private CardActionResult directly(CardAction action, Reply post, Language language, OutboundMessages sender) {
        CoordinatorsDirectly.Delivery delivery = coordinators.send(action.message(), post, sender);
        log.info("Knowledge hand-off from activity {} sent directly to {} coordinators", action.message().activityId(),
                delivery.delivered());
        String text = delivery.delivered() == 0 ? texts.get(language, "knowledge.handoff.no-coordinator")
                : delivery.teamNames().isEmpty()
                        ? texts.get(language, "knowledge.handoff.sent-direct", "count", delivery.delivered())
                        : texts.get(language, "knowledge.handoff.sent-direct-team", "count", delivery.delivered(),
                                "teams", TeamsText.escape(String.join(", ", delivery.teamNames())));
        CardActionResult.Outcome outcome = delivery.delivered() == 0 ? CardActionResult.Outcome.REFUSED
                : CardActionResult.Outcome.DONE;
        return new CardActionResult(List.of(Reply.text(text).privately()), null, text, outcome);
    }

    private CardActionResult related(String passageId, Language language) {
        Optional<Passage> passage = knowledge.passage(passageId);
        if (passage.isEmpty()) {
            return CardActionResult.replies(Reply.text(texts.get(language, "knowledge.related.missing")));
        }
        Passage p = passage.get();
        String question = p.question() != null ? p.question() : p.title();
        return CardActionResult.replies(Reply.card(cards.answer(p, question, p.language(), knowledge.related(p.id(), null, 2))));
    }
}
