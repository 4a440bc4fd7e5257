package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Mappers;

/**
 * Whether a handbook question reaches the handbook search at all: only a message the model reads as
 * {@code handbook_question} is answered from the handbook; {@code out_of_scope} gets "I did not understand". Measured on
 * the frozen question sets of the handbook search ({@code src/test/resources/knowledge/quality-frozen*.jsonl}), which
 * are never training examples (the tuning sets are, through {@code dialogs/intents/handbook-examples-*.yaml}). Only
 * questions whose answer is a handbook passage count here: support lines are the crisis check's and
 * {@code urgent_help}'s, questions about the bot {@code help}'s. Pass or fail only, so no frozen question or figure is
 * shown; figures in docs/nlu.md.
 */
class HandbookQuestionRoutingTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-07T10:00:00+01:00[Europe/Stockholm]");
    private static final Pattern FRONT_MATTER_FIELD = Pattern.compile("(?m)^(id|kind):\\s*(\\S+)");

    @Test
    void frozenHandbookQuestions_reachTheHandbookSearch_andOffTopicOnesMostlyDoNot() throws IOException {
        Map<String, String> kinds = passageKinds();
        TrainedUnderstanding understanding = ShippedDialogs.understanding();
        int handbook = 0;
        int routed = 0;
        int offTopic = 0;
        int offTopicToHandbook = 0;
        for (JsonNode row : frozenRows()) {
            String intent = understanding.understand(row.path("q").asText(), null, NOW).intent().name();
            List<String> expected = new ArrayList<>();
            row.path("expected").forEach(id -> expected.add(id.asText()));
            if (expected.isEmpty()) {
                offTopic++;
                offTopicToHandbook += intent.equals("handbook_question") ? 1 : 0;
            } else if (expected.stream().anyMatch(id -> !List.of("support", "bot").contains(kinds.get(id)))) {
                handbook++;
                routed += intent.equals("handbook_question") ? 1 : 0;
            }
        }

        assertThat(handbook > 600).as("frozen handbook questions read").isTrue();
        // Measured 2026-12-05 over the seven frozen sets: 0.631 before the tuning sets' questions were examples,
        // 0.912 after; questions expecting the hand-off or an off-topic answer: 0.064 before, 0.181 after.
        assertThat(routed >= 0.88 * handbook).as("share of frozen handbook questions read as handbook_question at or "
                + "above its floor (figure not shown)").isTrue();
        assertThat(offTopicToHandbook <= 0.22 * offTopic).as("share of frozen off-topic questions read as "
                + "handbook_question at or below its ceiling (figure not shown)").isTrue();
    }

    private static List<JsonNode> frozenRows() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/knowledge"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quality-frozen")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(Mappers.JSON.readTree(line));
                    }
                }
            }
        }
        return rows;
    }

    /** Each passage id's {@code kind:} from the shipped knowledge (support, bot, concept, …). */
    private static Map<String, String> passageKinds() throws IOException {
        Map<String, String> kinds = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("knowledge"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Matcher m = FRONT_MATTER_FIELD.matcher(Files.readString(file, StandardCharsets.UTF_8));
                Map<String, String> fields = new HashMap<>();
                while (m.find()) {
                    fields.putIfAbsent(m.group(1), m.group(2));
                }
                if (fields.containsKey("id")) {
                    kinds.put(fields.get("id"), fields.getOrDefault("kind", ""));
                }
            }
        }
        return kinds;
    }
}
