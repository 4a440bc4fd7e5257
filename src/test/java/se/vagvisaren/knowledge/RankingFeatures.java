package se.vagvisaren.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import se.vagvisaren.conversation.Language;

/**
 * The handbook search taken apart into features, for the SweFAQ ranking experiments of docs/knowledge.md (third
 * round): per question term its query weight and its BM25 score in {@code body} and {@code lead}; the gram clause;
 * the coverage; a thesaurus clause; sloppy-phrase pairs; the analysed tokens. {@code docs/benchmarks/swefaq_cv.py}
 * recombines them (it reproduces the shipped ranking) and learns weights with cross-validation. Swedish only,
 * for candidate passages (body and lead; title, tags and question are empty).
 */
final class RankingFeatures {

    private RankingFeatures() {
    }

    /** Features of every passage of {@code index} for {@code question}, plus {@code "_q"}: the question's word groups. */
    static Map<String, Map<String, Object>> of(PassageIndex index, String question, Thesaurus thesaurus) throws IOException {
        Language sv = Language.SV;
        PassageIndex.Internals in = index.internals();
        Set<String> ids = index.passages().keySet();
        PassageIndex.QueryTerms terms = PassageIndex.QueryTerms.analyze(in.questionAnalyzers().get(sv), question);
        Map<String, Integer> known = in.swedishDocumentFrequency();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (PassageIndex.QueryTerms.Group g : terms.groups()) {
            groups.add(Map.of("words", List.copyOf(g.words()), "parts", List.copyOf(g.parts()), "num", g.isNumber(),
                    "w", index.groupWeight(g, sv)));
        }
        out.put("_q", Map.of("groups", groups));
        for (String id : ids) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", id);
            f.put("cov", index.coverage(terms, id, sv));
            f.put("terms", new ArrayList<List<Double>>());
            out.put(id, f);
        }
        List<Map.Entry<String, Float>> searchable = terms.weights().entrySet().stream()
                .filter(e -> known.containsKey(e.getKey())).limit(PassageIndex.MAX_QUERY_TERMS).toList();
        for (Map.Entry<String, Float> e : searchable) {
            Map<String, Double> body = scores(in, new TermQuery(new Term(PassageIndex.field("body", sv), e.getKey())));
            Map<String, Double> lead = scores(in, new TermQuery(new Term(PassageIndex.field("lead", sv), e.getKey())));
            for (String id : ids) {
                @SuppressWarnings("unchecked")
                List<List<Double>> t = (List<List<Double>>) out.get(id).get("terms");
                t.add(List.of((double) e.getValue(), body.getOrDefault(id, 0.0), lead.getOrDefault(id, 0.0)));
            }
        }
        BooleanQuery.Builder grams = new BooleanQuery.Builder();
        PassageIndex.tokens(in.gramAnalyzers().get(sv), question).stream().distinct().limit(PassageIndex.MAX_GRAM_TERMS)
                .forEach(g -> grams.add(new TermQuery(new Term(PassageIndex.field(PassageIndex.GRAMS, sv), g)), BooleanClause.Occur.SHOULD));
        put(out, "grams", scores(in, grams.build()));
        // Thesaurus: per question word, the best-scoring related word (one clause per word, not per synonym).
        BooleanQuery.Builder related = new BooleanQuery.Builder();
        for (PassageIndex.QueryTerms.Group g : terms.groups()) {
            Set<String> rel = new HashSet<>();
            g.words().forEach(w -> rel.addAll(thesaurus.related(w)));
            rel.removeAll(terms.terms());
            rel.retainAll(known.keySet());
            if (!rel.isEmpty()) {
                related.add(new DisjunctionMaxQuery(rel.stream().map(RankingFeatures::termQuery).toList(), 0f),
                        BooleanClause.Occur.SHOULD);
            }
        }
        put(out, "thes", scores(in, related.build()));
        List<String> firsts = new ArrayList<>();
        for (PassageIndex.QueryTerms.Group g : terms.groups()) {
            g.words().stream().filter(known::containsKey).sorted().findFirst().ifPresent(firsts::add);
        }
        for (int slop : new int[] {2, 8}) {
            BooleanQuery.Builder pairs = new BooleanQuery.Builder();
            for (int i = 0; i + 1 < firsts.size(); i++) {
                pairs.add(new PhraseQuery(slop, PassageIndex.field("body", sv), firsts.get(i), firsts.get(i + 1)),
                        BooleanClause.Occur.SHOULD);
            }
            put(out, "prox" + slop, scores(in, pairs.build()));
        }
        for (String id : ids) {
            String text = index.passages().get(id).text();
            out.get(id).put("len", (double) text.split("\\s+").length);
            out.get(id).put("toks", PassageIndex.tokens(in.passageAnalyzers().get(sv), text));
        }
        return out;
    }

    /** The search's per-term query: the best field, plus a share of the others. */
    private static Query termQuery(String term) {
        List<Query> perField = new ArrayList<>();
        PassageIndex.FIELDS.forEach((name, boost) -> perField.add(
                new BoostQuery(new TermQuery(new Term(PassageIndex.field(name, Language.SV), term)), boost)));
        return new DisjunctionMaxQuery(perField, PassageIndex.TIE_BREAKER);
    }

    private static void put(Map<String, Map<String, Object>> out, String name, Map<String, Double> scores) {
        out.forEach((id, f) -> {
            if (!id.equals("_q")) {
                f.put(name, scores.getOrDefault(id, 0.0));
            }
        });
    }

    private static Map<String, Double> scores(PassageIndex.Internals in, Query q) throws IOException {
        Map<String, Double> m = new HashMap<>();
        int n = in.searcher().getIndexReader().maxDoc();
        for (ScoreDoc sd : in.searcher().search(q, Math.max(1, n)).scoreDocs) {
            m.put(in.searcher().storedFields().document(sd.doc).get("id"), (double) sd.score);
        }
        return m;
    }
}
