package se.vagvisaren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import picocli.CommandLine;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeProperties;
import se.vagvisaren.language.CourtesyPhrases;

/** {@code ask --jsonl} and {@code knowledge import|check} as a script would call them. */
class KnowledgeCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    /** The shipped greetings and sign-offs, as the application reads them. */
    private static final CourtesyPhrases COURTESY = new CourtesyPhrases(new ContentSource("dialogs", java.nio.file.Path.of("dialogs")));

    private int ask(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        AskCommand command = new AskCommand(new StaticListableBeanFactory().getBeanProvider(KnowledgeBase.class),
                KnowledgeProperties.defaults(), COURTESY);
        return new CommandLine(command).execute(args);
    }

    private int knowledge(String... args) {
        KnowledgeCommand command = new KnowledgeCommand(new ContentSource("knowledge", dir.resolve("none")),
                KnowledgeProperties.defaults(), COURTESY);
        return new CommandLine(command).execute(args);
    }

    private List<JsonNode> outputLines() throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            // Outside the CLI launcher, test logging may share stdout; the command's own lines are JSON objects.
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void ask_jsonl_oneLinePerInputInOrderEvenForBadLines() throws Exception {
        String input = """
                {"q": "Vad är en lägesbild?", "lang": "sv"}
                {"q": "title:* OR \\"", "lang": "sv"}
                this is not json
                {"q": "What is MVP?", "lang": "en"}
                """;

        int code = ask(input, "--jsonl", "--knowledge", "knowledge");

        assertThat(code).isZero();
        List<JsonNode> lines = outputLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("answers").get(0).path("id").asText()).isEqualTo("steg-2-lagesbild");
        assertThat(lines.get(0).path("answers").get(0).path("source").has("page")).isTrue();
        assertThat(lines.get(0).path("answers").get(0).path("source").has("url")).isTrue();
        assertThat(lines.get(1).path("fallback").asBoolean()).isTrue();
        assertThat(lines.get(2).path("error").asText()).startsWith("line 3:");
        assertThat(lines.get(3).path("answers").get(0).path("id").asText()).isEqualTo("mvp-en");
    }

    @Test
    void ask_missingKnowledgeDirectory_exitCode2AndMessage() {
        int code = ask("", "--jsonl", "--knowledge", dir.resolve("missing").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a directory");
    }

    @Test
    void knowledgeImport_markdownThenCheck_findsPassagesAndNamesBrokenFile() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("rutiner"));
        Files.writeString(docs.resolve("oro.md"), "# Rutin\n\n## Vem ringer jag?\n\nRing socialtjänsten och berätta för din chef samma dag.\n");
        Path target = dir.resolve("kb");

        int imported = knowledge("import", "--md", docs.toString(), "--out", target.toString());

        assertThat(imported).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 1 passages from 1 file(s)");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("read 1 of 1");

        Files.writeString(target.resolve("trasig.md"), "---\nid: x\n");
        int checked = knowledge("check", "--knowledge", target.toString());

        assertThat(checked).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 passages from").contains("skipped: trasig.md: front matter is not closed");
    }

    @Test
    void knowledgeImport_brokenPdf_failsWithFileName() throws Exception {
        Path pdf = Files.writeString(dir.resolve("rapport.pdf"), "not a pdf");

        int code = knowledge("import", "--pdf", pdf.toString(), "--out", dir.resolve("kb").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Import failed").contains("rapport.pdf");
    }

    @Test
    void knowledgeImport_neitherPdfNorMd_isUsageError() {
        assertThat(knowledge("import")).isEqualTo(2);
    }

    @Test
    void ask_emptyKnowledgeDirectory_exitsNonZeroWithOneClearLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("tom"));
        Files.writeString(empty.resolve("trasig.md"), "ingen front matter");

        int code = ask("{\"q\": \"Vad är en lägesbild?\"}\n", "--jsonl", "--knowledge", empty.toString());

        assertThat(code).isEqualTo(1);
        assertThat(outputLines()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).singleElement().asString()
                .startsWith("No knowledge passages loaded from " + empty.toAbsolutePath()).contains("1 problems");
    }

    @Test
    void ask_knowledgeThroughSymbolicLink_answers() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("kb-link"), Path.of("knowledge").toAbsolutePath());

        int code = ask("{\"q\": \"Vad är en lägesbild?\", \"lang\": \"sv\"}\n", "--jsonl", "--knowledge", link.toString());

        assertThat(code).isZero();
        assertThat(outputLines()).singleElement().satisfies(l -> assertThat(l.path("fallback").asBoolean()).isFalse());
    }

    @Test
    void ask_jsonl_badQuestionsGetAFallbackLineNeverAnError() throws Exception {
        String huge = "Hur gör vi en lägesbild i kommunen och vem ska vara med? ".repeat(90).substring(0, 5000);
        String input = JSON.writeValueAsString(java.util.Map.of("q", huge, "lang", "sv")) + "\n"
                + "{\"q\": \"title:* OR \\\"\", \"lang\": \"sv\"}\n"
                + "{\"q\": \"😱🙏💔\", \"lang\": \"sv\"}\n"
                + "{\"q\": \"(((( ]]] ~~ *:* ^^ -+ &&\", \"lang\": \"en\"}\n"
                // Operators in capitals are syntax, not the English "and"/"not" of a quoted title in a Swedish passage.
                + "{\"q\": \"*:* AND NOT title:x OR body\", \"lang\": \"sv\"}\n";

        int code = ask(input, "--jsonl", "--knowledge", "knowledge");

        assertThat(code).isZero();
        List<JsonNode> lines = outputLines();
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(l -> assertThat(l.has("error")).isFalse());
        assertThat(lines.get(0).path("answers").size()).isPositive();
        assertThat(lines.subList(1, 5)).allSatisfy(l -> {
            assertThat(l.path("fallback").asBoolean()).isTrue();
            assertThat(l.path("answers").size()).isZero();
        });
    }

    @Test
    void knowledgeRank_jsonl_ranksEveryCandidateOnceBestFirstAndReportsBadLines() throws Exception {
        String input = """
                {"id": "a", "q": "Hur ansöker jag om bostadsbidrag?", "lang": "sv", "candidates": ["Du kan boka tid för vaccination via 1177.", "Pass ansöker du om hos polisen.", "Bostadsbidrag söker du hos Försäkringskassan, enklast via Mina sidor.", "Vi svarar inte på frågor om väder."]}
                {"id": "b", "q": "Where do I renew my passport?", "lang": "en", "candidates": ["Vaccines are booked online.", "You renew a passport at a police passport office."]}
                not json at all
                {"id": "c", "q": "Vad gäller?", "candidates": []}
                {"id": "d", "q": "😱 title:* OR \\"", "lang": "sv", "candidates": ["ett", "två", "tre"]}
                """;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));

        int code = knowledge("rank", "--jsonl", "--knowledge", "knowledge");

        assertThat(code).isZero();
        List<JsonNode> lines = outputLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).path("id").asText()).isEqualTo("a");
        assertThat(ranking(lines.get(0))).startsWith(2).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(ranking(lines.get(1))).containsExactly(1, 0);
        assertThat(lines.get(2).path("error").asText()).startsWith("line 3:");
        assertThat(lines.get(3).path("id").asText()).isEqualTo("c");
        assertThat(lines.get(3).path("error").asText()).startsWith("line 4:").contains("candidates");
        assertThat(ranking(lines.get(4))).containsExactly(0, 1, 2);
    }

    private static List<Integer> ranking(JsonNode line) {
        List<Integer> out = new java.util.ArrayList<>();
        line.path("ranking").forEach(n -> out.add(n.asInt()));
        return out;
    }
}
