package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.dates.DateParser;

class IntentModelCacheTest {

    private static final IntentModel.ModelSettings SETTINGS = NluProperties.defaults().modelSettings();

    @TempDir
    Path folder;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger cacheLog = (Logger) LoggerFactory.getLogger(IntentModelCache.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        cacheLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        cacheLog.detachAppender(logged);
    }

    @Test
    void loadOrTrain_unchangedData_loadsTheCachedModelWithTheSameAnswers() {
        IntentModelCache cache = new IntentModelCache(folder);
        IntentModel trained = cache.loadOrTrain(data(), SETTINGS);

        IntentModel loaded = new IntentModelCache(folder).loadOrTrain(data(), SETTINGS);

        assertThat(trained.fromCache()).isFalse();
        assertThat(loaded.fromCache()).isTrue();
        for (String text : List.of("hej på dig", "tack så mycket", "påminn oss på fredag", "hello there")) {
            assertThat(loaded.rank(text, Language.SV)).isEqualTo(trained.rank(text, Language.SV));
        }
        assertThat(warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {SparseSoftmaxTrainer.ALGORITHM, SparseSoftmaxTrainer.WARM_QN})
    void loadOrTrain_modelOfOurTrainer_isCachedAndLoadsWithTheSameAnswers(String algorithm) {
        IntentModel.ModelSettings sparse = new IntentModel.ModelSettings(algorithm,
                SETTINGS.iterations(), SETTINGS.cutoff(), SETTINGS.l2(), 2, SETTINGS.characterGrams(),
                SETTINGS.lbfgsCorrections(), SETTINGS.learningRate());
        IntentModel trained = new IntentModelCache(folder).loadOrTrain(data(), sparse);

        IntentModel loaded = new IntentModelCache(folder).loadOrTrain(data(), sparse);

        assertThat(loaded.fromCache()).isTrue();
        assertThat(trained.rank("tack så mycket", Language.SV).get(0).name()).isEqualTo("thanks");
        for (String text : List.of("hej på dig", "tack så mycket", "påminn oss på fredag", "hello there")) {
            assertThat(loaded.rank(text, Language.SV)).isEqualTo(trained.rank(text, Language.SV));
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void loadOrTrain_changedTrainingData_retrainsWithOneWarnAndCachesTheNewModel() {
        new IntentModelCache(folder).loadOrTrain(data(), SETTINGS);
        TrainingData edited = data("hej hej allihopa");

        IntentModel retrained = new IntentModelCache(folder).loadOrTrain(edited, SETTINGS);

        assertThat(retrained.fromCache()).isFalse();
        assertThat(warnings()).singleElement().asString().contains("other training data");
        assertThat(new IntentModelCache(folder).loadOrTrain(edited, SETTINGS).fromCache()).isTrue();
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void loadOrTrain_otherFeatureSettings_retrains() {
        new IntentModelCache(folder).loadOrTrain(data(), SETTINGS);
        IntentModel.ModelSettings wordsOnly = new IntentModel.ModelSettings(SETTINGS.algorithm(), SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), false);

        assertThat(new IntentModelCache(folder).loadOrTrain(data(), wordsOnly).fromCache()).isFalse();
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void keyOf_otherCutoffOrLbfgsCorrections_isAnotherKey() {
        IntentModel.ModelSettings cutoff2 = new IntentModel.ModelSettings(SETTINGS.algorithm(), SETTINGS.iterations(), 2,
                SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(), SETTINGS.lbfgsCorrections());
        IntentModel.ModelSettings fivePairs = new IntentModel.ModelSettings(SETTINGS.algorithm(), SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(), 5);

        assertThat(IntentModelCache.keyOf(data(), cutoff2)).isNotEqualTo(IntentModelCache.keyOf(data(), SETTINGS));
        assertThat(IntentModelCache.keyOf(data(), fivePairs)).isNotEqualTo(IntentModelCache.keyOf(data(), SETTINGS));
    }

    @Test
    void keyOf_otherTrainerOrLearningRate_isAnotherKey() {
        IntentModel.ModelSettings sparse = new IntentModel.ModelSettings(SparseSoftmaxTrainer.ALGORITHM, SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(),
                SETTINGS.lbfgsCorrections(), SETTINGS.learningRate());
        IntentModel.ModelSettings fasterRate = new IntentModel.ModelSettings(SparseSoftmaxTrainer.ALGORITHM,
                SETTINGS.iterations(), SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(),
                SETTINGS.lbfgsCorrections(), SETTINGS.learningRate() * 2);

        IntentModel.ModelSettings warm = new IntentModel.ModelSettings(SparseSoftmaxTrainer.WARM_QN, SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(),
                SETTINGS.lbfgsCorrections(), SETTINGS.learningRate());
        IntentModel.ModelSettings qn = new IntentModel.ModelSettings("MAXENT_QN", SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), SETTINGS.threads(), SETTINGS.characterGrams(),
                SETTINGS.lbfgsCorrections(), SETTINGS.learningRate());

        assertThat(IntentModelCache.keyOf(data(), sparse)).isNotEqualTo(IntentModelCache.keyOf(data(), qn));
        assertThat(IntentModelCache.keyOf(data(), fasterRate)).isNotEqualTo(IntentModelCache.keyOf(data(), sparse));
        assertThat(IntentModelCache.keyOf(data(), warm)).isNotEqualTo(IntentModelCache.keyOf(data(), sparse))
                .isNotEqualTo(IntentModelCache.keyOf(data(), qn));
    }

    @Test
    void keyOf_otherThreadCount_isTheSameKey() {
        IntentModel.ModelSettings oneThread = new IntentModel.ModelSettings(SETTINGS.algorithm(), SETTINGS.iterations(),
                SETTINGS.cutoff(), SETTINGS.l2(), 1, SETTINGS.characterGrams());
        IntentModel.ModelSettings fourThreads = new IntentModel.ModelSettings(SETTINGS.algorithm(),
                SETTINGS.iterations(), SETTINGS.cutoff(), SETTINGS.l2(), 4, SETTINGS.characterGrams());

        assertThat(IntentModelCache.keyOf(data(), oneThread)).isEqualTo(IntentModelCache.keyOf(data(), fourThreads));
        assertThat(IntentModelCache.keyOf(data(), oneThread)).isNotEqualTo(IntentModelCache.keyOf(data("hej"), oneThread));
    }

    @Test
    void loadOrTrain_truncatedFile_retrainsWithOneWarnAndRewritesIt() throws IOException {
        IntentModelCache cache = new IntentModelCache(folder);
        IntentModel original = cache.loadOrTrain(data(), SETTINGS);
        byte[] whole = Files.readAllBytes(cache.file());
        Files.write(cache.file(), java.util.Arrays.copyOf(whole, whole.length / 2));

        IntentModel retrained = new IntentModelCache(folder).loadOrTrain(data(), SETTINGS);

        assertThat(retrained.fromCache()).isFalse();
        assertThat(retrained.rank("tack så mycket", Language.SV).get(0).name()).isEqualTo("thanks");
        assertThat(warnings()).singleElement().asString().contains("truncated");
        IntentModel reloaded = new IntentModelCache(folder).loadOrTrain(data(), SETTINGS);
        assertThat(reloaded.fromCache()).as("the retrained model was written back whole").isTrue();
        assertThat(reloaded.rank("hej", Language.SV)).isEqualTo(original.rank("hej", Language.SV));
    }

    @Test
    void loadOrTrain_flippedByteInTheModel_retrainsWithOneWarn() throws IOException {
        IntentModelCache cache = new IntentModelCache(folder);
        cache.loadOrTrain(data(), SETTINGS);
        byte[] bytes = Files.readAllBytes(cache.file());
        bytes[bytes.length - 100] ^= 0x5a;
        Files.write(cache.file(), bytes);

        assertThat(new IntentModelCache(folder).loadOrTrain(data(), SETTINGS).fromCache()).isFalse();
        assertThat(warnings()).singleElement().asString().contains("checksum");
    }

    @Test
    void loadOrTrain_fileOfSomethingElse_retrainsWithOneWarn() throws IOException {
        Files.writeString(folder.resolve(IntentModelCache.FILE_NAME), "not a model at all");

        assertThat(new IntentModelCache(folder).loadOrTrain(data(), SETTINGS).fromCache()).isFalse();
        assertThat(warnings()).singleElement().asString().contains("not a Vägvisaren model cache file");
    }

    @Test
    void loadOrTrain_folderCannotBeCreated_trainsAndWarnsOnce() throws IOException {
        Path blocked = folder.resolve("a-file");
        Files.writeString(blocked, "x");

        IntentModel model = new IntentModelCache(blocked.resolve("cache")).loadOrTrain(data(), SETTINGS);

        assertThat(model.rank("tack så mycket", Language.SV).get(0).name()).isEqualTo("thanks");
        assertThat(warnings()).singleElement().asString().contains("Could not cache");
    }

    @Test
    void trainedUnderstanding_secondStartOnUnchangedDialogs_usesTheCacheAndAnswersAlike() {
        NluProperties d = NluProperties.defaults();
        NluProperties cached = new NluProperties(d.minConfidence(), d.minMargin(), d.ambiguityMargin(),
                d.urgentMinConfidence(), ZoneId.of("Europe/Stockholm"), d.algorithm(), d.iterations(), d.l2(),
                d.characterGrams(), 0, true, folder);

        TrainedUnderstanding first = new TrainedUnderstanding(ShippedDialogs.CONTENT, cached, new DateParser());
        TrainedUnderstanding second = new TrainedUnderstanding(ShippedDialogs.CONTENT, cached, new DateParser());

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Cached the intent model"))
                .anyMatch(m -> m.startsWith("Loaded the cached intent model"));
        for (String text : List.of("vad säger handboken om riskfaktorer", "han hotar att döda mig", "tack!")) {
            assertThat(second.understand(text, "sv-SE", null).ranking())
                    .isEqualTo(first.understand(text, "sv-SE", null).ranking());
        }
        assertThat(warnings()).isEmpty();
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static TrainingData data(String... extraGreetings) {
        List<TrainingData.Example> examples = new ArrayList<>();
        for (String text : List.of("hej", "hallå där", "god morgon", "tjena", "hello")) {
            examples.add(new TrainingData.Example(text, "greeting", Language.SV));
        }
        for (String text : extraGreetings) {
            examples.add(new TrainingData.Example(text, "greeting", Language.SV));
        }
        for (String text : List.of("tack", "tack så mycket", "tusen tack", "stort tack", "thanks")) {
            examples.add(new TrainingData.Example(text, "thanks", Language.SV));
        }
        for (String text : List.of("påminn oss på fredag", "sätt en deadline", "påminnelse om mötet")) {
            examples.add(new TrainingData.Example(text, "deadline_create", Language.SV));
        }
        return new TrainingData(examples);
    }
}
