package se.vagvisaren.nlu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.TrainedUnderstanding;

/**
 * Thread CPU time of the same operations as the JMH benchmarks. On this shared 2-core machine wall-clock
 * percentiles mostly measure how long a thread waits for a core; CPU time shows the work itself.
 */
final class CpuTimeProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    private CpuTimeProbe() {
    }

    static void run() {
        ContentSource dialogs = new ContentSource("dialogs", Path.of("dialogs"));
        long[] training = new long[5];
        TrainedUnderstanding understanding = null;
        for (int i = 0; i < 2 + training.length; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            understanding = new TrainedUnderstanding(dialogs, NluProperties.defaults(), new DateParser());
            if (i >= 2) {
                training[i - 2] = THREADS.getCurrentThreadCpuTime() - start;
            }
        }
        TrainedUnderstanding trained = understanding;
        DateParser parser = new DateParser();
        String[] messages = ClassifyBenchmark.MESSAGES;
        print("cpu train (ms)", training, 1e6);
        print("cpu understand (us)", sample(i -> trained.understand(messages[i & 7], "sv-SE", NOW)), 1e3);
        print("cpu date parse (us)", sample(i -> parser.parse(messages[i & 7], NOW)), 1e3);
    }

    private static long[] sample(IntConsumer operation) {
        for (int i = 0; i < 20_000; i++) {
            operation.accept(i);
        }
        long[] nanos = new long[50_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            operation.accept(i);
            nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
        }
        return nanos;
    }

    private static void print(String what, long[] nanos, double unit) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s n=%d  p50=%.1f  p99=%.1f  max=%.1f%n", what, sorted.length,
                sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / unit,
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / unit, sorted[sorted.length - 1] / unit);
    }
}
