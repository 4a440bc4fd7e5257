package se.vagvisaren.knowledge;

import java.time.OffsetDateTime;

/**
 * A question people ask that the knowledge base does not answer well.
 *
 * @param question    one wording of it (numbers masked)
 * @param count       unanswered + not-helpful occurrences
 * @param unanswered  times the bot fell back
 * @param notHelpful  times an answer got 👎
 * @param lastAsked   the latest occurrence (UTC)
 */
public record KnowledgeGap(String question, int count, int unanswered, int notHelpful, OffsetDateTime lastAsked) {
}
