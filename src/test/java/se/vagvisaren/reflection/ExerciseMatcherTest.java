package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;

class ExerciseMatcherTest {

    private static final List<Exercise> ALL = new ExerciseCatalog(new ContentSource("dialogs", Path.of("dialogs"))).all();

    private static List<String> ids(String text) {
        return ExerciseMatcher.match(text, ALL).stream().map(Exercise::id).toList();
    }

    @Test
    void match_normsInSwedish_findsTheBoxExercise() {
        assertThat(ids("kör övningen om normer")).containsExactly("normer-boxen");
        assertThat(ids("starta ovningen om normerna")).containsExactly("normer-boxen");
    }

    @Test
    void match_normsInOurOwnService_prefersTheLongerKeyword() {
        assertThat(ids("kör övningen om normer i vår verksamhet")).containsExactly("normer-verksamheten");
    }

    @Test
    void match_pyramidAndStepNumbers_findOneExercise() {
        assertThat(ids("starta övningen om våldspyramiden")).containsExactly("valdspyramiden");
        assertThat(ids("reflektion tack, den om pyramiden")).containsExactly("valdspyramiden");
        assertThat(ids("kör reflektionen för steg 4")).containsExactly("steg4-insatser");
        assertThat(ids("vi vill göra övningen om universell insats på vår arbetsplats"))
                .containsExactly("arbetsplatsen-preventionsnivaer");
    }

    @Test
    void match_bystanderWithoutScene_isAmbiguousBetweenTheScenes() {
        assertThat(ids("kan vi köra en övning om aktiv åskådare"))
                .hasSizeGreaterThan(1).allMatch(id -> id.startsWith("askadare-"));
        assertThat(ids("aktiv åskådare i gruppchatten")).containsExactly("askadare-gruppchatten");
    }

    @Test
    void match_english_findsExercise() {
        assertThat(ids("run the exercise about the violence pyramid")).containsExactly("valdspyramiden");
        assertThat(ids("start the norms exercise")).containsExactly("normer-boxen");
    }

    @Test
    void match_numberOrOrdinal_picksInPickerOrder() {
        assertThat(ids("kör övning 2")).containsExactly(ALL.get(1).id());
        assertThat(ids("starta den första övningen")).containsExactly(ALL.get(0).id());
        assertThat(ids("exercise 3")).containsExactly(ALL.get(2).id());
        assertThat(ids("kör övning 99")).isEmpty();
    }

    @Test
    void match_nothingNamed_isEmpty() {
        assertThat(ids("starta reflektion")).isEmpty();
        assertThat(ids("")).isEmpty();
        assertThat(ids(null)).isEmpty();
    }

    @Test
    void match_hugeOrHostileText_doesNotThrow() {
        assertThat(ids("normer ".repeat(5_000))).containsExactly("normer-boxen");
        assertThat(ids("'; DROP TABLE reflection_session; -- <at>x</at> ${title}")).isEmpty();
    }
}
