package se.vagvisaren.knowledge;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;

/**
 * Answers {@code handbook_question} with a passage card, or with an honest fallback card (and a record of
 * the unanswered question, without who asked) when the knowledge base has nothing good enough.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class KnowledgeIntents implements IntentHandler {

    public static final String INTENT = "handbook_question";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeIntents.class);

    private final KnowledgeBase knowledge;
    private final KnowledgeCards cards;
    private final QuestionLog questions;
    private final MeterRegistry meters;

    @Override
    public Set<String> intents() {
        return Set.of(INTENT);
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        String question = message.text();
        Language language = message.language();
        QueryResult result = knowledge.ask(question, language);
        meters.counter("vagvisaren.knowledge.answers", "result", result.fallback() ? "miss" : "hit",
                "lang", language.code()).increment();
        if (result.fallback()) {
            record(question, language);
            log.debug("Knowledge fallback for activity {}", message.activityId());
            return List.of(Reply.card(cards.fallback(question, language)));
        }
        Passage best = knowledge.passage(result.best().id()).orElseThrow();
        log.debug("Knowledge answer {} for activity {}", best.id(), message.activityId());
        return List.of(Reply.card(cards.answer(best, question, language, knowledge.related(best.id(), result, 2))));
    }

    private void record(String question, Language language) {
        if (QuestionLog.normalize(question).length() < 3) {
            return; // "x" or "?" says nothing about a gap in the knowledge base
        }
        try {
            questions.unanswered(question, language);
        } catch (DataAccessException e) {
            // The user still gets the fallback; a lost gap entry is not worth a failed reply.
            log.warn("Could not store an unanswered question: {}", e.getMostSpecificCause().toString());
        }
    }
}
