package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepSuggesterTest {

    private final StepSuggester suggester = new StepSuggester(ProgressFixtures.vocabulary());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Vi har genomfört kartläggningen i skolorna | 2",
            "Lägesbilden är klar och presenterad | 2",
            "Styrgruppen har fattat beslut om handlingsplanen | 1",
            "Kommunstyrelsen gav oss mandat att starta | 1",
            "Workshop om riskfaktorer och skyddsfaktorer på individnivå | 3",
            "Vi startar MVP i årskurs 8 efter jullovet | 4",
            "Första insatsen är vald: Machofabriken | 4",
            "Nu ska vi implementera rutinen och planera uppföljningen | 5",
            "Vi har börjat sprida arbetet till fritidsgårdarna | 5",
            "The steering group decided on a mandate | 1",
            "We finished the mapping and the situation picture | 2",
    })
    void suggest_typicalUpdate_givesTheHandbookStep(String text, int step) {
        assertThat(suggester.suggest(text)).containsExactly(step);
    }

    @Test
    void suggest_swedishCompound_matchesInsideTheWord() {
        assertThat(suggester.suggest("Skolkartläggningen är skickad till rektorerna")).containsExactly(2);
    }

    @Test
    void suggest_keywordTheStemmerCutsShort_stillMatchesInsideCompounds() {
        // Snowball cuts "faktor" to "fakt"; the unstemmed word still finds it in "riskfaktorer"
        assertThat(suggester.scores("workshop om riskfaktorer och skyddsfaktorer")[3]).isEqualTo(5);
        assertThat(suggester.suggest("workshop om riskfaktorer och skyddsfaktorer")).containsExactly(3);
    }

    @Test
    void suggest_updateAboutTwoStepsEqually_suggestsBoth() {
        assertThat(suggester.suggest("Kartläggningen är klar och styrgruppen har sett den")).containsExactly(1, 2);
    }

    @Test
    void suggest_weakSecondStep_isLeftOut() {
        // styrgrupp (2) + beslut + fattat = 4 for step 1; handlingsplan = 1 for step 4: below half
        assertThat(suggester.scores("Styrgruppen har fattat beslut om handlingsplanen")[4]).isEqualTo(1);
        assertThat(suggester.suggest("Styrgruppen har fattat beslut om handlingsplanen")).doesNotContain(4);
    }

    @Test
    void suggest_noKeyword_isEmpty() {
        assertThat(suggester.suggest("Vi fikade tillsammans i fredags")).isEmpty();
        assertThat(suggester.suggest("")).isEmpty();
        assertThat(suggester.suggest(null)).isEmpty();
    }

    @Test
    void suggest_tenThousandCharacters_answersWithoutFailing() {
        String huge = "kartläggning ".repeat(800);

        assertThat(suggester.suggest(huge)).containsExactly(2);
    }

    @Test
    void suggest_markupAroundWords_stillFindsTheStep() {
        assertThat(suggester.suggest("<b>kartläggning</b> [x](javascript:alert(1))")).containsExactly(2);
    }
}
