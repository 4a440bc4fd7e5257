package se.vagvisaren.reflection.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import se.vagvisaren.reflection.BenchAccess;

/**
 * CPU cost of the reflection feature's per-message work (the database round trips are not included):
 * naming an exercise in chat, reading a schedule, validating one card submit, tallying a session.
 * Run: {@code mvn -o -q test-compile} then
 * {@code java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" se.vagvisaren.reflection.bench.ReflectionBenchmark}
 * (see docs/reflection.md for the class path command).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ReflectionBenchmark {

    @Param({"50", "500"})
    int answers;

    BenchAccess access;
    JsonNode submit;
    ZonedDateTime now;
    Random random;

    @Setup
    public void setUp() throws Exception {
        access = new BenchAccess(Path.of(System.getProperty("dialogs", "dialogs")), answers);
        submit = new ObjectMapper().readTree("{\"sessionId\":\"0b9d2c55-1f0e-4e52-9d3a-6f8f3c1e2a10\",\"a_q1\":\"4\","
                + "\"a_q2\":\"friends,media\",\"a_q3\":\"jokes\",\"a_q4\":\"" + "Killar ska vara tuffa. ".repeat(20) + "\"}");
        now = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
        random = new Random(1);
    }

    @Benchmark
    public int matchExercise() {
        return access.match("kan vi köra övningen om normer i vår verksamhet på arbetsplatsträffen");
    }

    @Benchmark
    public int parseSchedule() {
        return access.schedule("kör övningen om normer varje måndag kl 9 i fyra veckor", now);
    }

    @Benchmark
    public boolean readAnswer() {
        return access.readAnswer(submit);
    }

    @Benchmark
    public int tallySession() {
        return access.tally(random);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ReflectionBenchmark.class.getSimpleName()).build()).run();
    }
}
