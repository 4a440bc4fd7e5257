package se.vagvisaren.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.vagvisaren.conversation.Language;

/**
 * Stores unanswered questions and answer feedback, without user ids, and lists the most frequent gaps.
 * Digit runs (phone numbers, personnummer) are masked before storing: a question is kept to improve the
 * knowledge base, not to remember who or what it was about.
 */
@Repository
class QuestionLog {

    static final int MAX_CHARS = 500;
    private static final Pattern NUMBERS = Pattern.compile("\\+?\\d[\\d \\-]{4,}\\d");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    QuestionLog(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    QuestionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void unanswered(String question, Language language) {
        String q = mask(question);
        if (q.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO knowledge_unanswered (question, normalized, lang, asked_at) VALUES (?, ?, ?, ?)")
                .params(q, normalize(q), language.code(), now()).update();
    }

    void feedback(String question, Language language, String passageId, boolean helpful) {
        String q = mask(question);
        jdbc.sql("INSERT INTO knowledge_feedback (question, normalized, lang, passage_id, helpful, given_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(q, normalize(q), language.code(), passageId, helpful, now()).update();
    }

    /**
     * The most frequent unanswered or 👎 questions since {@code since}, most frequent first.
     *
     * @param limit at most this many rows
     */
    List<KnowledgeGap> gaps(OffsetDateTime since, int limit) {
        return jdbc.sql("""
                SELECT MIN(question) AS question, COUNT(*) AS total,
                       SUM(unanswered) AS unanswered, SUM(not_helpful) AS not_helpful, MAX(at) AS last_at
                FROM (
                    SELECT question, normalized, 1 AS unanswered, 0 AS not_helpful, asked_at AS at
                    FROM knowledge_unanswered WHERE asked_at >= ?
                    UNION ALL
                    SELECT question, normalized, 0, 1, given_at
                    FROM knowledge_feedback WHERE helpful = FALSE AND given_at >= ?
                ) g
                GROUP BY normalized
                ORDER BY total DESC, last_at DESC
                LIMIT ?""")
                .params(since, since, limit)
                .query((rs, n) -> new KnowledgeGap(rs.getString("question"), rs.getInt("total"),
                        rs.getInt("unanswered"), rs.getInt("not_helpful"),
                        rs.getObject("last_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    /**
     * Passage ids with the most 👍 since {@code since}, most first: the answers people found worth keeping,
     * offered before anyone has typed a search.
     *
     * @param limit at most this many ids
     */
    List<String> mostHelpfulPassages(OffsetDateTime since, int limit) {
        return jdbc.sql("""
                SELECT passage_id, COUNT(*) AS total, MAX(given_at) AS last_at
                FROM knowledge_feedback
                WHERE helpful = TRUE AND given_at >= ? AND passage_id IS NOT NULL
                GROUP BY passage_id
                ORDER BY total DESC, last_at DESC
                LIMIT ?""")
                .params(since, limit)
                .query((rs, n) -> rs.getString("passage_id"))
                .list();
    }

    /** Deletes rows older than {@code retention}; returns how many. */
    int deleteOlderThan(Duration retention) {
        OffsetDateTime cutoff = now().minus(retention);
        return jdbc.sql("DELETE FROM knowledge_unanswered WHERE asked_at < ?").param(cutoff).update()
                + jdbc.sql("DELETE FROM knowledge_feedback WHERE given_at < ?").param(cutoff).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String mask(String question) {
        String q = question == null ? "" : NUMBERS.matcher(question.strip()).replaceAll("[nummer]");
        return q.length() > MAX_CHARS ? q.substring(0, MAX_CHARS) : q;
    }

    /** Lower case, punctuation and extra spaces removed: "Vad är MVP?" and "vad är mvp" count as one. */
    static String normalize(String question) {
        String n = NOT_WORD.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return n.length() > MAX_CHARS ? n.substring(0, MAX_CHARS) : n;
    }
}
