package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.reflection.SessionStore.StoredAnswer;
import se.vagvisaren.reflection.Tally.QuestionTally;

class TallyTest {

    private static final Exercise BOX = new ExerciseCatalog(new ContentSource("dialogs", Path.of("dialogs")))
            .byId("normer-boxen").orElseThrow();

    private static StoredAnswer answer(String json) {
        return new StoredAnswer(null, json);
    }

    @Test
    void of_threeAnswers_countsEveryQuestionType() {
        Tally tally = Tally.of(BOX, List.of(
                answer("{\"q1\":4,\"q2\":[\"friends\",\"media\"],\"q3\":\"jokes\",\"q4\":\"a\"}"),
                answer("{\"q1\":4,\"q2\":[\"friends\"],\"q3\":\"excluded\"}"),
                answer("{\"q1\":1,\"q4\":\"b\"}")), new Random(1));

        assertThat(tally.respondents()).isEqualTo(3);
        QuestionTally scale = tally.questions().get(0);
        assertThat(scale.scaleCount(4)).isEqualTo(2);
        assertThat(scale.scaleCount(1)).isEqualTo(1);
        assertThat(scale.mean()).isEqualTo(3.0);
        assertThat(tally.questions().get(1).options()).containsEntry("friends", 2).containsEntry("media", 1)
                .containsEntry("family", 0);
        assertThat(tally.questions().get(1).answered()).isEqualTo(2);
        assertThat(tally.questions().get(2).options()).containsEntry("jokes", 1).containsEntry("excluded", 1);
        assertThat(tally.questions().get(3).texts()).extracting(Tally.TextAnswer::text).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void of_corruptOrOutOfRangeRows_areSkippedNotCounted() {
        Tally tally = Tally.of(BOX, List.of(answer("not json"), answer("{\"q1\":99,\"q3\":\"nope\"}"), answer("{\"q1\":5}")),
                new Random(1));

        assertThat(tally.questions().get(0).answered()).isEqualTo(1);
        assertThat(tally.questions().get(0).scaleCount(5)).isEqualTo(1);
        assertThat(tally.questions().get(2).answered()).isZero();
    }

    @Test
    void of_freeText_isShuffled() {
        List<StoredAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(answer("{\"q4\":\"svar " + i + "\"}"));
        }

        List<String> order = Tally.of(BOX, answers, new Random(7)).questions().get(3).texts().stream()
                .map(Tally.TextAnswer::text).toList();

        assertThat(order).hasSize(30).isNotEqualTo(answers.stream().map(a -> a.answersJson()
                .replace("{\"q4\":\"", "").replace("\"}", "")).toList());
    }

    @Test
    void mean_nobodyAnswered_isNaN() {
        assertThat(Tally.of(BOX, List.of(), new Random(1)).questions().get(0).mean()).isNaN();
    }

    @Test
    void bar_scalesToLargestAndShowsAnyNonZeroCount() {
        assertThat(TextBars.bar(5, 5)).isEqualTo("▇▇▇▇▇▇▇▇▇▇");
        assertThat(TextBars.bar(0, 5)).isEqualTo("▁▁▁▁▁▁▁▁▁▁");
        assertThat(TextBars.bar(1, 50)).isEqualTo("▇▁▁▁▁▁▁▁▁▁");
        assertThat(TextBars.bar(3, 6)).isEqualTo("▇▇▇▇▇▁▁▁▁▁");
        assertThat(TextBars.bar(0, 0)).hasSize(TextBars.WIDTH);
    }

    @Test
    void mean_isFormattedPerLanguage() {
        assertThat(ResultCards.mean(3.4, se.vagvisaren.conversation.Language.SV)).isEqualTo("3,4");
        assertThat(ResultCards.mean(3.45, se.vagvisaren.conversation.Language.EN)).isEqualTo("3.5");
    }
}
