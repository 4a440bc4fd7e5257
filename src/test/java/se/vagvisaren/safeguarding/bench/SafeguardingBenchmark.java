package se.vagvisaren.safeguarding.bench;

import java.nio.file.Path;
import java.util.List;
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
import se.vagvisaren.safeguarding.BenchTargets;
import se.vagvisaren.safeguarding.CrisisCheck;
import se.vagvisaren.safeguarding.PersonalDataFinding;
import se.vagvisaren.safeguarding.PersonalDataGuard;

/**
 * Cost of the checks that run on every message: the crisis phrase check ({@code CrisisCheck.isCrisis})
 * and the personal-data scan, on a mix of typical chat messages and on one 10,000-character message.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/test.cp)
 * se.vagvisaren.safeguarding.bench.SafeguardingBenchmark} (see docs/safeguarding.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC"})
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SafeguardingBenchmark {

    private static final List<String> MESSAGES = List.of(
            "Vad säger handboken om hur vi tar fram en lägesbild i steg 2?",
            "Lägesrapport: vi har haft två utbildningsdagar med personalen och styrgruppen träffas 2024-05-06 kl 14.00.",
            "min man slår mig",
            "Klienten Anna (850101-9809) hotades av Lars, ring 070-174 06 22 eller lars@example.se",
            "Påminn oss om mötet på fredag",
            "My colleague says her husband threatens her",
            "radera mina uppgifter",
            "Hur arbetar vi med aktiva åskådare i skolan enligt MVP?");

    private CrisisCheck crisis;
    private PersonalDataGuard guard;
    private String longMessage;
    private int next;

    @Setup
    public void setUp() {
        crisis = BenchTargets.crisisCheck(Path.of("dialogs"));
        guard = BenchTargets.guard(Path.of("dialogs"));
        StringBuilder text = new StringBuilder();
        while (text.length() < 10_000) {
            text.append(MESSAGES.get(text.length() % MESSAGES.size())).append(' ');
        }
        longMessage = text.toString();
    }

    private String nextMessage() {
        next = (next + 1) % MESSAGES.size();
        return MESSAGES.get(next);
    }

    @Benchmark
    public boolean crisisCheck() {
        return crisis.isCrisis(nextMessage());
    }

    @Benchmark
    public List<PersonalDataFinding> guardScan() {
        return guard.scan(nextMessage());
    }

    @Benchmark
    public boolean crisisCheckLongMessage() {
        return crisis.isCrisis(longMessage);
    }

    @Benchmark
    public List<PersonalDataFinding> guardScanLongMessage() {
        return guard.scan(longMessage);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SafeguardingBenchmark.class.getSimpleName()).build()).run();
    }
}
