package se.vagvisaren.nlu.bench;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.language.dates.DateParse;

/** Date/time extraction from one typical message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DateParseBenchmark {

    private static final String[] MESSAGES = {
        "påminn oss om styrgruppsmötet på fredag kl 14",
        "lägesbilden ska vara klar vecka 50",
        "remind us next Tuesday at 9",
        "deadline den 3/12 eller senast 2026-12-15",
        "om 24 timmar",
        "vilka deadlines har vi",
        "i slutet av månaden vill vi ha beslut i kommunstyrelsen, annars den 15 mars",
        "tack så mycket för hjälpen",
    };
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    private final DateParser parser = new DateParser();
    private int next;

    @Benchmark
    public DateParse parse() {
        return parser.parse(MESSAGES[next++ & 7], NOW);
    }
}
