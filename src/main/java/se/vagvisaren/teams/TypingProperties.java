package se.vagvisaren.teams;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The typing indicator ({@code vagvisaren.teams.typing.*}).
 *
 * @param enabled    send typing activities at all
 * @param delay      how long a turn may take before "Vägvisaren skriver…" is shown; 0 = at once, before the
 *                   turn starts (tests). Replies faster than this get no typing activity, so the usual fast
 *                   answer costs Teams no extra message.
 * @param repeat     how often the indicator is renewed while the turn still runs (Teams hides it after a few seconds)
 * @param maxRenewals renewals at most, so that a stuck turn does not keep "typing" until its timeout
 */
@Validated
@ConfigurationProperties("vagvisaren.teams.typing")
record TypingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration delay,
        @DefaultValue("3s") Duration repeat,
        @DefaultValue("5") @Min(0) @Max(100) int maxRenewals) {
}
