package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.reflection.AnswerForm.Problem;

/** Card data against normer-boxen: q1 scale, q2 multiple, q3 single, q4 text. */
class AnswerFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Exercise BOX = new ExerciseCatalog(new ContentSource("dialogs", Path.of("dialogs")))
            .byId("normer-boxen").orElseThrow();

    private static AnswerForm.Result read(String json) throws Exception {
        return AnswerForm.read(BOX, JSON.readTree(json), 1000);
    }

    @Test
    void read_fullAnswer_keepsOnlyValidatedValues() throws Exception {
        AnswerForm.Result result = read("""
                {"sessionId":"x","a_q1":"4","a_q2":"friends,media,friends","a_q3":"jokes","a_q4":"  Killar ska vara tuffa  ",
                 "a_unknown":"smuggled","userId":"29:someone"}""");

        assertThat(result.ok()).isTrue();
        assertThat(result.answers().toString())
                .isEqualTo("{\"q1\":4,\"q2\":[\"friends\",\"media\"],\"q3\":\"jokes\",\"q4\":\"Killar ska vara tuffa\"}");
        assertThat(result.texts()).containsExactly("Killar ska vara tuffa");
    }

    @Test
    void read_scaleOutOfRange_isRejected() throws Exception {
        assertThat(read("{\"a_q1\":\"99\"}").problem()).isEqualTo(new Problem(Problem.Kind.INVALID_VALUE, 1, 0));
        assertThat(read("{\"a_q1\":99}").problem().kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
        assertThat(read("{\"a_q1\":\"0\"}").problem().kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
        assertThat(read("{\"a_q1\":\"-3\"}").problem().kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
        assertThat(read("{\"a_q1\":\"3.5\"}").problem().kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
    }

    @Test
    void read_unknownOption_isRejected() throws Exception {
        assertThat(read("{\"a_q3\":\"hacked\"}").problem()).isEqualTo(new Problem(Problem.Kind.INVALID_VALUE, 3, 0));
        assertThat(read("{\"a_q2\":\"friends,evil\"}").problem().question()).isEqualTo(2);
        assertThat(read("{\"a_q3\":[\"jokes\"]}").problem().kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
    }

    @Test
    void read_twentyThousandCharacters_isRejectedNotCut() throws Exception {
        ObjectNode data = JSON.createObjectNode().put("a_q4", "x".repeat(20_000));

        AnswerForm.Result result = AnswerForm.read(BOX, data, 1000);

        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).isEqualTo(new Problem(Problem.Kind.TOO_LONG, 4, 1000));
        assertThat(result.answers()).isNull();
    }

    @Test
    void read_nothingAnswered_isEmptyProblem() throws Exception {
        assertThat(read("{}").problem().kind()).isEqualTo(Problem.Kind.EMPTY);
        assertThat(read("{\"a_q4\":\"   \"}").problem().kind()).isEqualTo(Problem.Kind.EMPTY);
        assertThat(AnswerForm.read(BOX, null, 1000).problem().kind()).isEqualTo(Problem.Kind.EMPTY);
    }

    @Test
    void read_controlCharactersInText_areRemovedButMarkdownIsKeptForEscapingLater() throws Exception {
        JsonNode data = JSON.createObjectNode().put("a_q4", "hej\u0000\u202E [klick](javascript:x) <at>alla</at>\nrad två");

        AnswerForm.Result result = AnswerForm.read(BOX, data, 1000);

        assertThat(result.answers().get("q4").asText()).isEqualTo("hej [klick](javascript:x) <at>alla</at>\nrad två");
    }
}
