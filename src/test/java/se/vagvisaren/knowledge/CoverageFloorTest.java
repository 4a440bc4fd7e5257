package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The coverage floor: full for short questions, lower for long ones, never below {@link CoverageFloor#LOWEST}. */
class CoverageFloorTest {

    @Test
    void shortQuestion_keepsTheConfiguredFloorAndTheUnseenShare() {
        assertThat(CoverageFloor.of(0.35, 0.0, 3, true)).isEqualTo(0.35);
        assertThat(CoverageFloor.of(0.35, 0.6, CoverageFloor.SHORT_QUESTION_WORDS, true)).isEqualTo(0.6);
    }

    @Test
    void longQuestion_floorFallsWithItsLength_neverBelowTheLowest() {
        assertThat(CoverageFloor.of(0.35, 0.0, 12, true)).isCloseTo(0.175, within(1e-9));
        assertThat(CoverageFloor.of(0.35, 0.6, 12, true)).isCloseTo(0.3, within(1e-9));
        assertThat(CoverageFloor.of(0.35, 0.0, 60, true)).isEqualTo(CoverageFloor.LOWEST);
    }

    @Test
    void otherLanguage_keepsItsStricterFloorHoweverLong() {
        assertThat(CoverageFloor.of(0.7, 0.0, 40, false)).isEqualTo(0.7);
    }

}
