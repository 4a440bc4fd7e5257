package se.vagvisaren.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SynonymMap;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * Ranks a given list of texts for a question with exactly the analysers and scoring of the handbook search:
 * each candidate becomes the body of a passage in a small in-memory {@link PassageIndex}, with the knowledge
 * base's own synonyms and stop words. It exists so that retrieval can be measured on answer-selection data
 * nobody here wrote (SweFAQ, see docs/knowledge.md); a change that helps there helps the handbook too.
 * Thread-safe.
 */
public final class CandidateRanker {

    private final SynonymMap synonyms;
    private final Set<String> stopWords;
    private final Set<String> unstemmed;

    private CandidateRanker(SynonymMap synonyms, Set<String> stopWords, Set<String> unstemmed) {
        this.synonyms = synonyms;
        this.stopWords = stopWords;
        this.unstemmed = unstemmed;
    }

    /** A ranker using the synonyms and stop words of {@code knowledge}, as the handbook search does. */
    public static CandidateRanker from(ContentSource knowledge) {
        PassageLoader.Loaded loaded = PassageLoader.load(knowledge);
        return new CandidateRanker(loaded.synonyms(), Set.copyOf(loaded.stopWords()), Set.copyOf(loaded.unstemmed()));
    }

    /**
     * @param question   the question, any text (never parsed as query syntax)
     * @param language   analysis language of question and candidates
     * @param candidates texts to rank; {@code null} entries count as empty texts
     * @return every candidate index exactly once, best first; candidates sharing no word with the question
     *         follow the matching ones in their original order
     */
    public List<Integer> rank(String question, Language language, List<String> candidates) {
        List<Passage> passages = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            String text = candidates.get(i) == null ? "" : candidates.get(i);
            passages.add(Passage.bodyOnly("c" + i, language, text));
        }
        Set<Integer> order = new LinkedHashSet<>();
        if (question != null && !question.isBlank() && !passages.isEmpty()) {
            PassageIndex index = new PassageIndex(passages, synonyms, stopWords, unstemmed);
            for (PassageIndex.Hit hit : index.search(question, language, passages.size())) {
                order.add(Integer.parseInt(hit.passage().id().substring(1)));
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        return List.copyOf(order);
    }
}
