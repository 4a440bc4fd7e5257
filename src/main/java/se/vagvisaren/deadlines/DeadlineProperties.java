package se.vagvisaren.deadlines;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deadline and nudge settings ({@code vagvisaren.deadlines.*}). Teams can override the lead times, the
 * escalation delay and the zone in their workspace settings ({@link DeadlineSettings}).
 *
 * @param defaultLeadTimes     reminders before the due time, e.g. {@code 7d,1d,0} (0 = at the due time)
 * @param nudgeTime            local time of automatic nudges, {@code HH:mm}
 * @param officeHoursStart     automatic nudges never go out before this local time, {@code HH:mm}
 * @param officeHoursEnd       ...nor at or after this one, {@code HH:mm}
 * @param escalateAfterDays    days after the due date when coordinators hear of an unfinished deadline; 0 = never
 * @param maxTitleChars        longest title accepted
 * @param maxYearsAhead        furthest due date accepted, in years from today
 * @param maxDeliveryAttempts  sends of one nudge before it is given up (the connector retries inside each)
 * @param retryDelay           wait before the second send of a nudge; doubles for each further one
 * @param staleClaim           a nudge claimed this long ago without an outcome is treated as interrupted and sent again
 * @param maxListed            most deadlines shown in one list
 * @param publicBaseUrl        the bot's public address for calendar links; empty = {@code http://localhost:<port>}
 */
@Validated
@ConfigurationProperties("vagvisaren.deadlines")
public record DeadlineProperties(
        @DefaultValue("7d,1d,0") String defaultLeadTimes,
        @DefaultValue("09:00") String nudgeTime,
        @DefaultValue("08:00") String officeHoursStart,
        @DefaultValue("17:00") String officeHoursEnd,
        @DefaultValue("3") @Min(0) @Max(60) int escalateAfterDays,
        @DefaultValue("200") @Min(10) @Max(400) int maxTitleChars,
        @DefaultValue("5") @Min(1) @Max(20) int maxYearsAhead,
        @DefaultValue("5") @Min(1) @Max(20) int maxDeliveryAttempts,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("15m") Duration staleClaim,
        @DefaultValue("20") @Min(1) @Max(50) int maxListed,
        String publicBaseUrl) {

    public DeadlineProperties {
        LeadTime.parseList(defaultLeadTimes); // fail at start-up, not at the first nudge
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.trim().replaceAll("/+$", "");
    }

    LocalTime nudgeLocalTime() {
        return LocalTime.parse(nudgeTime);
    }

    LocalTime officeStart() {
        return LocalTime.parse(officeHoursStart);
    }

    LocalTime officeEnd() {
        return LocalTime.parse(officeHoursEnd);
    }
}
