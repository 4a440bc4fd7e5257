package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;

class GuardVocabularyTest {

    @TempDir
    Path dir;

    private GuardVocabulary vocabularyFromCopy() throws IOException {
        Files.createDirectories(dir.resolve("safeguarding"));
        for (String file : new String[] {GuardVocabulary.WORDS_FILE, GuardVocabulary.NAMES_FILE}) {
            Files.copy(Path.of("dialogs").resolve(file), dir.resolve(file));
        }
        return new GuardVocabulary(new ContentSource("dialogs", dir));
    }

    @Test
    void onContentChanged_brokenWordsFile_keepsPreviousLists() throws IOException {
        GuardVocabulary vocabulary = vocabularyFromCopy();
        GuardVocabulary.Lists before = vocabulary.lists();
        Files.writeString(dir.resolve(GuardVocabulary.WORDS_FILE), "violence_words: [unclosed", StandardCharsets.UTF_8);

        vocabulary.onContentChanged(new ContentChanged("dialogs"));

        assertThat(vocabulary.lists()).isSameAs(before);
        assertThat(vocabulary.lists().names()).contains("anna");
    }

    @Test
    void onContentChanged_deletedNamesFile_keepsPreviousLists() throws IOException {
        GuardVocabulary vocabulary = vocabularyFromCopy();
        Files.delete(dir.resolve(GuardVocabulary.NAMES_FILE));

        vocabulary.onContentChanged(new ContentChanged("dialogs"));

        assertThat(vocabulary.lists().names()).contains("anna");
    }

    @Test
    void onContentChanged_addedName_isUsedWithoutRestart() throws IOException {
        GuardVocabulary vocabulary = vocabularyFromCopy();
        Files.writeString(dir.resolve(GuardVocabulary.NAMES_FILE), "\nZlatanella\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        vocabulary.onContentChanged(new ContentChanged("knowledge"));
        assertThat(vocabulary.lists().names()).doesNotContain("zlatanella");

        vocabulary.onContentChanged(new ContentChanged("dialogs"));
        assertThat(vocabulary.lists().names()).contains("zlatanella");
    }
}
