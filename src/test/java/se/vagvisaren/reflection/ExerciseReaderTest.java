package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

class ExerciseReaderTest {

    private static final String VALID = """
            id: test-ovning
            step: 2
            duration: 15
            keywords: { sv: [test], en: [test] }
            sv: { title: "Titel", purpose: "Syfte", facilitator_notes: "Noter", discussion: ["Fråga?"] }
            en: { title: "Title", purpose: "Purpose", facilitator_notes: "Notes", discussion: ["Question?"] }
            questions:
              - { id: q1, type: scale, sv: "Hur?", en: "How?", low: { sv: "Lite", en: "Little" }, high: { sv: "Mycket", en: "Much" } }
              - id: q2
                type: single
                sv: "Vilken?"
                en: "Which?"
                options:
                  - { id: a, sv: "A", en: "A" }
                  - { id: b, sv: "B", en: "B" }
            """;

    @Test
    void read_validFile_givesExerciseWithBothLanguages() throws IOException {
        Exercise exercise = ExerciseReader.read(ExerciseCatalog.parse(VALID));

        assertThat(exercise.id()).isEqualTo("test-ovning");
        assertThat(exercise.step()).isEqualTo(2);
        assertThat(exercise.text(Language.EN).title()).isEqualTo("Title");
        assertThat(exercise.questions()).hasSize(2);
        assertThat(exercise.questions().get(0).high().get(Language.SV)).isEqualTo("Mycket");
    }

    @Test
    void read_unquotedNoAsOptionId_explainsTheYamlBooleanTrap() throws IOException {
        String yaml = VALID.replace("{ id: b,", "{ id: no,");

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml)))
                .isInstanceOf(ExerciseReader.InvalidExercise.class)
                .hasMessageContaining("boolean");
    }

    @Test
    void read_missingEnglish_isRejected() throws IOException {
        String yaml = VALID.replaceAll("(?m)^en: .*$", "");

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml)))
                .hasMessageContaining("en is missing");
    }

    @Test
    void read_unknownTypeAndOptionsOnScale_listsEveryProblem() throws IOException {
        String yaml = VALID.replace("type: single", "type: ranking")
                .replace("type: scale,", "type: scale, options: [{ id: x, sv: X, en: X }, { id: y, sv: Y, en: Y }],");

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml)))
                .hasMessageContaining("ranking")
                .hasMessageContaining("only single and multiple questions have options");
    }

    @Test
    void read_sixQuestions_isRejected() throws IOException {
        StringBuilder yaml = new StringBuilder(VALID.substring(0, VALID.indexOf("questions:"))).append("questions:\n");
        for (int i = 1; i <= 6; i++) {
            yaml.append("  - { id: q").append(i).append(", type: text, sv: \"Fri?\", en: \"Free?\" }\n");
        }

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml.toString())))
                .hasMessageContaining("1 to 5 questions");
    }

    @Test
    void read_duplicateQuestionIdsAndBadStep_areRejected() throws IOException {
        String yaml = VALID.replace("id: q2", "id: q1").replace("step: 2", "step: 6");

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml)))
                .hasMessageContaining("q1 is used twice")
                .hasMessageContaining("step must be a whole number from 1 to 5");
    }

    @Test
    void read_idWithPathCharacters_isRejected() throws IOException {
        String yaml = VALID.replace("id: test-ovning", "id: \"../../etc\"");

        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse(yaml))).hasMessageContaining("id must be");
    }

    @Test
    void read_emptyOrScalarDocument_isRejected() throws IOException {
        assertThatThrownBy(() -> ExerciseReader.read(ExerciseCatalog.parse("just text")))
                .hasMessageContaining("not a YAML mapping");
        assertThatThrownBy(() -> ExerciseReader.read(null)).hasMessageContaining("not a YAML mapping");
    }

    @Test
    void read_everyShippedFile_idMatchesFileName() throws IOException {
        try (var files = Files.list(Path.of("dialogs/reflections"))) {
            for (Path file : files.toList()) {
                Exercise exercise = ExerciseReader.read(ExerciseCatalog.parse(Files.readString(file)));
                assertThat(file.getFileName().toString()).isEqualTo(exercise.id() + ".yaml");
            }
        }
    }
}
