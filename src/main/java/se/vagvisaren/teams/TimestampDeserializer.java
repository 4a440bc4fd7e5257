package se.vagvisaren.teams;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the activity timestamps Teams sends ({@code 2026-11-25T09:00:00.000Z},
 * {@code 2026-11-25T10:00:00.000+01:00}) without a {@code DateTimeFormatter}: parsing the two timestamps
 * with the SDK's format pattern was a fifth of our request-thread CPU per message. The result is exactly
 * what Jackson's own deserializer gives (adjusted to the context time zone as configured, and with the
 * SDK's pattern reading {@code .123} as 123 nanoseconds, as it always did); anything not in this shape is
 * handed to Jackson's deserializer, which also produces its usual errors.
 */
final class TimestampDeserializer extends StdDeserializer<OffsetDateTime> implements ContextualDeserializer {

    /**
     * The SDK's pattern for {@code Activity.timestamp} (bot-schema 4.14.3, with {@code timezone = "UTC"}); its
     * {@code n} reads the digits as a count of nanoseconds, and the fraction is required.
     */
    static final String SDK_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.nXXX";
    /** The same with an optional fraction, as earlier SDK builds wrote it; read the same way when there is one. */
    static final String SDK_PATTERN_OPTIONAL_FRACTION = "yyyy-MM-dd'T'HH:mm:ss[.n]XXX";

    /** How the digits after the seconds are read, as Jackson would for this property. */
    enum Digits {
        /** ISO fraction of a second (no pattern on the property). */
        FRACTION,
        /** A whole number of nanoseconds (the SDK's pattern). */
        NANOS,
        /** Another pattern: always Jackson. */
        UNKNOWN
    }

    private final JsonDeserializer<?> standard;
    private final Digits digits;

    TimestampDeserializer() {
        this(InstantDeserializer.OFFSET_DATE_TIME, Digits.FRACTION);
    }

    private TimestampDeserializer(JsonDeserializer<?> standard, Digits digits) {
        super(OffsetDateTime.class);
        this.standard = standard;
        this.digits = digits;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
        JsonFormat.Value format = property == null ? null : property.findPropertyFormat(ctxt.getConfig(), OffsetDateTime.class);
        String pattern = format == null || !format.hasPattern() ? null : format.getPattern();
        Digits mode = pattern == null ? Digits.FRACTION
                : SDK_PATTERN.equals(pattern) || SDK_PATTERN_OPTIONAL_FRACTION.equals(pattern) ? Digits.NANOS
                : Digits.UNKNOWN;
        return new TimestampDeserializer(InstantDeserializer.OFFSET_DATE_TIME.createContextual(ctxt, property), mode);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (digits != Digits.UNKNOWN && p.hasToken(JsonToken.VALUE_STRING)) {
            OffsetDateTime parsed = parse(p.getText(), digits);
            if (parsed != null) {
                return ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                        ? adjust(parsed, ctxt.getTimeZone().toZoneId()) : parsed;
            }
        }
        return (OffsetDateTime) standard.deserialize(p, ctxt);
    }

    /** As Jackson adjusts: same instant, the context zone's offset at that local time. */
    private static OffsetDateTime adjust(OffsetDateTime value, ZoneId zone) {
        return value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.(1-9 digits)(Z|±HH:MM)}, or {@code null} for anything else. */
    static OffsetDateTime parse(String s, Digits digits) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        // Only with a fraction, as Teams sends them: Jackson's pattern treats some other shapes differently.
        if (s.charAt(19) != '.') {
            return null;
        }
        int i = 20;
        int nanos = 0;
        while (i < n && i - 20 < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            nanos = nanos * 10 + (s.charAt(i++) - '0');
        }
        if (i == 20) {
            return null;
        }
        for (int k = i - 20; digits == Digits.FRACTION && k < 9; k++) {
            nanos *= 10;
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i + 6 != n || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(s, i + 1, i + 3);
        int minutes = digits(s, i + 4, i + 6);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number in {@code s[from, to)}, or -1 when it is not all ASCII digits. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
