package se.vagvisaren.knowledge;

import java.util.Collection;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.tartarus.snowball.ext.SwedishStemmer;
import se.vagvisaren.conversation.Language;

/**
 * The words Swedish compounds may be split into: every word of the Swedish passages and its Snowball
 * stem, from {@link KnowledgeAnalyzers#MIN_PART_LENGTH} letters up, minus stop words. Taking the
 * vocabulary from the passages themselves means no external word list is needed, and a split only
 * ever yields words the knowledge base can match.
 */
final class CompoundDictionary {

    private CompoundDictionary() {
    }

    static CharArraySet of(Collection<Passage> passages, Collection<String> extraStopWords) {
        CharArraySet stop = SwedishAnalyzer.getDefaultStopSet();
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        CharArraySet parts = new CharArraySet(4096, false);
        SwedishStemmer stemmer = new SwedishStemmer();
        for (Passage p : passages) {
            if (p.language() != Language.SV) {
                continue;
            }
            String text = p.title() + " " + String.join(" ", p.tags()) + " " + p.text();
            for (String word : PassageIndex.tokens(words, text)) {
                if (word.length() < KnowledgeAnalyzers.MIN_PART_LENGTH || stop.contains(word)
                        || extraStopWords.contains(word) || !word.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                parts.add(word);
                stemmer.setCurrent(word);
                stemmer.stem();
                String stem = stemmer.getCurrent().toLowerCase(Locale.ROOT);
                if (stem.length() >= KnowledgeAnalyzers.MIN_PART_LENGTH) {
                    parts.add(stem);
                }
            }
        }
        return parts;
    }
}
