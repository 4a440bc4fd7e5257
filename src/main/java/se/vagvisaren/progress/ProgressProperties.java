package se.vagvisaren.progress;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Progress updates, digests and the overview ({@code vagvisaren.progress.*}).
 *
 * @param digestDay       weekday of the weekly digest
 * @param digestTime      local time of the weekly digest, in the standard zone ({@code admin.WorkspaceZones})
 * @param digestEnabled   whether the weekly digest task is scheduled at all
 * @param quietAfter      a step with no update for this long is called quiet in digests; also the
 *                        window in which a step counts as active in the overview
 * @param deadlineHorizon how far ahead digests and the overview list deadlines
 * @param maxTextChars    longest update text accepted (characters)
 * @param listLimit       most updates shown in one list reply
 * @param linkValidity    how long a signed overview link works
 * @param publicBaseUrl   the bot's public address, used to build overview links ({@code https://bot.example.se});
 *                        empty = links cannot be handed out
 * @param municipalities  display names by workspace id (team id), for the county-board overview
 */
@Validated
@ConfigurationProperties("vagvisaren.progress")
public record ProgressProperties(
        @DefaultValue("MONDAY") @NotNull DayOfWeek digestDay,
        @DefaultValue("08:00") @NotNull LocalTime digestTime,
        @DefaultValue("true") boolean digestEnabled,
        @DefaultValue("42d") @NotNull Duration quietAfter,
        @DefaultValue("14d") @NotNull Duration deadlineHorizon,
        @DefaultValue("2000") @Min(20) @Max(20000) int maxTextChars,
        @DefaultValue("30") @Min(1) @Max(200) int listLimit,
        @DefaultValue("7d") @NotNull Duration linkValidity,
        URI publicBaseUrl,
        Map<String, String> municipalities) {

    public ProgressProperties {
        municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
    }
}
