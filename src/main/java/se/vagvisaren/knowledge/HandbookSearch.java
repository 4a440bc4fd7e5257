package se.vagvisaren.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;

/**
 * The handbook search as a list, for Teams' compose-box search (message extension): the same search as
 * chat answers ({@link KnowledgeBase#ask}) with a longer list, a starting list before anything is typed,
 * and the same cited answer card chat answers use for the chosen result. SDK-free; {@code teams} calls it.
 */
@Component
public class HandbookSearch {

    /** Teams shows at most a screenful of results; more is noise. */
    public static final int MAX_RESULTS = 10;
    /** How far back 👍 counts for the starting list. */
    private static final Duration HELPFUL_WINDOW = Duration.ofDays(180);
    /** Two lines of a Teams result list hold about this many characters. */
    static final int PREVIEW_CHARS = 140;

    private static final Logger log = LoggerFactory.getLogger(HandbookSearch.class);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("(^|\\s)(#{1,6}|[-*+>]|\\d+\\.)\\s+|[*_`]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final KnowledgeBase knowledge;
    private final KnowledgeCards cards;
    private final QuestionLog questions;
    private final Clock clock;

    @Autowired
    HandbookSearch(KnowledgeBase knowledge, KnowledgeCards cards, QuestionLog questions) {
        this(knowledge, cards, questions, Clock.systemUTC());
    }

    HandbookSearch(KnowledgeBase knowledge, KnowledgeCards cards, QuestionLog questions, Clock clock) {
        this.knowledge = knowledge;
        this.cards = cards;
        this.questions = questions;
        this.clock = clock;
    }

    /** One result line: the passage's title, two lines of its text and where in the handbook it stands. */
    public record Hit(String passageId, String title, String preview, String section) {
    }

    /**
     * Passages answering {@code query}, best first, at most {@code limit} (capped at {@link #MAX_RESULTS});
     * empty when nothing answers it well enough, as for a chat question.
     */
    public List<Hit> search(String query, Language language, int limit) {
        QueryResult result = knowledge.ask(query, language, Math.min(Math.max(1, limit), MAX_RESULTS));
        if (result.fallback()) {
            return List.of();
        }
        return result.answers().stream().map(a -> knowledge.passage(a.id())).flatMap(Optional::stream)
                .map(HandbookSearch::hit).toList();
    }

    /**
     * The list shown before anything is typed: the passages with the most 👍 in the last half year, then
     * the overview of the five steps and the steps in order; in {@code language} where the passage exists in it.
     */
    public List<Hit> starting(Language language, int limit) {
        int max = Math.min(Math.max(1, limit), MAX_RESULTS);
        Set<String> ids = new LinkedHashSet<>(helpfulIds(max));
        List<Passage> all = knowledge.passages();
        all.stream().filter(p -> p.language() == language)
                .filter(p -> p.kind() == PassageKind.STEPS_OVERVIEW || p.kind() == PassageKind.STEP)
                .sorted(Comparator.comparing((Passage p) -> p.kind() == PassageKind.STEPS_OVERVIEW ? 0 : 1)
                        .thenComparing(p -> p.step() == null ? Integer.MAX_VALUE : p.step())
                        .thenComparing(Passage::id))
                .forEach(p -> ids.add(p.id()));
        List<Hit> hits = new ArrayList<>();
        for (String id : ids) {
            knowledge.passage(id).ifPresent(p -> hits.add(hit(p)));
            if (hits.size() == max) {
                break;
            }
        }
        return hits;
    }

    /**
     * The cited answer card for one passage, exactly as a chat answer shows it; empty when the passage no
     * longer exists (deleted or renamed since the result list was shown).
     *
     * @param query what was searched, kept in the card's feedback buttons; may be empty
     */
    public Optional<ObjectNode> answerCard(String passageId, String query, Language language) {
        return knowledge.passage(passageId).map(p -> cards.answer(p, query == null || query.isBlank()
                ? p.title() : query, language, knowledge.related(p.id(), null, 2)));
    }

    private List<String> helpfulIds(int max) {
        try {
            return questions.mostHelpfulPassages(OffsetDateTime.now(clock).minus(HELPFUL_WINDOW), max);
        } catch (DataAccessException e) {
            // The steps still make a useful starting list; a database hiccup must not empty it.
            log.warn("Could not read helpful passages: {}", e.getMostSpecificCause().toString());
            return List.of();
        }
    }

    private static Hit hit(Passage p) {
        String section = p.source().section() != null && !p.source().section().isBlank()
                ? p.source().section() : p.source().document();
        return new Hit(p.id(), p.title(), preview(p.text()), section == null ? "" : section);
    }

    /** The start of a passage as plain text (no Markdown), cut at a word before {@link #PREVIEW_CHARS}. */
    static String preview(String markdown) {
        String text = LINK.matcher(markdown == null ? "" : markdown).replaceAll("$1");
        text = MARKUP.matcher(text).replaceAll("$1");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.length() <= PREVIEW_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', PREVIEW_CHARS - 1);
        return text.substring(0, cut > PREVIEW_CHARS / 2 ? cut : PREVIEW_CHARS - 1).stripTrailing() + "…";
    }
}
