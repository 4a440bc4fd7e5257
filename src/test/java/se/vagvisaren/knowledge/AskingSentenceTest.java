package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskingSentenceTest {

    @Test
    void theLastQuestionOfSeveralSentences_isTheAskingOne() {
        assertThat(AskingSentence.of("Jag jobbar på förskolan. Vi har APT i morgon. Vad är våldspyramiden?").strip())
                .isEqualTo("Vad är våldspyramiden?");
        assertThat(AskingSentence.of("Vad är steg 3? Vi ska börja nästa vecka.").strip()).isEqualTo("Vad är steg 3?");
        assertThat(AskingSentence.of("We met yesterday.\nWhat is MVP?").strip()).isEqualTo("What is MVP?");
    }

    @Test
    void whatFollowsAColon_isTheAskingPart() {
        assertThat(AskingSentence.of("Vi har APT i morgon och undrar: vad är våldspyramiden").strip())
                .isEqualTo("vad är våldspyramiden");
    }

    @Test
    void oneSentence_orSeveralWithoutAQuestion_isTheWholeMessage() {
        assertThat(AskingSentence.of("vad är steg 3")).isEqualTo("vad är steg 3");
        assertThat(AskingSentence.of("Vi är klara med steg 2. Nu börjar vi med steg 3."))
                .isEqualTo("Vi är klara med steg 2. Nu börjar vi med steg 3.");
        // Points inside numbers and abbreviations end no sentence.
        assertThat(AskingSentence.of("vad står i avsnitt 2.1, t.ex. om kartläggning?"))
                .isEqualTo("vad står i avsnitt 2.1, t.ex. om kartläggning?");
        assertThat(AskingSentence.of("frågan är:")).isEqualTo("frågan är:");
        // A word or two before the question is no situation.
        assertThat(AskingSentence.of("tjena! läget?")).isEqualTo("tjena! läget?");
        assertThat(AskingSentence.of("Hej, fråga: vad är MVP?")).isEqualTo("Hej, fråga: vad är MVP?");
        assertThat(AskingSentence.of("")).isEmpty();
    }
}
