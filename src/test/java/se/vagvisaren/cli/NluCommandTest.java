package se.vagvisaren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import picocli.CommandLine;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.ParseService;
import se.vagvisaren.nlu.TrainedUnderstanding;

class NluCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentSource DIALOGS = new ContentSource("dialogs", Path.of("dialogs"));
    private static ParseService parser;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void train() {
        TrainedUnderstanding understanding = new TrainedUnderstanding(DIALOGS, NluProperties.defaults(),
                new DateParser());
        StaticListableBeanFactory clock = new StaticListableBeanFactory(
                Map.of("clock", Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC)));
        parser = new ParseService(understanding, NluProperties.defaults(), clock.getBeanProvider(Clock.class));
    }

    private int run(String stdin, String... args) {
        NluCommand command = new NluCommand(DIALOGS,
                new StaticListableBeanFactory(Map.of("parser", parser)).getBeanProvider(ParseService.class),
                NluProperties.defaults());
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void parse_jsonl_writesOneJsonLinePerInputLine() throws IOException {
        int code = run("""
                {"text": "påminn oss på fredag kl 14", "now": "2026-11-25T10:00:00+01:00", "zone": "Europe/Stockholm"}

                {"text": "my colleague says her husband threatens her"}
                {"text": "imorgon"}
                """, "parse", "--jsonl");

        List<String> lines = out.toString().lines().toList();
        assertThat(code).isZero();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.at("/intent/name").asText()).isEqualTo("deadline_create");
        assertThat(first.at("/entities/0/value").asText()).isEqualTo("2026-11-27T14:00");
        assertThat(JSON.readTree(lines.get(1)).at("/intent/name").asText()).isEqualTo("urgent_help");
        assertThat(JSON.readTree(lines.get(1)).at("/language").asText()).isEqualTo("en");
        // No "now": the injected clock (25 Nov, 10:00 in Stockholm) and the default zone decide.
        assertThat(JSON.readTree(lines.get(2)).at("/entities/0/value").asText()).isEqualTo("2026-11-26");
    }

    @Test
    void parse_badLine_answersWithErrorLineAndFailsExitCode() throws IOException {
        int code = run("not json\n[1]\n{\"text\": \"hej\"}\n", "parse", "--jsonl");

        List<String> lines = out.toString().lines().toList();
        assertThat(code).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("error").asText()).startsWith("line 1: not JSON");
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).contains("JSON object");
        assertThat(JSON.readTree(lines.get(2)).at("/intent/name").asText()).isEqualTo("greeting");
        assertThat(err.toString()).contains("2 line(s)");
    }

    @Test
    void eval_json_printsTheContractFields(@TempDir Path dir) throws IOException {
        Path test = dir.resolve("test.jsonl");
        Files.writeString(test, """
                {"text": "hej på dig", "intent": "greeting"}
                {"text": "vilka deadlines har vi", "intent": "deadline_list"}
                {"text": "what's the weather in Umeå", "intent": "out_of_scope"}
                """);

        int code = run("", "eval", "--test", test.toString(), "--json");

        assertThat(code).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.fieldNames()).toIterable().contains("accuracy", "macro_f1", "n", "per_intent", "confusion",
                "train_ms", "predict_ms_p50", "predict_ms_p99");
        assertThat(report.get("n").asInt()).isEqualTo(3);
        assertThat(report.at("/per_intent/greeting").fieldNames()).toIterable()
                .containsExactly("precision", "recall", "f1", "support");
        assertThat(report.at("/confusion/deadline_list").isObject()).isTrue();
        assertThat(report.at("/settings/algorithm").asText()).as("the shipped trainer").isEqualTo("WARM_QN");
    }

    @Test
    void eval_withoutJson_printsTable(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("train.jsonl");
        Files.writeString(train, """
                {"text": "hej", "intent": "greeting"}
                {"text": "hallå", "intent": "greeting"}
                {"text": "tjena", "intent": "greeting"}
                {"text": "tack", "intent": "thanks"}
                {"text": "tackar", "intent": "thanks"}
                {"text": "tusen tack", "intent": "thanks"}
                """);

        int code = run("", "eval", "--train", train.toString(), "--cv", "3");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("macro-F1=", "precision", "confusion", "greeting", "thanks");
    }

    @Test
    void eval_missingTestAndCv_explainsAndFails() {
        assertThat(run("", "eval", "--json")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("--test FILE or --cv K");
    }

    @Test
    void eval_cutoffAndLbfgsCorrections_areUsedAndReported(@TempDir Path dir) throws IOException {
        Path train = twoIntents(dir);

        int code = run("", "eval", "--train", train.toString(), "--cv", "3", "--cutoff", "2", "--lbfgs-corrections", "5",
                "--json");

        assertThat(code).isZero();
        JsonNode settings = JSON.readTree(out.toString()).get("settings");
        assertThat(settings.get("cutoff").asInt()).isEqualTo(2);
        assertThat(settings.get("lbfgs_corrections").asInt()).isEqualTo(5);
    }

    @Test
    void eval_sparseSoftmaxAndLearningRate_areUsedAndReported(@TempDir Path dir) throws IOException {
        Path train = twoIntents(dir);

        int code = run("", "eval", "--train", train.toString(), "--cv", "3", "--algorithm", "SPARSE_SOFTMAX",
                "--learning-rate", "0.3", "--json");

        assertThat(code).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("settings").get("algorithm").asText()).isEqualTo("SPARSE_SOFTMAX");
        assertThat(report.get("settings").get("learning_rate").asDouble()).isEqualTo(0.3);
        assertThat(report.get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void eval_learningRateNotPositive_explainsAndFails() {
        assertThat(run("", "eval", "--cv", "3", "--learning-rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--learning-rate needs a number R > 0");
        assertThat(run("", "eval", "--cv", "3", "--learning-rate", "-0.5")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void eval_cutoffOrCorrectionsBelowOne_explainsAndFails() {
        assertThat(run("", "eval", "--cv", "3", "--cutoff", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--cutoff needs N >= 1");
        assertThat(run("", "eval", "--cv", "3", "--lbfgs-corrections", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--lbfgs-corrections needs M >= 1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void eval_unreadableFile_explainsAndFails() {
        assertThat(run("", "eval", "--test", "/no/such/file.jsonl", "--json")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }

    /** Six examples of two intents, enough for 3-fold cross-validation. */
    private static Path twoIntents(Path dir) throws IOException {
        Path train = dir.resolve("train.jsonl");
        Files.writeString(train, """
                {"text": "hej", "intent": "greeting"}
                {"text": "hej hallå", "intent": "greeting"}
                {"text": "hej tjena", "intent": "greeting"}
                {"text": "tack", "intent": "thanks"}
                {"text": "tack så mycket", "intent": "thanks"}
                {"text": "tusen tack", "intent": "thanks"}
                """);
        return train;
    }
}
