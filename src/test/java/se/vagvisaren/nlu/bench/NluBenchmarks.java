package se.vagvisaren.nlu.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the NLU benchmarks and prints p50/p99 (docs/nlu.md "Speed" has the command). Run from the project
 * directory: the benchmarks read {@code dialogs/}.
 */
public final class NluBenchmarks {

    private NluBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        Options latency = new OptionsBuilder()
                .include(ClassifyBenchmark.class.getSimpleName())
                .include(DateParseBenchmark.class.getSimpleName())
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .forks(1).jvmArgs("-Xmx1g", "-XX:+UseSerialGC", "-Dlogback.configurationFile=/dev/null")
                .build();
        Options training = new OptionsBuilder()
                .include(TrainBenchmark.class.getSimpleName())
                .warmupIterations(2).measurementIterations(5)
                .forks(1).jvmArgs("-Xmx1g", "-XX:+UseSerialGC", "-Dlogback.configurationFile=/dev/null")
                .build();
        System.out.printf(Locale.ROOT, "load average before: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        print(new Runner(latency).run());
        print(new Runner(training).run());
        CpuTimeProbe.run();
    }

    private static void print(Collection<RunResult> results) {
        for (RunResult result : results) {
            Statistics s = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "%-55s n=%d  p50=%.1f  p99=%.1f  max=%.1f  mean=%.1f %s%n",
                    result.getParams().getBenchmark(), s.getN(), s.getPercentile(50), s.getPercentile(99),
                    s.getMax(), s.getMean(), result.getPrimaryResult().getScoreUnit());
        }
    }
}
