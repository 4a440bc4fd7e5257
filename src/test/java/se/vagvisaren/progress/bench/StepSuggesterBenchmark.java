package se.vagvisaren.progress.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import se.vagvisaren.progress.ProgressBench;

/**
 * Cost of suggesting handbook steps for one update (stemming in two languages plus keyword scoring).
 * Run from the project root:
 * {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} and then
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) se.vagvisaren.progress.bench.StepSuggesterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepSuggesterBenchmark {

    private ProgressBench bench;
    private String typical;
    private String longest;

    @Setup
    public void setUp() {
        bench = new ProgressBench();
        typical = "Styrgruppen har fattat beslut om handlingsplanen och kartläggningen i skolorna startar i januari.";
        longest = (typical + " ").repeat(2000 / (typical.length() + 1));
    }

    @Benchmark
    public Object suggestTypicalUpdate() {
        return bench.suggest(typical);
    }

    @Benchmark
    public Object suggestLongestAllowedUpdate() {
        return bench.suggest(longest);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(StepSuggesterBenchmark.class.getSimpleName()).build()).run();
    }
}
