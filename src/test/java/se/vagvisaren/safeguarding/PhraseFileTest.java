package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentSource;

class PhraseFileTest {

    @TempDir
    Path dir;

    private ContentSource write(String yaml) throws IOException {
        Files.writeString(dir.resolve("phrases.yaml"), yaml, StandardCharsets.UTF_8);
        return new ContentSource("dialogs", dir);
    }

    private static List<String> labels(PhraseMatcher matcher, String text) {
        return matcher.find(PhraseMatcher.words(text, 100)).stream().map(PhraseMatcher.Match::label).toList();
    }

    @Test
    void matcher_groupsAndExceptions_areApplied() throws IOException {
        ContentSource dialogs = write("""
                groups:
                  who: [han, hon]
                exceptions: ["det slår mig att"]
                """);

        PhraseMatcher matcher = PhraseFile.matcher(PhraseFile.read(dialogs, "phrases.yaml"),
                Map.of("violence", List.of("{who} hotar", "slår mig")));

        assertThat(labels(matcher, "hon hotar oss")).containsExactly("violence");
        assertThat(labels(matcher, "han slår mig")).containsExactly("violence");
        assertThat(labels(matcher, "det slår mig att det regnar")).isEmpty();
        assertThat(labels(matcher, "vi hotar ingen")).isEmpty();
    }

    @Test
    void read_missingFile_failsNamingIt() {
        assertThatThrownBy(() -> PhraseFile.read(new ContentSource("dialogs", dir), "safeguarding/none.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("safeguarding/none.yaml");
    }

    @Test
    void read_brokenYaml_failsNamingIt() throws IOException {
        ContentSource dialogs = write("groups: [unclosed");

        assertThatThrownBy(() -> PhraseFile.read(dialogs, "phrases.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read phrases.yaml");
    }

    @Test
    void strings_missingNode_isEmpty() throws IOException {
        assertThat(PhraseFile.strings(PhraseFile.read(write("groups: {}"), "phrases.yaml").path("nothing"))).isEmpty();
    }
}
