package se.vagvisaren.nlu;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * One parse request, as in {@code POST /api/nlu/parse} and {@code nlu parse --jsonl}.
 *
 * @param text   the message; {@code null} is read as empty
 * @param now    ISO date-time with offset ({@code 2026-11-25T10:00:00+01:00}), or local in {@code zone};
 *               {@code null} means the clock's current time
 * @param zone   IANA zone such as {@code Europe/Stockholm}; {@code null} means the configured default
 * @param locale Teams locale such as {@code en-US} that hints the language; optional
 */
public record ParseRequest(String text, String now, String zone, String locale) {

    /**
     * The request's "now" in its zone.
     *
     * @throws IllegalArgumentException naming the field when {@code now} or {@code zone} cannot be read
     */
    public ZonedDateTime resolveNow(Clock clock, ZoneId defaultZone) {
        ZoneId zoneId = defaultZone;
        if (zone != null && !zone.isBlank()) {
            try {
                zoneId = ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone: unknown time zone '" + zone + "'");
            }
        }
        if (now == null || now.isBlank()) {
            return ZonedDateTime.now(clock.withZone(zoneId));
        }
        String value = now.trim();
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(zoneId);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zoneId);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "now: expected an ISO date-time such as 2026-11-25T10:00:00+01:00, got '" + value + "'");
            }
        }
    }
}
