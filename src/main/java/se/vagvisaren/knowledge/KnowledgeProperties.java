package se.vagvisaren.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
        @DefaultValue("730d") Duration retention) {

    /** The defaults above, for use outside Spring (CLI, tests, benchmarks). */
    public static KnowledgeProperties defaults() {
        return new KnowledgeProperties(3, 0.5, 0.35, 1000, null, null, Duration.ofDays(730));
    }

    public boolean handoffEnabled() {
        return handoffConversationId != null && !handoffConversationId.isBlank();
    }
}
