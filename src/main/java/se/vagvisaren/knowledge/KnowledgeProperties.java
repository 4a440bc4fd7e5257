package se.vagvisaren.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Knowledge-base settings ({@code vagvisaren.knowledge.*}).
 *
 * @param maxAnswers             answers returned per question, best first
 * @param minScore               lowest BM25 score (with field boosts) that counts as an answer; a floor only,
 *                               because scores grow with the size of the knowledge base (coverage decides)
 * @param minCoverage            lowest share (0–1) of the question's IDF-weighted words a passage must contain
 * @param maxQuestionChars       longer questions are cut to this many characters before searching
 * @param handoffConversationId  Teams conversation id of the coordinators' channel for "Fråga en samordnare";
 *                               empty = hand-off switched off (the asker is told so)
 * @param handoffTenantId        tenant of that channel; empty = the asker's tenant
 * @param retention              how long unanswered questions and feedback are kept
 * @param unseenWordsFactor      a passage must cover at least this multiple of the share of the question made up
 *                               of words no passage contains (IDF-weighted like the coverage, an unseen word
 *                               weighing as the rarest possible word). 1.0 is the rule "the passage explains at
 *                               least as much of the question as the words nobody here knows": "vad kostar en
 *                               pizza" (the passage has "kostar", no passage has "pizza") falls back. 0 = off
 */
@Validated
@ConfigurationProperties("vagvisaren.knowledge")
public record KnowledgeProperties(
        @DefaultValue("3") @Min(1) @Max(10) int maxAnswers,
        @DefaultValue("0.5") @DecimalMin("0") double minScore,
        @DefaultValue("0.35") @DecimalMin("0") @DecimalMax("1") double minCoverage,
        @DefaultValue("1000") @Min(20) int maxQuestionChars,
        String handoffConversationId,
        String handoffTenantId,
        @DefaultValue("730d") Duration retention,
        @DefaultValue("1.0") @DecimalMin("0") double unseenWordsFactor) {

    /** See {@code unseenWordsFactor}: coverage at least equal to the unseen share. */
    public static final double UNSEEN_WORDS_FACTOR = 1.0;

    /** The canonical constructor, the one Spring binds. */
    @ConstructorBinding
    public KnowledgeProperties {
    }

    /** As the canonical constructor with the default {@link #UNSEEN_WORDS_FACTOR}. */
    public KnowledgeProperties(int maxAnswers, double minScore, double minCoverage, int maxQuestionChars,
                               String handoffConversationId, String handoffTenantId, Duration retention) {
        this(maxAnswers, minScore, minCoverage, maxQuestionChars, handoffConversationId, handoffTenantId, retention,
                UNSEEN_WORDS_FACTOR);
    }

    /** The defaults above, for use outside Spring (CLI, tests, benchmarks). */
    public static KnowledgeProperties defaults() {
        return new KnowledgeProperties(3, 0.5, 0.35, 1000, null, null, Duration.ofDays(730));
    }

    public boolean handoffEnabled() {
        return handoffConversationId != null && !handoffConversationId.isBlank();
    }
}
