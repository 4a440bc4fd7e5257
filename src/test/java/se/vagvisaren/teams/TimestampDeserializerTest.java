package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.bot.schema.Activity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our fast timestamp reading must give exactly what Jackson's own deserializer gives, or defer to it. */
class TimestampDeserializerTest {

    /** ActivityReader's mapper without our deserializer. */
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .findAndAddModules().build();

    private static final List<String> VALUES = List.of(
            "2026-11-25T09:00:00.000Z", "2026-11-25T10:00:00.000+01:00", "2026-11-25T10:00:00+01:00",
            "2026-11-25T09:00:00Z", "2026-03-29T02:30:00.1234567-05:30", "2026-11-25T09:00:00.123456789Z",
            "2026-12-31T23:59:59.9+14:00", "2024-02-29T12:00:00.5-12:00", "2026-11-25T09:00:00.000+00:00",
            // not our shape: Jackson's deserializer decides
            "2026-11-25T09:00Z", "2026-11-25 09:00:00Z", "2026-11-25T09:00:00.000", "2026-11-25T09:00:00.0000000000Z");

    private static Activity read(ObjectMapper mapper, String field, String value) throws Exception {
        return mapper.readValue("{\"type\":\"message\",\"" + field + "\":\"" + value + "\"}", Activity.class);
    }

    @Test
    void timestampAndLocalTimestamp_sameAsJacksonForEveryShape() throws Exception {
        for (String value : VALUES) {
            for (String field : List.of("timestamp", "localTimestamp")) {
                Object expected;
                try {
                    Activity jackson = read(JACKSON, field, value);
                    expected = String.valueOf("timestamp".equals(field) ? jackson.getTimestamp() : jackson.getLocalTimestamp());
                } catch (Exception e) {
                    expected = e.getClass();
                }
                Object actual;
                try {
                    Activity ours = read(ActivityReader.MAPPER, field, value);
                    actual = String.valueOf("timestamp".equals(field) ? ours.getTimestamp() : ours.getLocalTimestamp());
                } catch (Exception e) {
                    actual = e.getClass();
                }
                assertThat(actual).as("%s = %s", field, value).isEqualTo(expected);
            }
        }
    }

    @Test
    void randomTeamsShapedTimestamps_sameAsJackson() throws Exception {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 500; i++) {
            String fraction = Long.toString(Math.abs(random.nextLong())).substring(0, 1 + random.nextInt(9));
            int offsetMinutes = random.nextInt(3) == 0 ? 0 : (random.nextInt(28 * 60 + 1) - 14 * 60) / 15 * 15;
            String offset = offsetMinutes == 0 && random.nextBoolean() ? "Z"
                    : String.format("%s%02d:%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
            String value = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%s%s", 1990 + random.nextInt(60), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), fraction, offset);
            for (String field : List.of("timestamp", "localTimestamp")) {
                Activity jackson = read(JACKSON, field, value);
                Activity ours = read(ActivityReader.MAPPER, field, value);
                if ("timestamp".equals(field)) {
                    assertThat(String.valueOf(ours.getTimestamp())).as(value).isEqualTo(String.valueOf(jackson.getTimestamp()));
                } else {
                    assertThat(String.valueOf(ours.getLocalTimestamp())).as(value)
                            .isEqualTo(String.valueOf(jackson.getLocalTimestamp()));
                }
            }
        }
    }

    /** The fast path only helps if it knows the SDK's pattern: an SDK that changes it would silently send every message to Jackson's formatter. */
    @Test
    void sdkTimestampPattern_isOneTheFastPathReads() throws Exception {
        com.fasterxml.jackson.annotation.JsonFormat format = Activity.class.getDeclaredField("timestamp")
                .getAnnotation(com.fasterxml.jackson.annotation.JsonFormat.class);
        assertThat(format.pattern()).isIn(TimestampDeserializer.SDK_PATTERN, TimestampDeserializer.SDK_PATTERN_OPTIONAL_FRACTION);
    }

    @Test
    void parse_impossibleDatesAndGarbage_areLeftToJackson() {
        for (String value : List.of("2026-02-30T09:00:00Z", "2026-11-25T25:00:00Z", "2026-11-25T09:00:00+19:00",
                "２０２６-11-25T09:00:00Z", "2026-11-25T09:00:00.Z", "2026-11-25T09:00:00.000+0100", "2026-11-25T09:00:00Z", "")) {
            assertThat(TimestampDeserializer.parse(value, TimestampDeserializer.Digits.FRACTION)).as(value).isNull();
        }
    }

    @Test
    void read_invalidTimestamp_isStillRefusedAtTheEdge() {
        assertThatThrownBy(() -> new ActivityReader(10_000).read(new java.io.ByteArrayInputStream(
                "{\"type\":\"message\",\"timestamp\":\"2026-02-30T09:00:00Z\"}".getBytes())))
                .hasMessage("Not a Bot Framework activity");
    }
}
