package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        return matcher.find(matcher.read(text, 100)).stream().map(PhraseMatcher.Match::label).toList();
    }

    @Test
    void matcher_groupsAndExceptions_areApplied() throws IOException {
        ContentSource dialogs = write("""
                groups:
                  who: [han, hon]
                phrases:
                  violence: ["{who} hotar", "slår mig"]
                exceptions: ["det slår mig att"]
                """);

        PhraseMatcher matcher = PhraseFile.read(dialogs, "phrases.yaml").matcher();

        assertThat(labels(matcher, "hon hotar oss")).containsExactly("violence");
        assertThat(labels(matcher, "han slår mig")).containsExactly("violence");
        assertThat(labels(matcher, "det slår mig att det regnar")).isEmpty();
        assertThat(labels(matcher, "vi hotar ingen")).isEmpty();
    }

    @Test
    void stems_matchInflectedWords_onlyWhenTheFileAsksForThem() throws IOException {
        String phrases = """
                phrases:
                  close: [avsluta övningen]
                """;
        PhraseMatcher words = PhraseFile.read(write(phrases), "phrases.yaml").matcher();
        PhraseMatcher stems = PhraseFile.read(write("match: stems-sv\n" + phrases), "phrases.yaml").matcher();

        assertThat(labels(words, "avsluta övningarna")).isEmpty();
        assertThat(labels(stems, "avsluta övningarna")).containsExactly("close");
        assertThat(labels(stems, "Avsluta ovningen!")).containsExactly("close");
        assertThat(labels(stems, "avslutningen")).isEmpty();
    }

    @Test
    void badLines_areNamedWithFileAndLine() {
        PhraseFile file = PhraseFile.parse("commands/test.yaml", """
                match: stems-fi
                groups:
                  who: [han, hon]
                phrases:
                  ok: [hon hotar]
                  bad:
                    - "{nobody} hotar"
                    - ... hotar
                    - [not, text]
                exceptions: ["{who} ..."]
                """);

        assertThat(file.problems()).extracting(Object::toString).containsExactly(
                "commands/test.yaml:1: match must be words, exact, stems-sv or stems-en, not 'stems-fi'",
                "commands/test.yaml:7: Unknown group {nobody} in phrase '{nobody} hotar'",
                "commands/test.yaml:8: A phrase must start and end with a word: '... hotar'",
                "commands/test.yaml:9: expected a phrase (text), found a sequence",
                "commands/test.yaml:10: A phrase must start and end with a word: '{who} ...'");
        assertThat(file.phrases("ok")).containsExactly("hon hotar");
    }

    @Test
    void read_withProblems_failsListingThem() throws IOException {
        ContentSource dialogs = write("phrases:\n  a: [\"... x\"]\n");

        assertThatThrownBy(() -> PhraseFile.read(dialogs, "phrases.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phrases.yaml:2: A phrase must start and end with a word");
    }

    @Test
    void read_missingPhrasesSection_isAProblem() {
        assertThat(PhraseFile.parse("x.yaml", "groups: {}").problems())
                .extracting(Object::toString).containsExactly("x.yaml:1: no 'phrases:' section");
    }

    @Test
    void read_missingFile_failsNamingIt() {
        assertThatThrownBy(() -> PhraseFile.read(new ContentSource("dialogs", dir), "safeguarding/none.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("safeguarding/none.yaml");
    }

    @Test
    void read_brokenYaml_failsNamingFileAndLine() throws IOException {
        ContentSource dialogs = write("phrases:\n  a: [unclosed\n");

        assertThatThrownBy(() -> PhraseFile.read(dialogs, "phrases.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phrases.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void strings_missingNode_isEmpty() {
        assertThat(PhraseFile.strings(PhraseFile.parse("x.yaml", "phrases: {}").settings().path("nothing"))).isEmpty();
    }
}
