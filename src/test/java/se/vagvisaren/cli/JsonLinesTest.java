package se.vagvisaren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Lines loop the --jsonl commands share. */
class JsonLinesTest {

    private String run(String input) throws IOException {
        StringWriter out = new StringWriter();
        JsonLines.answer(new BufferedReader(new StringReader(input)), new PrintWriter(out), line -> line.isObject()
                ? Map.of("answer", line.number() + ":" + line.json().path("q").asText())
                : Map.of("error", line.error(line.notJson() != null ? "not JSON" : "not an object")));
        return out.toString();
    }

    @Test
    void answer_blankLines_areSkippedButCounted() throws IOException {
        assertThat(run("{\"q\": \"a\"}\n\n   \n{\"q\": \"b\"}\n").lines())
                .containsExactly("{\"answer\":\"1:a\"}", "{\"answer\":\"4:b\"}");
    }

    @Test
    void answer_badLines_eachGetTheirOwnErrorLineInOrder() throws IOException {
        assertThat(run("not json\n[1, 2]\n{\"q\": \"ok\"}").lines())
                .containsExactly("{\"error\":\"line 1: not JSON\"}", "{\"error\":\"line 2: not an object\"}",
                        "{\"answer\":\"3:ok\"}");
    }

    @Test
    void answer_emptyInput_writesNothing() throws IOException {
        assertThat(run("")).isEmpty();
    }
}
