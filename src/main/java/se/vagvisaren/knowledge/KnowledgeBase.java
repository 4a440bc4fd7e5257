package se.vagvisaren.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.FirstLoad;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Courtesy;
import se.vagvisaren.language.Tokens;

/**
 * The handbook knowledge base: loads passages from a content source, indexes them and answers questions
 * with passages only (it never writes text of its own). Below the score/coverage thresholds it answers
 * with a fallback instead of a weak guess. Thread-safe; {@link #reload} swaps in a new index atomically.
 *
 * <p>Built with {@link #loadingInBackground}, the first load runs off the start path; until it has finished every
 * question (and every other read) waits for it, so nobody ever gets the fallback of an empty index that is still
 * being built, and {@link #loaded()} lets health say "loading" meanwhile.
 */
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    /** Extra candidates beyond maxAnswers, so that thresholds can drop some and still fill the list. */
    private static final int CANDIDATES = 10;
    private static final double OTHER_LANGUAGE_MIN_COVERAGE = 0.7;
    /** Further answers must score at least this share of the best one; a distant second is noise. */
    private static final double MIN_SHARE_OF_BEST = 0.3;
    /**
     * An asking sentence with a word in at most this many passages names a topic of its own (see {@link AskingSentence});
     * 5 of 3–8 kept every off-topic situation ("Min dator krånglar. Vem kan hjälpa mig?") a hand-off.
     */
    private static final int SPECIFIC_TOPIC_PASSAGES = 5;
    /** A question whose topic words are at most this many is a bare term ("MVP??", "vad är lägesbild"). */
    private static final int MAX_BARE_TERM_WORDS = 2;
    private static final Pattern TITLE_HEAD_END = Pattern.compile("\\s[–—-]\\s|[:(]");
    /**
     * The folded words of passage titles and stock questions, by their text: {@link #verbatimFirst} compared them
     * folded anew for every hit of every question (JFR, docs/performance.md). Keyed by the text itself, so a
     * content reload can never see stale words; bounded so that reloads cannot grow it without end.
     */
    private static final Cache<String, List<String>> PASSAGE_WORDS = Caffeine.newBuilder().maximumSize(10_000).build();

    private final ContentSource source;
    private final KnowledgeProperties properties;
    /** Null until a load has succeeded; {@link #current} then answers from {@link EmptySnapshot}. */
    private volatile Snapshot snapshot;

    /**
     * What a knowledge base answers from when no load has succeeded: built only then, because building even an
     * empty Lucene index loads Lucene's classes, and the bean is created on the application's main thread, which
     * the first load is meant to leave free (docs/performance.md, "Start-up and memory").
     */
    private static final class EmptySnapshot {
        static final Snapshot INSTANCE = new Snapshot(new PassageIndex(List.of(), null, Set.of()), List.of(),
                new QuestionSpelling(List.of(), Set.of()), QuestionCues.NONE);
    }

    /** Everything one load produced; replaced as a whole so a question never sees half of a reload. */
    private record Snapshot(PassageIndex index, List<KnowledgeProblem> problems, QuestionSpelling spelling,
                            QuestionCues cues) {
        QuestionReader reader() {
            return new QuestionReader(cues);
        }

        AnswerRouter router() {
            return new AnswerRouter(cues);
        }
    }

    /** Finished when the first load has, whether it found passages or not. */
    private final FirstLoad firstLoad;
    private final Supplier<Courtesy> courtesy;
    /** Example questions left out of every load (an evaluation's own questions); none in the running bot. */
    private final ExampleQuestions heldOut;

    /** Loads and indexes everything before returning; greetings and sign-offs are not read past (tests of the search). */
    public KnowledgeBase(ContentSource source, KnowledgeProperties properties) {
        this(source, properties, () -> Courtesy.NONE);
    }

    /**
     * Loads and indexes everything before returning (command-line runs, tests).
     *
     * @param courtesy the greetings and sign-offs to read past ({@link Courtesy}, from {@code dialogs/}; read at each
     *                 question, so a reloaded file applies at once)
     */
    public KnowledgeBase(ContentSource source, KnowledgeProperties properties, Supplier<Courtesy> courtesy) {
        this(source, properties, courtesy, Runnable::run);
    }

    private KnowledgeBase(ContentSource source, KnowledgeProperties properties, Supplier<Courtesy> courtesy,
                          Executor firstLoader) {
        this(source, properties, courtesy, firstLoader, ExampleQuestions.NONE);
    }

    private KnowledgeBase(ContentSource source, KnowledgeProperties properties, Supplier<Courtesy> courtesy,
                          Executor firstLoader, ExampleQuestions heldOut) {
        this.source = source;
        this.properties = properties;
        this.courtesy = courtesy;
        this.heldOut = heldOut;
        this.firstLoad = new FirstLoad(firstLoader, this::reload);
    }

    /**
     * This knowledge base as it would answer if none of {@code questions} were among the passages' example questions
     * ({@link Passage#examples}): what an evaluation must measure, since a question the search carries as an example
     * is answered from memory. Loads and indexes anew when some example is held out, else returns this instance.
     */
    public KnowledgeBase withoutExamples(Collection<String> questions) {
        ExampleQuestions held = ExampleQuestions.of(questions);
        long heldOutCount = current().index.passages().values().stream()
                .mapToLong(p -> p.examples().stream().filter(held::contains).count()).sum();
        if (heldOutCount == 0) {
            return this;
        }
        log.info("Measuring without {} example questions that are also questions of the set (held out)", heldOutCount);
        return new KnowledgeBase(source, properties, courtesy, Runnable::run, held);
    }

    /**
     * A knowledge base whose first load runs on {@code firstLoader} (the application start uses a thread of its
     * own, so that building the index overlaps the rest of the start). Reads wait for that load.
     */
    static KnowledgeBase loadingInBackground(ContentSource source, KnowledgeProperties properties,
                                             Supplier<Courtesy> courtesy, Executor firstLoader) {
        return new KnowledgeBase(source, properties, courtesy, firstLoader);
    }

    /** Whether the first load has finished (the index may still be empty if it found nothing usable). */
    public boolean loaded() {
        return firstLoad.isDone();
    }

    /** The current snapshot, after waiting for the first load if it is still running. */
    private Snapshot current() {
        firstLoad.await();
        Snapshot loaded = snapshot;
        return loaded != null ? loaded : EmptySnapshot.INSTANCE;
    }

    /**
     * Re-reads and re-indexes everything. Broken files are skipped and listed in {@link #problems()};
     * if the whole load fails, the previous index stays in use.
     */
    public final synchronized void reload() {
        long start = System.nanoTime();
        try {
            PassageLoader.Loaded loaded = heldOut.leftOutOf(PassageLoader.load(source));
            PassageIndex index = new PassageIndex(loaded.passages(), loaded.synonyms(), loaded.stopWords(), loaded.unstemmed());
            List<KnowledgeProblem> problems = new ArrayList<>(loaded.problems());
            QuestionCues cues = QuestionCues.load(source, problems::add);
            snapshot = new Snapshot(index, List.copyOf(problems), new QuestionSpelling(loaded.passages(), cues.vocabulary(), loaded.stopWords(),
                    loaded.everydayWords()), cues);
            logProblems(problems);
            long skipped = problems.stream().filter(KnowledgeProblem::fileSkipped).count();
            if (index.size() == 0) {
                // An empty knowledge base answers every question with the fallback: never let that pass as INFO.
                log.error("Knowledge base at {} has 0 passages ({} files could not be used): every question will get "
                        + "the fallback. Check that the directory (or the link or volume pointing at it) holds *.md passages",
                        source.describe(), skipped);
            } else if (skipped > 0) {
                log.warn("Knowledge base at {}: {} passages loaded, {} files could not be used (see the errors above)",
                        source.describe(), index.size(), skipped);
            }
            log.info("Knowledge base loaded from {}: {} passages, {} problems, {} ms", source.describe(),
                    index.size(), problems.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Could not reload the knowledge base from {}; keeping the previous one", source.describe(), e);
        }
    }

    private static void logProblems(List<KnowledgeProblem> problems) {
        for (KnowledgeProblem p : problems) {
            if (p.fileSkipped()) {
                log.error("Skipping knowledge file {}", p);
            } else {
                log.warn("Knowledge file {}", p);
            }
        }
    }

    /**
     * Answers a question from the knowledge base. Tries the question's language first, then the other
     * one (a Swedish passage is better than none for an English question). Never throws for any text.
     *
     * @return passages best first, or a fallback when none is relevant enough (also for empty questions)
     */
    public QueryResult ask(String question, Language language) {
        return ask(question, language, properties.maxAnswers());
    }

    /**
     * {@link #ask(String, Language)} with its own cap on the number of answers, for lists longer than a chat
     * answer (the message extension's search results); thresholds and routing are the same.
     *
     * @param maxAnswers at most this many answers, at least 1
     */
    public QueryResult ask(String question, Language language, int maxAnswers) {
        if (question == null || question.isBlank()) {
            return QueryResult.noAnswer();
        }
        String text = question.strip();
        if (text.length() > properties.maxQuestionChars()) {
            text = cutAtWord(text, properties.maxQuestionChars());
        }
        // "Hejsan! Snabb fråga: … tack på förhand /Anna": greetings and sign-offs are no part of the topic.
        text = courtesy.get().strip(text).strip();
        Language lang = language == null ? Language.SV : language;
        Snapshot current = current();
        int max = Math.max(1, maxAnswers);
        List<KnowledgeAnswer> answers = answers(current, text, lang, properties.minCoverage(), true, max);
        if (answers.isEmpty()) {
            // A passage in the other language is better than nothing, but only when it clearly fits:
            // names and acronyms ("MVP", "Ljusdal") match across languages, ordinary words rarely do.
            Language other = lang == Language.SV ? Language.EN : Language.SV;
            double stricter = Math.max(properties.minCoverage(), OTHER_LANGUAGE_MIN_COVERAGE);
            answers = answers(current, text, other, stricter, false, max);
        }
        return answers.isEmpty() ? QueryResult.noAnswer() : new QueryResult(answers, false);
    }

    /**
     * The first {@code max} characters of {@code text}, without a word cut in half at the end: a fragment
     * ("kommu" of "kommunen") is a word no passage contains, and such words count against the answer.
     */
    static String cutAtWord(String text, int max) {
        if (text.length() <= max || !Character.isLetterOrDigit(text.charAt(max)) || !Character.isLetterOrDigit(text.charAt(max - 1))) {
            return text.substring(0, Math.min(max, text.length()));
        }
        int end = max;
        while (end > 0 && Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        // One word longer than the whole limit: keep its start rather than nothing.
        return end == 0 ? text.substring(0, max) : text.substring(0, end);
    }

    /**
     * Answers in one language: spelling corrected, the question's shape read, the route's hits filtered by
     * the thresholds; when none passes, the passages the shape alone points to ("steg 3" → step 3).
     * {@code longQuestionsNeedLess}: whether {@link CoverageFloor} lowers the floor for a long question (the
     * asker's own language only; a passage in the other language must fit clearly).
     */
    private List<KnowledgeAnswer> answers(Snapshot current, String question, Language lang, double minCoverage,
                                          boolean longQuestionsNeedLess, int maxAnswers) {
        String corrected = current.spelling().correct(question, lang);
        PassageIndex index = current.index();
        String withoutContext = current.cues().withoutContext(corrected);
        if (!withoutContext.equals(corrected) && index.hasKnownWord(withoutContext, lang)) {
            // "vad är våld enligt handboken" is a question about violence; "vad står det i handboken" keeps its words.
            corrected = withoutContext;
        }
        QuestionShape shape = current.reader().read(corrected, rest -> index.namesTopic(rest, lang));
        AnswerRouter.Route route = current.router().route(shape, index, corrected, lang, maxAnswers + CANDIDATES);
        // Words no passage contains are most likely the topic ("pizza", "lösenord"): a passage must cover at least
        // as much of the question as they make up, or the question is about something this base does not know.
        // Unseen means unknown both as written (synonyms apply) and as corrected (typos): the smaller share.
        PassageIndex.QuestionWords asWritten = index.questionWords(question, lang);
        PassageIndex.QuestionWords asCorrected = corrected.equals(question) ? asWritten : index.questionWords(corrected, lang);
        double unseen = Math.min(asWritten.unseenShare(), asCorrected.unseenShare());
        // A message that describes the asker's situation before a question naming a topic ("Vi har APT i morgon och
        // undrar: vad är våldspyramiden?") is judged by its asking sentence as well: the situation's words are not the
        // topic. Not when the asking sentence is an everyday one ("Min dator krånglar. Vem kan hjälpa mig?"): then the
        // situation is the topic.
        String asking = AskingSentence.of(corrected);
        ToDoubleFunction<PassageIndex.Hit> coverage = PassageIndex.Hit::coverage;
        if (!asking.equals(corrected) && index.namesSpecificTopic(asking, lang, SPECIFIC_TOPIC_PASSAGES)) {
            unseen = Math.min(unseen, index.questionWords(asking, lang).unseenShare());
            ToDoubleFunction<String> askingCoverage = index.coverageOf(asking, lang);
            coverage = hit -> Math.max(hit.coverage(), askingCoverage.applyAsDouble(hit.passage().id()));
        }
        double floor = CoverageFloor.of(minCoverage, unseen * properties.unseenWordsFactor(), asCorrected.searchable(),
                longQuestionsNeedLess);
        List<KnowledgeAnswer> answers = confident(verbatimFirst(route.hits(), corrected, shape.rest()), floor, coverage,
                maxAnswers);
        if (answers.isEmpty()) {
            route.assured().stream().limit(maxAnswers).map(KnowledgeBase::answer).forEach(answers::add);
        }
        return answers;
    }

    /**
     * The hits with the one whose title or stock question is the question itself ("Vad är våld?") first: a
     * passage written to answer exactly that question beats a neighbour that BM25 scores a hair higher. A bare
     * term ("MVP??", "what is mvp") puts first the passage whose title begins with that term ("MVP – Mentors in
     * Violence Prevention"), not one that only mentions it often ("Does MVP work?").
     */
    private static List<PassageIndex.Hit> verbatimFirst(List<PassageIndex.Hit> hits, String question, String topic) {
        List<String> asked = Tokens.foldedWords(question, Integer.MAX_VALUE);
        List<String> term = Tokens.foldedWords(topic, Integer.MAX_VALUE);
        boolean bareTerm = !term.isEmpty() && term.size() <= MAX_BARE_TERM_WORDS;
        for (int i = 1; i < hits.size(); i++) {
            Passage p = hits.get(i).passage();
            if (asked.equals(passageWords(p.title())) || (p.question() != null && asked.equals(passageWords(p.question())))
                    || (bareTerm && term.equals(titleHead(p)) && !term.equals(titleHead(hits.get(0).passage())))) {
                List<PassageIndex.Hit> out = new ArrayList<>(hits);
                out.add(0, out.remove(i));
                return out;
            }
        }
        return hits;
    }

    /** The folded words of a title before its first dash, colon or parenthesis: "MVP – Mentors in …" → [mvp]. */
    private static List<String> titleHead(Passage p) {
        String title = p.title() == null ? "" : p.title();
        Matcher end = TITLE_HEAD_END.matcher(title);
        return passageWords(end.find() ? title.substring(0, end.start()) : title);
    }

    private static List<String> passageWords(String text) {
        return text == null ? List.of() : PASSAGE_WORDS.get(text, t -> Tokens.foldedWords(t, Integer.MAX_VALUE));
    }

    /**
     * The hits that pass both thresholds, in rank order, stopping at the first that does not: when the
     * best hit is not good enough the answer is a fallback, never a weaker passage further down.
     */
    private List<KnowledgeAnswer> confident(List<PassageIndex.Hit> hits, double minCoverage,
                                            ToDoubleFunction<PassageIndex.Hit> coverage, int maxAnswers) {
        List<KnowledgeAnswer> out = new ArrayList<>();
        for (PassageIndex.Hit hit : hits) {
            boolean weakNextToBest = !out.isEmpty() && hit.score() < out.get(0).score() * MIN_SHARE_OF_BEST;
            if (hit.score() < properties.minScore() || coverage.applyAsDouble(hit) < minCoverage || weakNextToBest
                    || out.size() == maxAnswers) {
                break;
            }
            out.add(answer(hit));
        }
        return out;
    }

    private static KnowledgeAnswer answer(PassageIndex.Hit hit) {
        Passage p = hit.passage();
        return new KnowledgeAnswer(p.id(), p.title(), p.text(), Math.round(hit.score() * 1000) / 1000.0, p.source());
    }

    /** A passage by id. */
    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(id == null ? null : current().index().passages().get(id));
    }

    /**
     * Up to {@code max} passages to offer as follow-up questions after {@code passageId}: its own
     * {@code related} list first, then the other answers; only passages that have a {@code question}.
     */
    public List<Passage> related(String passageId, QueryResult result, int max) {
        Set<String> ids = new LinkedHashSet<>();
        passage(passageId).ifPresent(p -> ids.addAll(p.related()));
        if (result != null) {
            result.answers().forEach(a -> ids.add(a.id()));
        }
        ids.remove(passageId);
        return ids.stream().map(this::passage).flatMap(Optional::stream)
                .filter(p -> p.question() != null).limit(max).toList();
    }

    /** Every passage currently indexed, in no particular order. */
    List<Passage> passages() {
        return List.copyOf(current().index().passages().values());
    }

    /** Number of passages currently indexed. */
    public int size() {
        return current().index().size();
    }

    /** Problems found at the last (re)load: skipped files and kept passages with a fault; empty when all is well. */
    public List<KnowledgeProblem> problems() {
        return current().problems();
    }

    /** Where the passages are read from, for messages. */
    public String origin() {
        return source.describe();
    }
}
