package se.vagvisaren.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import se.vagvisaren.conversation.Language;

/**
 * Gives a question the passage of the shape it asks for ({@link QuestionShape}), on top of the word search:
 * <ul>
 *   <li>someone who uses violence → support passages for people who use violence ({@code audience: uses-violence});</li>
 *   <li>someone afraid of, or hurt by, someone close → support for victims (never the line for people who use
 *       violence, which is also kept out of the ordinary search for them);</li>
 *   <li>a section number ("2.1") → the passage citing that section;</li>
 *   <li>a step ("steg 3", "the final step") → that step's overview, or with a topic ("förändringsfaktorer i
 *       steg 3") the best passage of that step;</li>
 *   <li>the steps as a whole ("vilka steg finns") → the five-step overview;</li>
 *   <li>"what is X" → concept passages rank higher (list passages somewhat); "which X are there" → list passages.</li>
 * </ul>
 * Routes rely on the passages' {@code kind}, {@code step} and {@code audience}; where no passage has them the
 * question is searched plainly.
 */
@RequiredArgsConstructor
final class AnswerRouter {

    /** Rank multiplier for a passage whose kind fits a definition or list question: decides near-ties only. */
    static final double KIND_BOOST = 1.6;
    /** Rank multiplier for a list passage when the question asks for a definition. */
    static final double DEFINING_LIST_BOOST = 1.4;
    /** Rank multiplier for the five-step overview when a question about the steps also names a topic. */
    static final double OVERVIEW_BOOST = 1.3;
    /** Rank multiplier for a support passage that fits the person speaking, among the other hits of the question. */
    static final double SUPPORT_BOOST = 1.5;
    /** Extra rank multiplier for a victims' line when the person speaking is afraid ({@link #supportBoost}). */
    static final double VICTIM_LINE_BOOST = 1.35;

    /**
     * The candidates for one question.
     *
     * @param hits    ranked search hits; the knowledge base applies its relevance thresholds to them
     * @param assured passages that answer the question by its shape alone ("steg 3" → the step 3 overview);
     *                used, best first, when no hit passes the thresholds
     */
    record Route(List<PassageIndex.Hit> hits, List<PassageIndex.Hit> assured) {
    }

    private final QuestionCues cues;

    Route route(QuestionShape shape, PassageIndex index, String question, Language language, int limit) {
        QuestionShape.Concern concern = shape.concern();
        if (concern != QuestionShape.Concern.NONE) {
            List<PassageIndex.Hit> support = support(shape, index, question, language, limit, concern.audiences());
            if (concern.supportFirst() && !support.isEmpty()) {
                return new Route(List.of(), support);
            }
            if (concern != QuestionShape.Concern.USES_VIOLENCE) {
                // Nobody who is afraid or worried is ever offered the line for people who use violence.
                // The support passages for this person rank higher among the hits: "jag blir slagen hemma, vart vänder
                // jag mig" gets the victim line, "jag är rädd att kartläggningen blir fel" still the passage on mapping.
                Query notForUsers = excluding(PassageIndex.AUDIENCE, Audience.USES_VIOLENCE.code());
                List<PassageIndex.Hit> hits = new ArrayList<>(index.search(question, language, limit, notForUsers));
                hits.sort(Comparator.comparingDouble((PassageIndex.Hit h) -> h.rank() * supportBoost(h.passage(), concern))
                        .reversed());
                return new Route(hits, support);
            }
        }
        if (shape.section() != null) {
            List<Passage> cited = passages(index, language, p -> citesSection(p, shape.section()));
            if (!cited.isEmpty()) {
                return new Route(List.of(), assured(index, question, language, cited));
            }
        }
        if (shape.step() != null) {
            List<Passage> overview = passages(index, language, p -> p.kind() == PassageKind.STEP && shape.step().equals(p.step()));
            List<PassageIndex.Hit> assured = assured(index, question, language, overview);
            if (!shape.topic() && !assured.isEmpty()) {
                return new Route(List.of(), assured);
            }
            List<PassageIndex.Hit> inStep = index.search(shape.rest(), language, limit,
                    new TermQuery(new Term(PassageIndex.STEP, shape.step().toString())));
            if (!inStep.isEmpty() || !assured.isEmpty()) {
                return new Route(inStep, assured);
            }
        }
        if (shape.overview()) {
            List<Passage> overview = passages(index, language, p -> p.kind() == PassageKind.STEPS_OVERVIEW);
            if (!overview.isEmpty()) {
                return new Route(List.of(), assured(index, question, language, overview));
            }
        }
        return new Route(rerank(shape, index.search(question, language, limit)), List.of());
    }

    /** Support passages for {@code audiences}, searched with the question plus the cue file's expansion words. */
    private List<PassageIndex.Hit> support(QuestionShape shape, PassageIndex index, String question, Language language,
                                           int limit, Collection<Audience> audiences) {
        BooleanQuery.Builder audience = new BooleanQuery.Builder();
        audiences.forEach(a -> audience.add(new TermQuery(new Term(PassageIndex.AUDIENCE, a.code())), BooleanClause.Occur.SHOULD));
        Query filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageIndex.KIND, PassageKind.SUPPORT.code())), BooleanClause.Occur.FILTER)
                .add(audience.setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.FILTER)
                .build();
        String expansion = cues.expansion().getOrDefault(shape.concern(), Map.of()).getOrDefault(language, "");
        List<PassageIndex.Hit> hits = index.search(question + " " + expansion, language, limit, filter);
        if (hits.isEmpty() && !expansion.isBlank()) {
            hits = index.search(expansion, language, limit, filter);
        }
        return hits;
    }

    /**
     * {@link #SUPPORT_BOOST} for a support passage that fits the person speaking; for someone afraid, the lines for
     * victims a little more than the emergency line that also fits ("her husband hits her, where can she get help"
     * is not a call for 112: the crisis check answers danger).
     */
    private static double supportBoost(Passage p, QuestionShape.Concern concern) {
        if (!isSupportFor(p, concern)) {
            return 1;
        }
        boolean victimLine = concern == QuestionShape.Concern.AFRAID && p.audience() == Audience.VICTIM;
        return victimLine ? SUPPORT_BOOST * VICTIM_LINE_BOOST : SUPPORT_BOOST;
    }

    private static boolean isSupportFor(Passage p, QuestionShape.Concern concern) {
        return p.kind() == PassageKind.SUPPORT && p.audience() != null && concern.audiences().contains(p.audience());
    }

    /** Concept/list passages up for definition/list questions, the overview up for questions about the steps. */
    private static List<PassageIndex.Hit> rerank(QuestionShape shape, List<PassageIndex.Hit> hits) {
        if (!shape.definition() && !shape.list() && !shape.overview()) {
            return hits;
        }
        List<PassageIndex.Hit> out = new ArrayList<>(hits);
        out.sort(Comparator.comparingDouble((PassageIndex.Hit h) -> h.rank() * boost(shape, h.passage().kind())).reversed());
        return out;
    }

    private static double boost(QuestionShape shape, PassageKind kind) {
        if (kind == null) {
            return 1;
        }
        return switch (kind) {
            case CONCEPT -> shape.definition() ? KIND_BOOST : 1;
            // A chapter that lists ("three levels of prevention") also defines what it lists.
            case LIST -> shape.list() ? KIND_BOOST : shape.definition() ? DEFINING_LIST_BOOST : 1;
            case STEPS_OVERVIEW -> shape.overview() ? OVERVIEW_BOOST : 1;
            default -> 1;
        };
    }

    /**
     * The given passages as hits, with their search score for the question where they have one (a passage the
     * question shares no word with scores 0), best first.
     */
    private static List<PassageIndex.Hit> assured(PassageIndex index, String question, Language language, List<Passage> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        Map<String, PassageIndex.Hit> byId = new LinkedHashMap<>();
        BooleanQuery.Builder ids = new BooleanQuery.Builder();
        passages.forEach(p -> ids.add(new TermQuery(new Term("id", p.id())), BooleanClause.Occur.SHOULD));
        for (PassageIndex.Hit hit : index.search(question, language, passages.size(), ids.setMinimumNumberShouldMatch(1).build())) {
            byId.put(hit.passage().id(), hit);
        }
        passages.forEach(p -> byId.putIfAbsent(p.id(), new PassageIndex.Hit(p, 0, 0)));
        return List.copyOf(byId.values());
    }

    private static List<Passage> passages(PassageIndex index, Language language, Predicate<Passage> wanted) {
        return index.passages().values().stream().filter(p -> p.language() == language).filter(wanted).toList();
    }

    /** The passage's {@code source.section} is the section numbered {@code number} ("2.1 Definiera …"). */
    private static boolean citesSection(Passage p, String number) {
        String section = p.source().section();
        if (section == null) {
            return false;
        }
        // "2.1 Definiera …" and "2.1: …" cite 2.1; "2.10 …" and "2.1.3 …" do not.
        return Pattern.compile("^" + Pattern.quote(number) + "(?!\\d|\\.\\d)").matcher(section.strip()).find();
    }

    private static Query excluding(String field, String value) {
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(field, value)), BooleanClause.Occur.MUST_NOT)
                .build();
    }
}
