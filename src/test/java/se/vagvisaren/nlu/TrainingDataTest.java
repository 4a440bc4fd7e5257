package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

class TrainingDataTest {

    private static final Function<String, Language> ALWAYS_EN = text -> Language.EN;

    @Test
    void fromDialogs_shippedData_hasEnoughExamplesPerIntentAndLanguage() {
        Map<String, Map<Language, Long>> counts = ShippedDialogs.data().examples().stream()
                .collect(Collectors.groupingBy(TrainingData.Example::intent,
                        Collectors.groupingBy(TrainingData.Example::language, Collectors.counting())));

        assertThat(counts).hasSize(13);
        counts.forEach((intent, byLanguage) -> {
            assertThat(byLanguage.getOrDefault(Language.SV, 0L)).as(intent + " sv").isGreaterThanOrEqualTo(40);
            assertThat(byLanguage.getOrDefault(Language.EN, 0L)).as(intent + " en").isGreaterThanOrEqualTo(20);
        });
    }

    @Test
    void fromDialogs_shippedData_hasNoUtteranceUnderTwoIntents() {
        Map<String, Long> intentsPerText = ShippedDialogs.data().examples().stream()
                .collect(Collectors.groupingBy(e -> TextNormalizer.fold(e.text()).trim(),
                        Collectors.mapping(TrainingData.Example::intent, Collectors.collectingAndThen(Collectors.toSet(),
                                s -> (long) s.size()))));

        assertThat(intentsPerText).allSatisfy((text, intents) -> assertThat(intents).as(text).isEqualTo(1));
    }

    @Test
    void fromDialogs_unquotedColonAndNumbers_areReadAsText(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/sv.yaml"), """
                language: sv
                intents:
                  progress_record:
                    - uppdatering: lägesbilden är klar
                    - 123
                """);

        TrainingData data = TrainingData.fromDialogs(new ContentSource("dialogs", dir));

        assertThat(data.examples()).extracting(TrainingData.Example::text)
                .containsExactly("uppdatering: lägesbilden är klar", "123");
    }

    @Test
    void fromDialogs_brokenFile_isSkippedAndOthersRead(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/en.yaml"), "language: en\nintents:\n  thanks: [thanks]\n");
        Files.writeString(dir.resolve("intents/sv.yaml"), "intents: [broken: yaml: here");

        TrainingData data = TrainingData.fromDialogs(new ContentSource("dialogs", dir));

        assertThat(data.examples()).containsExactly(new TrainingData.Example("thanks", "thanks", Language.EN));
    }

    @Test
    void fromJsonl_linesWithAndWithoutLanguage_areRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("test.jsonl");
        Files.writeString(file, "{\"text\": \"hej\", \"intent\": \"greeting\", \"lang\": \"sv\"}\n\n"
                + "{\"text\": \"hello\", \"intent\": \"greeting\"}\n");

        TrainingData data = TrainingData.fromJsonl(file, ALWAYS_EN);

        assertThat(data.examples()).containsExactly(new TrainingData.Example("hej", "greeting", Language.SV),
                new TrainingData.Example("hello", "greeting", Language.EN));
    }

    @Test
    void fromJsonl_malformedLine_namesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"hej\", \"intent\": \"greeting\"}\n{\"text\": \"no intent\"}\n");

        assertThatThrownBy(() -> TrainingData.fromJsonl(file, ALWAYS_EN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.jsonl:2");
    }

    @Test
    void weighted_repeatsOnlyThatIntent() {
        TrainingData data = new TrainingData(java.util.List.of(
                new TrainingData.Example("vädret", "out_of_scope", Language.SV),
                new TrainingData.Example("hej", "greeting", Language.SV)));

        TrainingData weighted = data.weighted("out_of_scope", 3);

        assertThat(weighted.examples()).extracting(TrainingData.Example::intent)
                .containsExactly("out_of_scope", "greeting", "out_of_scope", "out_of_scope");
    }
}
