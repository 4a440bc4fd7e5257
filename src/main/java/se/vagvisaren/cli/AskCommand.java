package se.vagvisaren.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeProblem;
import se.vagvisaren.knowledge.KnowledgeProperties;
import se.vagvisaren.language.CourtesyPhrases;

/**
 * {@code ask}: answers questions from the knowledge base. With {@code --jsonl} it reads
 * {@code {"q": "...", "lang": "sv"}} lines from stdin and writes one
 * {@code {"answers": [...], "fallback": bool}} line per input line, in order. Exits 1 with one line on
 * stderr, before reading any input, when the knowledge base has no passages.
 */
@Component
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer handbook questions from the knowledge base (JSON on stdout).")
@RequiredArgsConstructor
class AskCommand implements Callable<Integer> {


    @Option(names = "--jsonl", description = "Read {\"q\", \"lang\"} JSON Lines from stdin, write one result line each.")
    boolean jsonl;

    @Mixin
    KnowledgeDirectoryOption knowledgeDir;

    @Option(names = "--lang", defaultValue = "sv", description = "Language of a question given as arguments: sv or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "A question (without --jsonl).")
    List<String> words;

    private final ObjectProvider<KnowledgeBase> configured;
    private final KnowledgeProperties properties;
    private final CourtesyPhrases courtesy;

    @Override
    public Integer call() throws IOException {
        KnowledgeBase knowledge = knowledgeDir.source()
                .map(source -> new KnowledgeBase(source, properties, courtesy))
                .orElseGet(configured::getObject);
        if (knowledge.size() == 0) {
            // Answering every line with a fallback would look like a working run: fail loudly instead.
            System.err.println("No knowledge passages loaded from " + knowledge.origin() + " ("
                    + knowledge.problems().size() + " problems; run 'knowledge check' for details): nothing to answer with.");
            return 1;
        }
        knowledge.problems().stream().filter(KnowledgeProblem::fileSkipped).forEach(p -> System.err.println("Skipped " + p));
        long kept = knowledge.problems().stream().filter(p -> !p.fileSkipped()).count();
        if (kept > 0) {
            System.err.println(kept + " passages have citation or link problems; run 'knowledge check' for the list.");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (!jsonl) {
            if (words == null || words.isEmpty()) {
                System.err.println("Give a question, or use --jsonl to read questions from stdin.");
                return 2;
            }
            out.println(Mappers.JSON.writeValueAsString(knowledge.ask(String.join(" ", words), Language.fromCode(lang))));
            return 0;
        }
        JsonLines.answer(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                line -> answer(knowledge, line));
        return 0;
    }

    /** The answer to one line; a malformed line still gets one (a fallback with an error) so output stays aligned. */
    private static Object answer(KnowledgeBase knowledge, JsonLines.Line line) {
        if (!line.isObject() || !line.json().path("q").isTextual()) {
            return Map.of("answers", List.of(), "fallback", true,
                    "error", line.error("expected {\"q\": \"...\", \"lang\": \"sv\"}"));
        }
        JsonNode request = line.json();
        return knowledge.ask(request.get("q").asText(), Language.fromCode(request.path("lang").asText("sv")));
    }
}
