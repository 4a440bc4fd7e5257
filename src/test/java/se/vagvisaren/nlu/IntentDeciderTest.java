package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentDeciderTest {

    private final IntentDecider decider = new IntentDecider(0.3, 0.0, 0.1, 0.25);

    private static List<Understanding.IntentScore> ranking(Object... nameScore) {
        List<Understanding.IntentScore> out = new java.util.ArrayList<>();
        for (int i = 0; i < nameScore.length; i += 2) {
            out.add(new Understanding.IntentScore((String) nameScore[i], (Double) nameScore[i + 1]));
        }
        return out;
    }

    @Test
    void decide_confidentBest_isChosen() {
        IntentDecider.Decision d = decider.decide(ranking("greeting", 0.9, "thanks", 0.05, "urgent_help", 0.05));

        assertThat(d).isEqualTo(new IntentDecider.Decision("greeting", 0.9, false));
    }

    @Test
    void decide_bestBelowMinConfidence_isOutOfScope() {
        IntentDecider.Decision d = decider.decide(ranking("help", 0.28, "greeting", 0.27, "urgent_help", 0.2));

        assertThat(d.intent()).isEqualTo("out_of_scope");
        assertThat(d.confidence()).isEqualTo(0.72);
    }

    @Test
    void decide_trainedOutOfScopeClassBest_isOutOfScope() {
        assertThat(decider.decide(ranking("out_of_scope", 0.6, "help", 0.4)).intent()).isEqualTo("out_of_scope");
    }

    @Test
    void decide_urgentLikelyButNotBest_winsAnyway() {
        IntentDecider.Decision d = decider.decide(ranking("handbook_question", 0.6, "urgent_help", 0.3, "help", 0.1));

        assertThat(d.intent()).isEqualTo("urgent_help");
        assertThat(d.confidence()).isEqualTo(0.3);
    }

    @Test
    void decide_urgentBelowItsThreshold_doesNotWin() {
        assertThat(decider.decide(ranking("handbook_question", 0.8, "urgent_help", 0.2)).intent())
                .isEqualTo("handbook_question");
    }

    @Test
    void decide_twoCloseInScopeIntents_isFlaggedAmbiguous() {
        IntentDecider.Decision d = decider.decide(ranking("deadline_create", 0.48, "deadline_list", 0.45, "thanks", 0.07));

        assertThat(d.intent()).isEqualTo("deadline_create");
        assertThat(d.ambiguous()).isTrue();
    }

    @Test
    void decide_closeSecondIsOutOfScope_isNotAmbiguous() {
        assertThat(decider.decide(ranking("help", 0.5, "out_of_scope", 0.45)).ambiguous()).isFalse();
    }

    @Test
    void decide_marginGate_turnsCloseCallIntoOutOfScope() {
        IntentDecider gated = decider.withGate(0.3, 0.2);

        assertThat(gated.decide(ranking("help", 0.5, "greeting", 0.4)).intent()).isEqualTo("out_of_scope");
        assertThat(gated.decide(ranking("help", 0.7, "greeting", 0.2)).intent()).isEqualTo("help");
    }

    @Test
    void decide_emptyRanking_isOutOfScope() {
        assertThat(decider.decide(List.of())).isEqualTo(new IntentDecider.Decision("out_of_scope", 1.0, false));
    }
}
