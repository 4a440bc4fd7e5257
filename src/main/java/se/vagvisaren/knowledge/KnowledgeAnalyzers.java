package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.tartarus.snowball.ext.SwedishStemmer;
import se.vagvisaren.conversation.Language;

/**
 * Builds the analysis chains for passages and questions. Swedish: lower case, stop words, splitting of
 * compounds against a dictionary of the knowledge base's own words ("våldsförebyggande" also yields
 * "våld" and "förebyggande"), then the Snowball stemmer (Lucene's light stemmer cuts "kommun" to "kommu").
 * English: possessives, lower case, stop words, Porter stemmer. Questions additionally get synonyms.
 */
final class KnowledgeAnalyzers {

    /** Compounds shorter than this are left whole: short words rarely are compounds, and splitting adds noise. */
    static final int MIN_COMPOUND_LENGTH = 8;
    static final int MIN_PART_LENGTH = 4;
    static final int MAX_PART_LENGTH = 16;
    static final int GRAM_LENGTH = 4;
    /**
     * Search-syntax operators as people paste them ({@code title:* AND NOT x}), matched case-sensitively
     * before lower-casing: they are not words, and in lower case they would match the English "and" or
     * "not" in a Swedish passage's quoted title. "och", "and" and "or" written normally stay words.
     */
    static final CharArraySet QUERY_OPERATORS = CharArraySet.unmodifiableSet(new CharArraySet(java.util.List.of("AND", "OR", "NOT"), false));

    private final CharArraySet swedishStop;
    private final CharArraySet englishStop;
    private final CharArraySet compoundParts;
    private final SynonymMap synonyms;
    private final CharArraySet unstemmed;

    /**
     * @param extraStopWords words ignored in both languages on top of Lucene's lists
     * @param compoundParts  known Swedish words and stems that compounds are split into; may be empty
     * @param synonyms       question-side synonyms, or {@code null} for none
     * @param unstemmed      Swedish words the stemmer leaves as they are: their stem is another word's here
     *                       ("bokar", books a room, would become "bok" and match "handboken")
     */
    KnowledgeAnalyzers(Collection<String> extraStopWords, CharArraySet compoundParts, SynonymMap synonyms,
                       Collection<String> unstemmed) {
        this.unstemmed = CharArraySet.unmodifiableSet(new CharArraySet(unstemmed, true));
        this.swedishStop = union(SwedishAnalyzer.getDefaultStopSet(), extraStopWords);
        this.englishStop = union(EnglishAnalyzer.getDefaultStopSet(), extraStopWords);
        this.compoundParts = compoundParts;
        this.synonyms = synonyms;
    }

    private static CharArraySet union(CharArraySet base, Collection<String> extra) {
        CharArraySet set = new CharArraySet(base.size() + extra.size(), true);
        set.addAll(base);
        set.addAll(extra);
        return CharArraySet.unmodifiableSet(set);
    }

    /** The chain used for passages in {@code language}. */
    Analyzer forPassages(Language language) {
        return chain(language, false);
    }

    /** The chain used for questions in {@code language}: as for passages, plus synonyms. */
    Analyzer forQuestions(Language language) {
        return chain(language, synonyms != null);
    }

    /**
     * Character n-grams of the words (after lower case and stop words), for a field that matches inflections
     * and compound parts the stemmer and the dictionary miss ("vaccinera" / "vaccination").
     */
    Analyzer forCharacterGrams(Language language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new StopFilter(source, QUERY_OPERATORS));
                stream = new StopFilter(stream, language == Language.EN ? englishStop : swedishStop);
                // 4-grams only: 3–5, 4–6, 5–6 and prefix grams all did worse on SweFAQ dev. Shorter words are kept whole.
                stream = new NGramTokenFilter(stream, GRAM_LENGTH, GRAM_LENGTH, /* preserveOriginal= */ true);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    boolean isStopWord(String lowerCaseWord) {
        return swedishStop.contains(lowerCaseWord) || englishStop.contains(lowerCaseWord);
    }

    private Analyzer chain(Language language, boolean withSynonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopFilter(source, QUERY_OPERATORS);
                stream = language == Language.EN ? new EnglishPossessiveFilter(stream) : stream;
                stream = new LowerCaseFilter(stream);
                if (withSynonyms) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                if (language == Language.EN) {
                    stream = new StopFilter(stream, englishStop);
                    return new TokenStreamComponents(source, new PorterStemFilter(stream));
                }
                stream = new StopFilter(stream, swedishStop);
                if (!compoundParts.isEmpty()) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts,
                            MIN_COMPOUND_LENGTH, MIN_PART_LENGTH, MAX_PART_LENGTH, false);
                }
                stream = new SetKeywordMarkerFilter(stream, unstemmed);
                return new TokenStreamComponents(source, new SnowballFilter(stream, new SwedishStemmer()));
            }
        };
    }

    /**
     * Parses synonym rules in Solr format ({@code a, b, c} per line, {@code #} comments).
     *
     * @throws ParseException with the line of the first bad rule
     */
    static SynonymMap parseSynonyms(String rules) throws IOException, ParseException {
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(/* dedup= */ true, /* expand= */ true, plain);
        parser.parse(new StringReader(rules));
        return parser.build();
    }
}
