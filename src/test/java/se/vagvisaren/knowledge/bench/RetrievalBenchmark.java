package se.vagvisaren.knowledge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeProperties;
import se.vagvisaren.knowledge.QueryResult;

/**
 * Retrieval speed on a synthetic knowledge base: the shipped passages plus generated ones up to
 * {@link #passages}, built from the shipped vocabulary so compounds and synonyms behave as in real use.
 * {@code query}: latency per question (sample mode gives p50/p99). {@code build}: loading + indexing from
 * disk. Run: {@code java -cp target/test-classes:target/classes:<test classpath> se.vagvisaren.knowledge.bench.RetrievalBenchmark}
 * (see docs/knowledge.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseSerialGC"})
public class RetrievalBenchmark {

    @Param("2000")
    int passages;

    private Path directory;
    private KnowledgeBase knowledge;
    private List<String[]> questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = SyntheticKnowledge.create(Path.of("knowledge"), passages);
        long start = System.nanoTime();
        knowledge = new KnowledgeBase(new ContentSource("knowledge", directory), KnowledgeProperties.defaults());
        System.out.printf("%nindex build: %d passages in %d ms%n", knowledge.size(), (System.nanoTime() - start) / 1_000_000);
        questions = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("src/test/resources/knowledge/quality-tuning.jsonl"), StandardCharsets.UTF_8)) {
            var row = json.readTree(line);
            questions.add(new String[]{row.path("q").asText(), row.path("lang").asText()});
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public QueryResult query() {
        String[] q = questions.get(next++ % questions.size());
        return knowledge.ask(q[0], Language.fromCode(q[1]));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int build() {
        return new KnowledgeBase(new ContentSource("knowledge", directory), KnowledgeProperties.defaults()).size();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RetrievalBenchmark.class.getSimpleName()).build()).run();
    }

    /** Writes the shipped passages plus generated ones into a temporary knowledge directory. */
    static final class SyntheticKnowledge {

        static Path create(Path shipped, int total) throws IOException {
            Path dir = Files.createTempDirectory("knowledge-bench");
            List<String> words = new ArrayList<>();
            int copied = 0;
            try (Stream<Path> files = Files.walk(shipped)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(shipped.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                    if (file.toString().endsWith(".md")) {
                        copied++;
                        String text = Files.readString(file);
                        for (String w : text.substring(text.lastIndexOf("---") + 3).split("[^\\p{L}]+")) {
                            if (w.length() > 3) {
                                words.add(w.toLowerCase());
                            }
                        }
                    }
                }
            }
            Random random = new Random(42);
            Path generated = Files.createDirectories(dir.resolve("syntetiskt"));
            for (int i = copied; i < total; i++) {
                StringBuilder body = new StringBuilder();
                for (int s = 0; s < 4; s++) {
                    for (int w = 0; w < 12; w++) {
                        body.append(w == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
                    }
                    body.append(". ");
                }
                String title = words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size()));
                Files.writeString(generated.resolve("syn-" + i + ".md"), """
                        ---
                        id: syn-%d
                        title: "%s"
                        lang: %s
                        tags: ["%s"]
                        source:
                          document: "Syntetiskt dokument"
                          section: "Avsnitt %d"
                          page: %d
                        ---
                        %s
                        """.formatted(i, title, i % 5 == 0 ? "en" : "sv", words.get(random.nextInt(words.size())), i, 1 + i % 180, body));
            }
            return dir;
        }
    }
}
