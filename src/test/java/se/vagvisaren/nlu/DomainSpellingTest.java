package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainSpellingTest {

    private final DomainSpelling spelling = new DomainSpelling(
            List.of("lägesbild", "kartläggning", "kartläggningen", "reflektion", "påminn", "påminnelse"),
            Set.of("vad", "är", "en", "steg", "hur", "gör", "vi", "om", "oss", "lagesbilden", "paminnelser"));

    @Test
    void correct_oneWrongLetter_mendsTheDomainWord() {
        assertThat(spelling.correct("vad är en lägesbil?")).isEqualTo("vad är en lägesbild?");
        assertThat(spelling.correct("vad är en lagesbikd")).isEqualTo("vad är en lägesbild");
    }

    @Test
    void correct_swappedMissingOrExtraLetters_mended() {
        assertThat(spelling.correct("reflketion")).isEqualTo("reflektion");
        assertThat(spelling.correct("påmminn oss")).isEqualTo("påminn oss");
        assertThat(spelling.correct("hur gör vi kartlägnigen")).isEqualTo("hur gör vi kartläggningen");
    }

    @Test
    void correct_twoEditsInALongWord_mended_butNotInAShortOne() {
        assertThat(spelling.correct("kartlägnng")).isEqualTo("kartläggning");
        assertThat(spelling.correct("pmmimn")).isEqualTo("pmmimn");
    }

    @Test
    void correct_knownAndShortWords_neverChanged() {
        assertThat(spelling.correct("lägesbilden och påminnelser")).isEqualTo("lägesbilden och påminnelser");
        assertThat(spelling.correct("steg stag stog")).isEqualTo("steg stag stog");
        assertThat(spelling.correct("")).isEmpty();
        assertThat(spelling.correct(null)).isEmpty();
        assertThat(DomainSpelling.none().correct("lägesbil")).isEqualTo("lägesbil");
    }

    @Test
    void correct_unrelatedWords_leftAlone() {
        assertThat(spelling.correct("lunchmenyn på fredag")).isEqualTo("lunchmenyn på fredag");
    }
}
