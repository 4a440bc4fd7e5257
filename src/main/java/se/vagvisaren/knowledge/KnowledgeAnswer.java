package se.vagvisaren.knowledge;

/**
 * One retrieved passage as given to callers (JSON field names are part of the {@code ask} contract).
 *
 * @param id     passage id
 * @param title  passage title
 * @param text   passage text, verbatim from the knowledge base
 * @param score  BM25 relevance with field boosts, rounded to three decimals; higher is better, not bounded
 * @param source citation
 */
public record KnowledgeAnswer(String id, String title, String text, double score, PassageSource source) {
}
