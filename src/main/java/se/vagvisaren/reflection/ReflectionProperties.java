package se.vagvisaren.reflection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reflection settings ({@code vagvisaren.reflection.*}).
 *
 * @param minAnswers       results are shown only when at least this many people answered (anonymity in small teams)
 * @param maxTextChars     longest free-text answer accepted, in characters; longer answers are refused, not cut
 * @param openFor          how long a group session stays open before it closes by itself; empty = the exercise's duration
 * @param resultTextBudget most characters of free text shown on one result card (Teams caps a message near 28 KB)
 * @param maxOccurrences   most launches one schedule may plan
 * @param resultsRetryDelay  pause before the first later try when results could not be posted; each further pause
 *                           is twice the one before
 * @param resultsRetries     how many later tries at most (1–10; the default 6 spans about an hour: 1+2+4+8+16+32 min)
 * @param resultsShownFor    how long after closing "visa resultatet" still shows a session's results again
 */
@Validated
@ConfigurationProperties("vagvisaren.reflection")
record ReflectionProperties(
        @DefaultValue("3") @Min(1) int minAnswers,
        @DefaultValue("1000") @Min(10) @Max(4000) int maxTextChars,
        Duration openFor,
        @DefaultValue("12000") @Min(500) int resultTextBudget,
        @DefaultValue("52") @Min(1) @Max(366) int maxOccurrences,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration resultsRetryDelay,
        @DefaultValue("6") @Min(1) @Max(10) int resultsRetries,
        @DefaultValue("14d") @NotNull @DurationMin(days = 1) Duration resultsShownFor) {
}
