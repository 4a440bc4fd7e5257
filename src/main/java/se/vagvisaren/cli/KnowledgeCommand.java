package se.vagvisaren.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.knowledge.CandidateRanker;
import se.vagvisaren.knowledge.ImportSummary;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeFormatException;
import se.vagvisaren.knowledge.KnowledgeImporter;
import se.vagvisaren.knowledge.KnowledgeProperties;
import se.vagvisaren.language.CourtesyPhrases;
import se.vagvisaren.knowledge.RetrievalEvaluation;

/**
 * {@code knowledge import | check | eval | rank}: bring documents into the knowledge base, find broken files,
 * measure retrieval quality, and rank given candidates with the same search (for answer-selection benchmarks). Progress goes to stderr, results to stdout.
 */
@Component
@Command(name = "knowledge", mixinStandardHelpOptions = true,
        description = "Import documents into the knowledge base, check it, or evaluate retrieval.")
class KnowledgeCommand implements Callable<Integer> {

    private final ContentSource knowledge;
    private final KnowledgeProperties properties;
    private final CourtesyPhrases courtesy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    KnowledgeCommand(@Qualifier("knowledge") ContentSource knowledge, KnowledgeProperties properties, CourtesyPhrases courtesy) {
        this.courtesy = courtesy;
        this.knowledge = knowledge;
        this.properties = properties;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Split a PDF or a folder of Markdown files into passages under <knowledge>/imported/.")
    int importDocuments(
            @Option(names = "--pdf", paramLabel = "FILE", description = "PDF to import (page numbers are kept).") Path pdf,
            @Option(names = "--md", paramLabel = "DIR", description = "Folder of Markdown files to import.") Path md,
            @Option(names = "--out", paramLabel = "DIR", description = "Knowledge directory to write to (default: the configured one, else ./knowledge).") Path out,
            @Option(names = "--document", description = "Document name for citations (default: PDF file name).") String document,
            @Option(names = "--lang", defaultValue = "sv", description = "Language of the text: sv or en (default: ${DEFAULT-VALUE}).") String lang,
            @Option(names = "--page-offset", defaultValue = "0", description = "Subtract from PDF page numbers to get printed ones (default: ${DEFAULT-VALUE}).") int pageOffset) {
        if ((pdf == null) == (md == null)) {
            System.err.println("Give exactly one of --pdf FILE or --md DIR.");
            return 2;
        }
        Path target = out != null ? out : knowledge.directory() != null ? knowledge.directory() : Path.of("knowledge");
        KnowledgeImporter importer = new KnowledgeImporter(target, line -> System.err.println("  " + line));
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            ImportSummary summary = pdf != null
                    ? importer.importPdf(pdf, document, Language.fromCode(lang), pageOffset)
                    : importer.importMarkdown(md, Language.fromCode(lang));
            print(summary, stdout);
            return summary.failed().isEmpty() ? 0 : 1;
        } catch (KnowledgeFormatException e) {
            System.err.println("Import failed: " + e.getMessage());
            return 1;
        }
    }

    private static void print(ImportSummary s, PrintStream out) {
        out.printf("Imported %d passages from %d file(s)%s into %s%n", s.passages(), s.files(),
                s.pages() > 0 ? ", " + s.pages() + " pages" : "", s.output());
        if (!s.skipped().isEmpty()) {
            out.printf("Skipped %d part(s):%n", s.skipped().size());
            s.skipped().forEach(p -> out.printf("  %s: %s%n", p.where(), p.reason()));
        }
        if (!s.failed().isEmpty()) {
            out.printf("Failed %d file(s):%n", s.failed().size());
            s.failed().forEach(f -> out.printf("  %s%n", f));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load the knowledge base and list its problems (file:line: reason). Exit code 1 when any, or when it has no passages.")
    int check(@Mixin KnowledgeDirectoryOption dir) {
        KnowledgeBase base = open(dir);
        System.out.printf("%d passages from %s%n", base.size(), base.origin());
        base.problems().forEach(p -> System.out.println((p.fileSkipped() ? "  skipped: " : "  fix: ") + p));
        if (base.size() == 0) {
            System.out.println("  no passages: every question would get the fallback answer");
        }
        return base.problems().isEmpty() && base.size() > 0 ? 0 : 1;
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Measure top-1/top-3 accuracy on a JSON Lines test set {\"q\", \"lang\", \"expected\"}; prints JSON.")
    int eval(@Option(names = "--questions", required = true, paramLabel = "FILE") Path questions,
             @Mixin KnowledgeDirectoryOption dir)
            throws IOException {
        RetrievalEvaluation.Result result = RetrievalEvaluation.run(open(dir), questions);
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println(Mappers.JSON.writeValueAsString(result));
        return 0;
    }

    @Command(name = "rank", mixinStandardHelpOptions = true,
            description = "Rank candidate answers with the handbook search: reads {\"id\", \"q\", \"lang\", \"candidates\": [...]} "
                    + "JSON Lines on stdin, writes {\"id\", \"ranking\": [indices, best first]} per line.")
    int rank(@Option(names = "--jsonl", required = true, description = "Read and write JSON Lines (the only format).") boolean jsonl,
             @Mixin KnowledgeDirectoryOption dir)
            throws IOException {
        CandidateRanker ranker = CandidateRanker.from(dir.source().orElse(knowledge));
        new RankLines(ranker).run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        return 0;
    }

    private KnowledgeBase open(KnowledgeDirectoryOption dir) {
        return new KnowledgeBase(dir.source().orElse(knowledge), properties, courtesy);
    }
}
