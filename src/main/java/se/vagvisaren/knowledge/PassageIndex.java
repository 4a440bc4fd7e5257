package se.vagvisaren.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import se.vagvisaren.conversation.Language;

/**
 * An immutable in-memory Lucene index (BM25) over a set of passages. Questions are never parsed as
 * query syntax: they are analysed into terms and turned into term queries in code, so
 * {@code title:* OR "} is just words. Thread-safe; build a new instance to change the content.
 */
final class PassageIndex {

    /**
     * Field of a passage's {@link Passage#examples}: like {@code asked} in the ranking and the coverage, but its words
     * are left out of the document frequencies, so they neither make a word "known" (the off-topic check) nor change
     * how rare a word is (leave-one-set-out over the question sets: 0.906 → 0.931 top-1 this way, 0.925 with the
     * examples counted as known words, which let 5 more of 227 off-topic questions through; docs/knowledge.md).
     */
    static final String EXAMPLES = "examples";
    /**
     * Field weights: a match in the title says more about the topic than one in the text. {@code lead} is
     * the text's first sentence, where an answer says what it is about (SweFAQ dev: 0.5 beat 0–2.5).
     */
    static final Map<String, Float> FIELDS = Map.of("title", 3.0f, "tags", 2.0f, "question", 1.5f, "asked", 1.5f,
            EXAMPLES, 1.5f, "body", 1.0f, "lead", 0.5f);
    /** Terms beyond this are ignored; keeps a 5,000-character question under Lucene's clause limit. */
    static final int MAX_QUERY_TERMS = 64;
    /** Terms whose statistics are kept ({@link #termStates}): the words and grams of many thousand questions. */
    static final int MAX_CACHED_TERMS = 10_000;
    static final float TIE_BREAKER = 0.2f;
    /**
     * One word of the question scores as its best-matching form (the word, a synonym or a compound part) plus this
     * share of the others: "våldsförebyggande" with its four synonyms and three parts is still one word, and must not
     * outweigh the rest of the question in the passage that happens to use all of them.
     */
    static final float GROUP_TIE_BREAKER = 0.1f;
    /** Field of character 4-grams of title and text (see {@link KnowledgeAnalyzers#forCharacterGrams}). */
    static final String GRAMS = "grams";
    /** Weight of the gram clause against the word clauses; 0.2 was best on SweFAQ dev among 0.05–1.0. */
    static final float GRAM_WEIGHT = 0.2f;
    /** Distinct grams per question; 5,000 characters give far more, and Lucene allows 1,024 clauses. */
    static final int MAX_GRAM_TERMS = 400;
    /** Untokenised fields holding a passage's kind, step and audience codes, for filters. */
    static final String KIND = "kind";
    static final String STEP = "step";
    static final String AUDIENCE = "audience";
    /**
     * A word found in more than this share of a language's passages does not name a topic ("våld" in a
     * violence-prevention knowledge base): see {@link #namesTopic}.
     */
    static final double MAX_TOPIC_SHARE = 0.3;
    private static final FieldType TEXT_WITH_VECTORS = textWithVectors();
    /** {@link #FIELDS}' weights by index field name ({@code title_sv}, ...), so no name is built per query term. */
    private static final Map<String, Float> FIELD_BOOSTS = fieldBoosts();
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    private static Map<String, Float> fieldBoosts() {
        Map<String, Float> boosts = new HashMap<>();
        for (Language language : Language.values()) {
            FIELDS.forEach((name, boost) -> boosts.put(field(name, language), boost));
        }
        return Map.copyOf(boosts);
    }

    private static FieldType textWithVectors() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    /** Built once: an Analyzer caches its token streams per thread, so a new one per call only makes garbage. */
    private final Map<Language, Analyzer> passageAnalyzers = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> questionAnalyzers = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> gramAnalyzers = new EnumMap<>(Language.class);
    private final Map<String, Passage> passages = new LinkedHashMap<>();
    private final Map<String, Set<String>> termsByPassage = new HashMap<>();
    private final Map<Language, Map<String, Integer>> documentFrequency = new EnumMap<>(Language.class);
    private final Map<Language, Integer> passagesPerLanguage = new EnumMap<>(Language.class);
    /**
     * Per language, each known word's index fields (of {@link #FIELDS}, in its order) that contain it: a word is
     * only looked up where it can match. One shared list per combination of fields, built once with the index.
     */
    private final Map<Language, Map<String, List<String>>> fieldsByTerm = new EnumMap<>(Language.class);
    /** Per language, the character grams the passages contain; other grams of a question cannot match. */
    private final Map<Language, Set<String>> knownGrams = new EnumMap<>(Language.class);
    private final IndexSearcher searcher;
    /**
     * Each looked-up term's statistics and place in the terms dictionary, found once per index instead of once per
     * question: building them was a third of a question's allocation (docs/performance.md, session 12). The index
     * never changes, and statistics built with scores needed are only read afterwards, so they can be shared by
     * threads; Lucene uses them only for the searcher they were built with. Bounded: a term costs about 250 bytes.
     */
    private final Cache<Term, TermStates> termStates = Caffeine.newBuilder().maximumSize(MAX_CACHED_TERMS).build();
    /**
     * The passage of each Lucene document number, read once from the stored ids (the index is built once and never
     * changes): loading a hit's stored document per search decompressed a stored-fields block for every hit, about
     * 5 % of the bot's allocation per message (JFR, docs/performance.md).
     */
    private Passage[] passageOfDoc;

    /**
     * @param passages      passages with unique ids
     * @param synonyms      question-side synonyms, or {@code null}
     * @param extraStopWords words to ignore in questions and passages
     */
    PassageIndex(Collection<Passage> passages, SynonymMap synonyms, Collection<String> extraStopWords) {
        this(passages, synonyms, extraStopWords, Set.of());
    }

    /**
     * As {@link #PassageIndex(Collection, SynonymMap, Collection)}, leaving {@code unstemmed} Swedish words as
     * they are (see {@link KnowledgeAnalyzers}).
     */
    PassageIndex(Collection<Passage> passages, SynonymMap synonyms, Collection<String> extraStopWords,
                 Collection<String> unstemmed) {
        CharArraySet parts = CompoundDictionary.of(passages, extraStopWords);
        KnowledgeAnalyzers analyzers = new KnowledgeAnalyzers(extraStopWords, parts, synonyms, unstemmed);
        for (Language lang : Language.values()) {
            passageAnalyzers.put(lang, analyzers.forPassages(lang));
            questionAnalyzers.put(lang, analyzers.forQuestions(lang));
            gramAnalyzers.put(lang, analyzers.forCharacterGrams(lang));
        }
        for (Passage p : passages) {
            this.passages.put(p.id(), p);
        }
        try {
            this.searcher = build(passages);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the in-memory index", e);
        }
    }

    private IndexSearcher build(Collection<Passage> all) throws IOException {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language lang : Language.values()) {
            for (String field : FIELDS.keySet()) {
                perField.put(field(field, lang), passageAnalyzers.get(lang));
            }
            perField.put(field(GRAMS, lang), gramAnalyzers.get(lang));
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(passageAnalyzers.get(Language.SV), perField);
        // Each index file in one buffer: with the default many small blocks, every clone of an input (one per
        // term lookup and postings list) copied a view of each block, half of all the bot's allocation per
        // question under load (docs/performance.md). Same files, same ranking.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Passage p : all) {
                writer.addDocument(document(p));
            }
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        collectTerms(reader);
        collectGrams(reader);
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(similarity());
        return s;
    }

    /**
     * Reads each passage's analysed terms back from its term vectors (for coverage and IDF), so the text
     * is analysed once, by the index writer.
     */
    private void collectTerms(DirectoryReader reader) throws IOException {
        StoredFields stored = reader.storedFields();
        TermVectors vectors = reader.termVectors();
        Map<Language, Map<String, Set<String>>> fieldsOfTerms = new EnumMap<>(Language.class);
        passageOfDoc = new Passage[reader.maxDoc()];
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Passage p = passages.get(stored.document(doc).get("id"));
            passageOfDoc[doc] = p;
            Set<String> terms = new HashSet<>();
            Set<String> vocabulary = new HashSet<>();
            Map<String, Set<String>> fieldsOf = fieldsOfTerms.computeIfAbsent(p.language(), l -> new HashMap<>());
            Fields fields = vectors.get(doc);
            if (fields != null) {
                for (String field : fields) {
                    boolean examples = field.equals(field(EXAMPLES, p.language()));
                    TermsEnum e = fields.terms(field).iterator();
                    for (BytesRef term = e.next(); term != null; term = e.next()) {
                        String t = term.utf8ToString();
                        terms.add(t);
                        if (!examples) {
                            vocabulary.add(t);
                        }
                        fieldsOf.computeIfAbsent(t, k -> new HashSet<>()).add(field);
                    }
                }
            }
            termsByPassage.put(p.id(), terms);
            Map<String, Integer> df = documentFrequency.computeIfAbsent(p.language(), l -> new HashMap<>());
            vocabulary.forEach(t -> df.merge(t, 1, Integer::sum));
            passagesPerLanguage.merge(p.language(), 1, Integer::sum);
        }
        fieldsOfTerms.forEach((language, byTerm) -> fieldsByTerm.put(language, inFieldOrder(language, byTerm)));
    }

    /** Each term's fields as a list in {@link #FIELDS}' order, the same list instance for the same fields. */
    private static Map<String, List<String>> inFieldOrder(Language language, Map<String, Set<String>> fieldsOf) {
        List<String> all = FIELDS.keySet().stream().map(name -> field(name, language)).toList();
        Map<Set<String>, List<String>> shared = new HashMap<>();
        Map<String, List<String>> byTerm = new HashMap<>();
        fieldsOf.forEach((term, fields) -> byTerm.put(term, shared.computeIfAbsent(fields,
                f -> all.stream().filter(f::contains).toList())));
        return byTerm;
    }

    /** The grams each language's passages contain (the gram field has no term vectors, so from the terms dictionary). */
    private void collectGrams(DirectoryReader reader) throws IOException {
        for (Language language : Language.values()) {
            Set<String> grams = new HashSet<>();
            Terms terms = MultiTerms.getTerms(reader, field(GRAMS, language));
            if (terms != null) {
                TermsEnum e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    grams.add(term.utf8ToString());
                }
            }
            knownGrams.put(language, grams);
        }
    }

    private static Document document(Passage p) {
        Document doc = new Document();
        doc.add(new StringField("id", p.id(), Field.Store.YES));
        doc.add(new StringField("lang", p.language().code(), Field.Store.NO));
        // For the question-type routing (AnswerRouter): "steg 3" is searched among the passages of step 3.
        if (p.kind() != null) {
            doc.add(new StringField(KIND, p.kind().code(), Field.Store.NO));
        }
        if (p.step() != null) {
            doc.add(new StringField(STEP, p.step().toString(), Field.Store.NO));
        }
        if (p.audience() != null) {
            doc.add(new StringField(AUDIENCE, p.audience().code(), Field.Store.NO));
        }
        fieldValues(p).forEach((name, value) -> doc.add(new Field(field(name, p.language()), value, TEXT_WITH_VECTORS)));
        // No term vectors: the grams must not count as words in coverage and document frequencies.
        doc.add(new TextField(field(GRAMS, p.language()), p.title() + " \n " + p.text(), Field.Store.NO));
        return doc;
    }

    private static Map<String, String> fieldValues(Passage p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", p.title());
        values.put("tags", String.join(" , ", p.tags()));
        values.put("question", p.question() == null ? "" : p.question());
        values.put("asked", String.join(" \n ", p.asked()));
        values.put(EXAMPLES, String.join(" \n ", p.examples()));
        values.put("body", p.text());
        values.put("lead", lead(p.text()));
        return values;
    }

    /** The first sentence of a text: where answers tend to say what they are about. */
    static String lead(String text) {
        Matcher m = SENTENCE_END.matcher(text);
        return m.find() ? text.substring(0, m.end()) : text;
    }

    /**
     * BM25 with more weight on repeated words ({@code k1} 1.5, Lucene's default 1.2) and stronger length
     * normalisation ({@code b} 0.9, default 0.75): tuned on SweFAQ dev, where long answers otherwise win on
     * sheer vocabulary; the handbook questions did not get worse (docs/knowledge.md).
     */
    static BM25Similarity similarity() {
        return new BM25Similarity(1.5f, 0.9f);
    }

    static String field(String name, Language language) {
        return name + "_" + language.code();
    }

    int size() {
        return passages.size();
    }

    Map<String, Passage> passages() {
        return passages;
    }

    /**
     * The parts of this index that the ranking experiments in the test sources take apart
     * ({@code se.vagvisaren.knowledge.RankingFeatures}, docs/knowledge.md "SweFAQ"); not used by the search.
     */
    Internals internals() {
        return new Internals(searcher, questionAnalyzers, passageAnalyzers, gramAnalyzers,
                documentFrequency.getOrDefault(Language.SV, Map.of()));
    }

    /** See {@link #internals()}. */
    record Internals(IndexSearcher searcher, Map<Language, Analyzer> questionAnalyzers,
                     Map<Language, Analyzer> passageAnalyzers, Map<Language, Analyzer> gramAnalyzers,
                     Map<String, Integer> swedishDocumentFrequency) {
    }

    /**
     * Ranks passages in {@code language} for a question.
     *
     * @return at most {@code limit} hits, best first; empty when the question has no searchable words
     */
    List<Hit> search(String question, Language language, int limit) {
        return search(question, language, limit, null);
    }

    /**
     * As {@link #search(String, Language, int)}, among the passages that match {@code filter} only.
     *
     * @param filter a Lucene query over {@link #KIND}, {@link #STEP}, {@link #AUDIENCE} (not scored), or
     *               {@code null} for all passages
     */
    List<Hit> search(String question, Language language, int limit, Query filter) {
        QueryTerms terms = QueryTerms.analyze(questionAnalyzers.get(language), question);
        // A term no passage in this language contains cannot match or score, so it is left out of the
        // query: same ranking, and a Swedish question tried against the English passages costs nothing.
        Map<String, List<String>> known = fieldsByTerm.getOrDefault(language, Map.of());
        List<Map.Entry<String, Float>> searchable = terms.weights().entrySet().stream()
                .filter(e -> known.containsKey(e.getKey())).limit(MAX_QUERY_TERMS).toList();
        if (searchable.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Set<String> allowed = new HashSet<>();
        searchable.forEach(e -> allowed.add(e.getKey()));
        for (QueryTerms.Group group : terms.groups()) {
            List<Query> alternatives = new ArrayList<>();
            for (String term : group.all()) {
                if (allowed.contains(term)) {
                    alternatives.add(new BoostQuery(termQuery(term, known.get(term)), terms.weights().get(term)));
                }
            }
            if (!alternatives.isEmpty()) {
                words.add(alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, GROUP_TIE_BREAKER),
                        BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(termQuery(new Term("lang", language.code())), BooleanClause.Occur.FILTER);
        if (filter != null) {
            query.add(filter, BooleanClause.Occur.FILTER);
        }
        // Character grams add a little for inflections and compounds that stemming and splitting miss
        // ("vaccinera" / "vaccination"); optional, so they never make a passage match on grams alone.
        // A gram no passage contains neither matches nor scores, so only known grams are looked up (the limit
        // still counts every distinct gram of the question, as before, so the same grams take part).
        BooleanQuery.Builder grams = new BooleanQuery.Builder();
        Set<String> knownGramsHere = knownGrams.getOrDefault(language, Set.of());
        String gramField = field(GRAMS, language);
        tokens(gramAnalyzers.get(language), question).stream().distinct().limit(MAX_GRAM_TERMS)
                .filter(knownGramsHere::contains)
                .forEach(g -> grams.add(termQuery(new Term(gramField, g)), BooleanClause.Occur.SHOULD));
        query.add(new BoostQuery(grams.build(), GRAM_WEIGHT), BooleanClause.Occur.SHOULD);
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query.build(), limit).scoreDocs) {
                Passage passage = passageOfDoc[sd.doc];
                hits.add(new Hit(passage, sd.score, coverage(terms, passage.id(), language)));
            }
            // BM25 favours a passage that repeats one rare word; weighing in how much of the question
            // the passage covers puts "utvärderingen av MVP" on the evaluation, not on MVP in general.
            hits.sort(Comparator.comparingDouble(Hit::rank).reversed());
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed in the in-memory index", e);
        }
    }

    /**
     * Whether {@code text} names a topic of the knowledge base in {@code language}: it has a word that some
     * passage contains and that is not in almost every passage. "steg 3" → the cue words are removed first by
     * the caller; "förändringsfaktorer" → yes; "snälla" → no.
     */
    boolean namesTopic(String text, Language language) {
        Map<String, Integer> df = documentFrequency.getOrDefault(language, Map.of());
        int n = passagesPerLanguage.getOrDefault(language, 0);
        return wordsOtherThanNumbers(text, language)
                .anyMatch(t -> df.containsKey(t) && df.get(t) <= Math.max(1, MAX_TOPIC_SHARE * n));
    }

    /**
     * Whether {@code text} has a word that at most {@code maxPassages} passages in {@code language} contain: a term
     * that names one topic ("våldspyramiden", "lägesbild"), not an everyday word that many passages use ("vända").
     */
    boolean namesSpecificTopic(String text, Language language, int maxPassages) {
        Map<String, Integer> df = documentFrequency.getOrDefault(language, Map.of());
        return wordsOtherThanNumbers(text, language).anyMatch(t -> df.containsKey(t) && df.get(t) <= maxPassages);
    }

    /** Whether {@code text} has a word, other than a bare number, that some passage in {@code language} contains. */
    boolean hasKnownWord(String text, Language language) {
        return wordsOtherThanNumbers(text, language).anyMatch(documentFrequency.getOrDefault(language, Map.of())::containsKey);
    }

    /** The analysed words of {@code text} and their synonyms, without bare numbers and without compound parts. */
    private Stream<String> wordsOtherThanNumbers(String text, Language language) {
        return QueryTerms.analyze(questionAnalyzers.get(language), text).groups().stream()
                .filter(g -> !g.isNumber()).flatMap(g -> g.words().stream());
    }

    /**
     * What the thresholds need to know of a question's words, from one analysis of it.
     *
     * @param unseenShare the share of the question (by the same IDF weights as {@link Hit#coverage}) made up of words
     *                    that no passage in the language contains; bare numbers do not count as unseen (they say little
     *                    about the topic), nor does a compound one of whose parts a passage contains; 0 for a question
     *                    without searchable words
     * @param searchable  how many searchable words (word groups, after stop words) the question has
     */
    record QuestionWords(double unseenShare, int searchable) {
    }

    /**
     * The share of {@code text} (by the same IDF weights as {@link Hit#coverage}) that a passage contains, by passage
     * id; 0 for a text without searchable words. The text is analysed once, here.
     */
    ToDoubleFunction<String> coverageOf(String text, Language language) {
        QueryTerms terms = QueryTerms.analyze(questionAnalyzers.get(language), text);
        return passageId -> coverage(terms, passageId, language);
    }

    /** {@link QuestionWords} of {@code question} in {@code language}. */
    QuestionWords questionWords(String question, Language language) {
        QueryTerms terms = QueryTerms.analyze(questionAnalyzers.get(language), question);
        Map<String, Integer> df = documentFrequency.getOrDefault(language, Map.of());
        double total = 0;
        double unseen = 0;
        for (QueryTerms.Group group : terms.groups()) {
            double weight = groupWeight(group, language);
            total += weight;
            // A compound with a known part ("individnivå" next to "individ") is about something the passages know.
            if (!group.isNumber() && group.words().stream().noneMatch(df::containsKey)
                    && group.parts().stream().noneMatch(df::containsKey)) {
                unseen += weight;
            }
        }
        return new QuestionWords(total == 0 ? 0 : unseen / total, terms.groups().size());
    }

    /**
     * The term in each of {@code fields} (index field names), weighted by {@link #FIELDS}. Only the fields that
     * contain the term: in the others it neither matches nor adds to the score, so the ranking is the same as
     * with all fields, without a terms-dictionary lookup per empty field.
     */
    private Query termQuery(String term, List<String> fields) {
        List<Query> perField = new ArrayList<>(fields.size());
        for (String field : fields) {
            perField.add(new BoostQuery(termQuery(new Term(field, term)), FIELD_BOOSTS.get(field)));
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /** A query for one term with its {@link #termStates cached statistics}: the same weight and scores as without. */
    private TermQuery termQuery(Term term) {
        return new TermQuery(term, termStates.get(term, t -> {
            try {
                return TermStates.build(searcher, t, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read term statistics from the in-memory index", e);
            }
        }));
    }

    /**
     * The share of the question's words that the passage contains, each word weighted by how rare it is
     * in the knowledge base (IDF). A word the knowledge base has never seen weighs what the same IDF gives a
     * word in no passage ({@link #unseenWordWeight}): more than any word it knows. Typos are corrected and
     * filler words are stop words before this point, so an unseen word is most likely the real topic
     * ("pizza", "lösenord", "canteen"), and a question about something else falls back instead of being
     * answered through its one everyday word ("kostar", "ändrar").
     */
    double coverage(QueryTerms question, String passageId, Language language) {
        Set<String> contained = termsByPassage.getOrDefault(passageId, Set.of());
        double total = 0;
        double matched = 0;
        for (QueryTerms.Group group : question.groups()) {
            double weight = groupWeight(group, language);
            total += weight;
            if (group.words().stream().anyMatch(contained::contains)) {
                matched += weight;
            } else {
                // One matching part proves little ("håll" in "innehålla"); two make the compound's meaning.
                long parts = group.parts().stream().filter(contained::contains).count();
                matched += parts >= 2 ? weight : 0;
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    /**
     * Weight of a bare number in the coverage, at most: "1" in "alert(1)" is rare in the passages but says
     * little about the topic.
     */
    static final double NUMBER_WEIGHT = 1.0;

    /**
     * The IDF of a word that none of {@code passages} contains, by the same formula as for known words
     * (BM25's, document frequency 0): the rarest a word can be.
     */
    static double unseenWordWeight(int passages) {
        return idf(0, passages);
    }

    /** BM25's IDF of a word in {@code frequency} of {@code passages} passages, as Lucene computes it. */
    static double idf(int frequency, int passages) {
        return Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5));
    }

    double groupWeight(QueryTerms.Group group, Language language) {
        Map<String, Integer> df = documentFrequency.getOrDefault(language, Map.of());
        int n = passagesPerLanguage.getOrDefault(language, 0);
        double best = -1;
        for (String term : group.words()) {
            Integer f = df.get(term);
            if (f != null) {
                best = Math.max(best, idf(f, n));
            }
        }
        if (best < 0) {
            best = unseenWordWeight(n);
        }
        // A bare number ("1" in "alert(1)") is rare in the passages but says little about the topic.
        return group.isNumber() ? Math.min(best, NUMBER_WEIGHT) : best;
    }

    /**
     * One ranked passage.
     *
     * @param score    BM25 score with field boosts; grows with matching words, not bounded
     * @param coverage share of the question's (IDF-weighted) words found in the passage, 0–1
     */
    record Hit(Passage passage, double score, double coverage) {
        /**
         * Order of the answers: relevance weighted by the square root of coverage. Squared coverage (before
         * issue 15) cost 4 points on SweFAQ dev and nothing on the handbook questions; without coverage the
         * handbook's top-3 fell below 0.97. The fallback threshold on coverage itself is unchanged.
         */
        double rank() {
            return score * Math.sqrt(coverage);
        }
    }

    /** Internal token plumbing shared with {@link CompoundDictionary}. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Analysed question terms, grouped by the word they came from: a word's synonyms and compound parts
     * share its start offset. Parts are kept apart because a part alone is weak evidence ("håll" in
     * "innehålla"), while two parts together are strong ("våld" + "förebygg" for "våldsförebyggande").
     */
    record QueryTerms(Map<String, Float> weights, List<Group> groups) {

        /** Weight of a compound part relative to a whole word or synonym, in the query and in coverage. */
        static final float PART_WEIGHT = 0.5f;
        /** Weight of a synonym in the query: it widens recall, but the user's own word should decide ties. */
        static final float SYNONYM_WEIGHT = 0.7f;

        /**
         * One word of the question: the word and its synonyms, and the parts it was split into.
         *
         * @param isNumber the word as written is a number
         */
        record Group(Set<String> words, Set<String> parts, boolean isNumber) {
            /** The words and the parts together. */
            Set<String> all() {
                Set<String> all = new HashSet<>(words);
                all.addAll(parts);
                return all;
            }
        }

        /** Collects one group while its tokens stream by (synonyms may arrive before the word). */
        private static final class GroupBuilder {
            final Set<String> words = new HashSet<>();
            final Set<String> parts = new HashSet<>();
            boolean number;

            Group build() {
                return new Group(Set.copyOf(words), Set.copyOf(parts), number);
            }
        }

        Set<String> terms() {
            return weights.keySet();
        }

        static QueryTerms analyze(Analyzer analyzer, String text) {
            Map<Integer, GroupBuilder> byWord = new LinkedHashMap<>();
            Map<String, Float> weights = new LinkedHashMap<>();
            Set<Integer> originals = new HashSet<>();
            try (TokenStream stream = analyzer.tokenStream("q", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                TypeAttribute type = stream.addAttribute(TypeAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    String t = term.toString();
                    GroupBuilder group = byWord.computeIfAbsent(offset.startOffset(), k -> new GroupBuilder());
                    // Synonyms are typed SYNONYM and may come before the word itself. The compound filter emits a
                    // word's parts right after it, at the same position and with the word's type.
                    boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
                    boolean part = !synonym && increment.getPositionIncrement() == 0 && originals.contains(offset.startOffset());
                    if (!synonym && !part) {
                        originals.add(offset.startOffset());
                        group.number = !t.isEmpty() && t.chars().allMatch(Character::isDigit);
                    }
                    (part ? group.parts : group.words).add(t);
                    weights.merge(t, part ? PART_WEIGHT : synonym ? SYNONYM_WEIGHT : 1f, Math::max);
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // A repeated word ("bla bla bla") is one word: count it once in the coverage.
            return new QueryTerms(weights, byWord.values().stream().map(GroupBuilder::build).distinct().toList());
        }
    }
}
