package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.reflection.Exercise.Question;

/** The shipped exercises and the catalog's handling of files a coordinator edits on disk. */
class ExerciseCatalogTest {

    private static final ContentSource SHIPPED = new ContentSource("dialogs", Path.of("dialogs"));

    /** Questions must never ask for one's own experiences of violence (domain.md §4). */
    private static final Pattern OWN_VIOLENCE = Pattern.compile(
            "(har du (själv |någon gång )?(varit|blivit) utsatt|dina (egna )?erfarenheter av våld|du själv utsatts"
                    + "|have you (ever )?been (a victim|abused|exposed|hurt)|your (own )?experiences? of (violence|abuse))");

    @Test
    void all_shippedExercises_loadWithoutRejections() {
        ExerciseCatalog catalog = new ExerciseCatalog(SHIPPED);

        assertThat(catalog.rejected()).isEmpty();
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void all_shippedExercises_coverEveryHandbookStepAndTheRequiredThemes() {
        List<Exercise> all = new ExerciseCatalog(SHIPPED).all();

        assertThat(all).extracting(Exercise::step).contains(1, 2, 3, 4, 5);
        assertThat(all).extracting(Exercise::id)
                .contains("normer-boxen", "valdspyramiden", "arbetsplatsen-preventionsnivaer",
                        "steg1-samverkan", "steg2-lagesbild", "steg3-riskfaktorer", "steg4-insatser", "steg5-uppfoljning")
                .anyMatch(id -> id.startsWith("askadare-"));
    }

    @Test
    void all_shippedExercises_areCompleteInBothLanguages() {
        for (Exercise exercise : new ExerciseCatalog(SHIPPED).all()) {
            for (Language lang : Language.values()) {
                assertThat(exercise.texts()).as(exercise.id()).containsKey(lang);
                assertThat(exercise.text(lang).discussion()).as(exercise.id()).isNotEmpty();
                for (Question q : exercise.questions()) {
                    assertThat(q.text()).as(exercise.id() + "/" + q.id()).containsKey(lang);
                    q.options().forEach(o -> assertThat(o.text()).as(exercise.id() + "/" + o.id()).containsKey(lang));
                }
            }
            assertThat(exercise.questions()).hasSizeBetween(1, 5);
        }
    }

    @Test
    void all_shippedExercises_useEveryQuestionType() {
        assertThat(new ExerciseCatalog(SHIPPED).all().stream().flatMap(e -> e.questions().stream()))
                .extracting(Question::type).contains(Exercise.QuestionType.values());
    }

    @Test
    void all_shippedExercises_neverAskForOwnExperiencesOfViolence() {
        for (Exercise exercise : new ExerciseCatalog(SHIPPED).all()) {
            Stream<String> texts = exercise.questions().stream().flatMap(q -> q.text().values().stream());
            Stream<String> discussion = exercise.texts().values().stream().flatMap(t -> t.discussion().stream());
            Stream.concat(texts, discussion).forEach(text ->
                    assertThat(OWN_VIOLENCE.matcher(text.toLowerCase(Locale.ROOT)).find())
                            .as(exercise.id() + ": " + text).isFalse());
        }
    }

    @Test
    void all_shippedBystanderExercises_walkThroughTheFiveSteps() {
        List<Exercise> bystander = new ExerciseCatalog(SHIPPED).all().stream()
                .filter(e -> e.id().startsWith("askadare-")).toList();

        assertThat(bystander).hasSizeGreaterThanOrEqualTo(2);
        bystander.forEach(e -> assertThat(e.text(Language.SV).purpose() + e.text(Language.SV).facilitatorNotes())
                .as(e.id()).containsIgnoringCase("fem"));
    }

    @Test
    void reload_brokenFileOnDisk_isReportedByNameAndSkipped(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(ExerciseCatalog.FOLDER));
        Files.copy(Path.of("dialogs/reflections/normer-boxen.yaml"), folder.resolve("normer-boxen.yaml"));
        Files.writeString(folder.resolve("trasig.yaml"), "id: trasig\nstep: 9\nquestons: []\n");
        Files.writeString(folder.resolve("inte-yaml.yaml"), "id: [unclosed\n");

        ExerciseCatalog catalog = new ExerciseCatalog(new ContentSource("dialogs", dir));

        assertThat(catalog.all()).extracting(Exercise::id).containsExactly("normer-boxen");
        assertThat(catalog.rejected()).containsOnlyKeys("reflections/trasig.yaml", "reflections/inte-yaml.yaml");
        assertThat(catalog.rejected().get("reflections/trasig.yaml"))
                .anyMatch(p -> p.contains("step")).anyMatch(p -> p.contains("questons"));
    }

    @Test
    void reload_duplicateId_keepsTheFirstFileAndRejectsTheSecond(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(ExerciseCatalog.FOLDER));
        Files.copy(Path.of("dialogs/reflections/normer-boxen.yaml"), folder.resolve("a.yaml"));
        Files.copy(Path.of("dialogs/reflections/normer-boxen.yaml"), folder.resolve("b.yaml"));

        ExerciseCatalog catalog = new ExerciseCatalog(new ContentSource("dialogs", dir));

        assertThat(catalog.all()).hasSize(1);
        assertThat(catalog.rejected()).containsOnlyKeys("reflections/b.yaml");
    }

    @Test
    void onContentChanged_dialogs_picksUpNewFile(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(ExerciseCatalog.FOLDER));
        ExerciseCatalog catalog = new ExerciseCatalog(new ContentSource("dialogs", dir));
        assertThat(catalog.all()).isEmpty();

        Files.copy(Path.of("dialogs/reflections/valdspyramiden.yaml"), folder.resolve("valdspyramiden.yaml"));
        catalog.onContentChanged(new ContentChanged("knowledge"));
        assertThat(catalog.all()).isEmpty();
        catalog.onContentChanged(new ContentChanged("dialogs"));

        assertThat(catalog.all()).extracting(Exercise::id).containsExactly("valdspyramiden");
    }

    @Test
    void onContentChanged_goodFileBrokenInAnEdit_keepsItsLastGoodExerciseAndReportsTheFile(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(ExerciseCatalog.FOLDER));
        Files.copy(Path.of("dialogs/reflections/valdspyramiden.yaml"), folder.resolve("valdspyramiden.yaml"));
        ExerciseCatalog catalog = new ExerciseCatalog(new ContentSource("dialogs", dir));

        Files.writeString(folder.resolve("valdspyramiden.yaml"), "id: valdspyramiden\nstep: [unclosed\n");
        catalog.onContentChanged(new ContentChanged("dialogs"));

        // A session running with this exercise can still be answered and closed.
        assertThat(catalog.byId("valdspyramiden")).isPresent();
        assertThat(catalog.rejected()).containsOnlyKeys("reflections/valdspyramiden.yaml");

        Files.delete(folder.resolve("valdspyramiden.yaml"));
        catalog.onContentChanged(new ContentChanged("dialogs"));
        assertThat(catalog.all()).isEmpty();
    }
}
