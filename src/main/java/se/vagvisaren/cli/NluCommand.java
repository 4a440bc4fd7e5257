package se.vagvisaren.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.nlu.EvaluationReport;
import se.vagvisaren.nlu.NluEvaluator;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.ParseRequest;
import se.vagvisaren.nlu.ParseService;
import se.vagvisaren.nlu.TrainingData;

/**
 * {@code nlu eval} and {@code nlu parse}: measure the intent classifier and run the bot's understanding on
 * JSON Lines. Only JSON (or the requested table) goes to stdout; messages go to stderr.
 */
@Component
@Command(name = "nlu", mixinStandardHelpOptions = true,
        description = "Language understanding: evaluate the intent classifier, parse messages.")
class NluCommand implements Runnable {


    private final ContentSource dialogs;
    private final ObjectProvider<ParseService> parser;
    private final NluProperties properties;
    InputStream stdin = System.in;

    @Spec
    CommandSpec spec;

    NluCommand(@Qualifier("dialogs") ContentSource dialogs, ObjectProvider<ParseService> parser,
               NluProperties properties) {
        this.dialogs = dialogs;
        this.parser = parser;
        this.properties = properties;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Train a fresh model and report accuracy, macro-F1, per-intent scores, confusion and latency.")
    int eval(@Mixin NluEvalOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String problem = options.problem();
            if (problem != null) {
                err.println(problem);
                return 2;
            }
            EvaluationReport report = evaluate(options);
            out.println(options.json ? Mappers.JSON.writeValueAsString(report) : EvaluationTable.format(report));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("nlu eval: " + e.getMessage());
            return 2;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("nlu eval: cannot write JSON: " + e.getOriginalMessage());
            return 1;
        }
    }

    private EvaluationReport evaluate(NluEvalOptions options) {
        TrainingData shipped = TrainingData.fromDialogs(dialogs);
        Function<String, Language> guess = options.language != null
                ? text -> Language.fromCode(options.language) : NluEvaluator.languageGuesser(shipped);
        TrainingData train = options.train != null ? TrainingData.fromJsonl(options.train, guess) : shipped;
        if (options.dropTrainIntent != null) {
            train = train.without(options.dropTrainIntent);
        }
        if (options.outOfScopeWeight > 1) {
            train = train.weighted("out_of_scope", options.outOfScopeWeight);
        }
        NluEvaluator evaluator = new NluEvaluator(options.properties(properties), options.ignoreLabel);
        if (options.cv != null) {
            return evaluator.crossValidate(train, options.cv, options.seed);
        }
        TrainingData test = TrainingData.fromJsonl(options.test, guess);
        if (options.tune != null) {
            return evaluator.trainTuneAndTest(train, TrainingData.fromJsonl(options.tune, guess), test,
                    options.targetOutOfScopeRecall);
        }
        return evaluator.trainAndTest(train, test);
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Read JSON Lines {\"text\", \"now\", \"zone\"} from stdin, write one understanding per line.")
    int parse(@Option(names = "--jsonl", required = true, description = "JSON Lines in and out (the only format)")
              boolean jsonl) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseService service = parser.getObject();
        AtomicInteger failed = new AtomicInteger();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            JsonLines.answer(reader, out, line -> {
                try {
                    return service.parse(request(line));
                } catch (IllegalArgumentException e) {
                    // the error line says what was wrong; the exit code says that something was
                    failed.incrementAndGet();
                    return Map.of("error", line.error(e.getMessage()));
                }
            });
        } catch (java.io.IOException e) {
            err.println("nlu parse: cannot read stdin: " + e.getMessage());
            return 1;
        }
        if (failed.get() > 0) {
            err.println("nlu parse: " + failed.get() + " line(s) could not be read");
            return 1;
        }
        return 0;
    }

    private static ParseRequest request(JsonLines.Line line) {
        if (line.json() == null) {
            throw new IllegalArgumentException("not JSON: " + line.notJson());
        }
        if (!line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object such as {\"text\": \"...\"}");
        }
        JsonNode node = line.json();
        return new ParseRequest(text(node, "text"), text(node, "now"), text(node, "zone"), text(node, "locale"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
