package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

class ProgressVocabularyTest {

    @TempDir
    Path dir;

    private ProgressVocabulary vocabularyFromCopy() throws IOException {
        Files.createDirectories(dir.resolve("progress"));
        for (String name : new String[] {"steps.yaml", "phrases.yaml"}) {
            Files.copy(Path.of("dialogs/progress", name), dir.resolve("progress").resolve(name));
        }
        return new ProgressVocabulary(new ContentSource("dialogs", dir));
    }

    @Test
    void onContentChanged_brokenPhrasesFile_keepsPreviousVocabulary() throws IOException {
        ProgressVocabulary vocabulary = vocabularyFromCopy();
        var before = vocabulary.get();
        Files.writeString(dir.resolve("progress/phrases.yaml"), "periods: [unclosed", StandardCharsets.UTF_8);

        vocabulary.onContentChanged(new ContentChanged("dialogs"));

        assertThat(vocabulary.get()).isSameAs(before);
        assertThat(vocabulary.get().recordPrefixes()).isNotEmpty();
    }

    @Test
    void onContentChanged_renamedStep_isUsedWithoutRestart() throws IOException {
        ProgressVocabulary vocabulary = vocabularyFromCopy();
        Path steps = dir.resolve("progress/steps.yaml");
        Files.writeString(steps, Files.readString(steps).replace("Initiera samverkan", "Starta samverkan"));

        vocabulary.onContentChanged(new ContentChanged("dialogs"));

        assertThat(vocabulary.get().stepName(1, Language.SV)).isEqualTo("Starta samverkan");
    }

    @Test
    void constructor_missingFile_fails() {
        assertThatThrownBy(() -> new ProgressVocabulary(new ContentSource("dialogs", dir)))
                .hasMessageContaining("progress/steps.yaml");
    }
}
