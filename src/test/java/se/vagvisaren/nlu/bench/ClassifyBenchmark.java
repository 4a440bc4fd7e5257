package se.vagvisaren.nlu.bench;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.TrainedUnderstanding;
import se.vagvisaren.nlu.Understanding;

/** One {@code understand} call (language, intent, entities) on the model trained from the shipped dialogs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClassifyBenchmark {

    static final String[] MESSAGES = {
        "hej",
        "påminn oss om styrgruppsmötet på fredag kl 14",
        "vad säger handboken om risk- och skyddsfaktorer på relationsnivå?",
        "jag hör hur grannen skriker och slår",
        "my colleague says her husband threatens her",
        "vilka deadlines har vi i december",
        "uppdatering: vi har haft första styrgruppsmötet och lägesbilden är nästan klar, nästa steg är åtgärdsplanen",
        "hur blir vädret imorgon",
    };
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    private TrainedUnderstanding understanding;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        understanding = new TrainedUnderstanding(new ContentSource("dialogs", Path.of("dialogs")),
                NluProperties.defaults(), new DateParser());
    }

    @Benchmark
    public Understanding understand() {
        String message = MESSAGES[next++ & 7];
        return understanding.understand(message, "sv-SE", NOW);
    }
}
