package se.vagvisaren.nlu.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.nlu.NluProperties;
import se.vagvisaren.nlu.TrainedUnderstanding;

/** Training from the shipped dialogs (read YAML, build features, fit the model), as at start-up or on reload. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainBenchmark {

    private final ContentSource dialogs = new ContentSource("dialogs", Path.of("dialogs"));

    @Benchmark
    public TrainedUnderstanding train() {
        return new TrainedUnderstanding(dialogs, NluProperties.defaults(), new DateParser());
    }
}
