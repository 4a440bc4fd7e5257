package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command-word and phrase file in dialogs/ is in the one phrase-file format and loads without a problem. */
class PhraseFilesLoadTest {

    /** The phrase files; a file that drops out of the format fails here instead of being skipped. */
    static List<String> phraseFiles() {
        return List.of(
                "safeguarding/danger-phrases.yaml",
                "safeguarding/privacy-commands.yaml",
                "commands/reflection.yaml",
                "commands/roles.yaml",
                "commands/deadlines.yaml",
                "commands/own-words.yaml",
                "progress/phrases.yaml",
                "language/switch.yaml");
    }

    @ParameterizedTest
    @MethodSource("phraseFiles")
    void phraseFile_loadsWithoutProblems_andHasPhrases(String path) throws IOException {
        PhraseFile file = PhraseFile.parse(path, Files.readString(Path.of("dialogs", path), StandardCharsets.UTF_8));

        assertThat(file.problems()).isEmpty();
        assertThat(file.labels().stream().mapToInt(label -> file.phrases(label).size()).sum()).isPositive();
        file.matcher();
    }

    @Test
    void everyYamlFileWithPhrases_isListed() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("dialogs"))) {
            List<String> withPhrases = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> read(p).lines().anyMatch(line -> line.equals("phrases:")))
                    .map(p -> Path.of("dialogs").relativize(p).toString().replace('\\', '/'))
                    .toList();
            assertThat(phraseFiles()).containsAll(withPhrases);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
