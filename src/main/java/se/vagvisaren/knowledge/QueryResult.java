package se.vagvisaren.knowledge;

import java.util.List;

/**
 * The answer to one question.
 *
 * @param answers  passages best first; empty when {@code fallback}
 * @param fallback {@code true} when nothing in the knowledge base answers the question well enough:
 *                 the bot then says it does not know and offers to ask a coordinator
 */
public record QueryResult(List<KnowledgeAnswer> answers, boolean fallback) {

    public QueryResult {
        answers = List.copyOf(answers);
    }

    static QueryResult noAnswer() {
        return new QueryResult(List.of(), true);
    }

    /** The best answer, or {@code null} on fallback. */
    public KnowledgeAnswer best() {
        return answers.isEmpty() ? null : answers.get(0);
    }
}
