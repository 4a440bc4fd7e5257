package se.vagvisaren.knowledge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.knowledge.KnowledgeBase;
import se.vagvisaren.knowledge.KnowledgeProperties;

/**
 * Complements {@link RetrievalBenchmark} on a shared, overloaded machine: per-query wall-clock and
 * thread-CPU time percentiles on the same 2,000-passage index, plus build CPU time. CPU time is what the
 * query itself costs; wall time adds waiting for a core. Run like the benchmark, with this class as main.
 */
public final class QueryLatency {

    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Path dir = RetrievalBenchmark.SyntheticKnowledge.create(Path.of("knowledge"), 2000);
        KnowledgeBase knowledge = null;
        for (int i = 0; i < 3; i++) {
            long wall = System.nanoTime();
            long used = cpu.getCurrentThreadCpuTime();
            knowledge = new KnowledgeBase(new ContentSource("knowledge", dir), KnowledgeProperties.defaults());
            System.out.printf("build %d: %d passages, wall %d ms, cpu %d ms%n", i + 1, knowledge.size(),
                    (System.nanoTime() - wall) / 1_000_000, (cpu.getCurrentThreadCpuTime() - used) / 1_000_000);
        }
        List<String[]> questions = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("src/test/resources/knowledge/quality-tuning.jsonl"), StandardCharsets.UTF_8)) {
            var row = json.readTree(line);
            questions.add(new String[]{row.path("q").asText(), row.path("lang").asText()});
        }
        int warmup = 5_000;
        int runs = 20_000;
        long[] wall = new long[runs];
        long[] used = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            String[] q = questions.get(i % questions.size());
            long w = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            knowledge.ask(q[0], Language.fromCode(q[1]));
            if (i >= warmup) {
                used[i - warmup] = cpu.getCurrentThreadCpuTime() - c;
                wall[i - warmup] = System.nanoTime() - w;
            }
        }
        report("wall", wall);
        report("cpu ", used);
    }

    private static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("query %s: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms (n=%d)%n", label,
                at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
