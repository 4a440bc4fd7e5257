package se.vagvisaren.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Function;
import se.vagvisaren.conversation.Mappers;

/**
 * The JSON Lines loop every {@code --jsonl} command shares ({@code ask}, {@code knowledge rank},
 * {@code nlu parse}): one output line per non-blank input line, in order, so scripts can zip input and
 * output. Each line is read as JSON once here; what a malformed line gets is the command's choice, but it
 * always gets a line.
 */
final class JsonLines {

    /**
     * One non-blank input line.
     *
     * @param number  its line number, counting from 1 and counting blank lines too
     * @param json    the line as JSON, or {@code null} when it is not JSON
     * @param notJson why it is not JSON (the parser's message, never the line), or {@code null}
     */
    record Line(int number, JsonNode json, String notJson) {

        /** Whether the line is a JSON object, the only shape any command accepts. */
        boolean isObject() {
            return json != null && json.isObject();
        }

        /** {@code "line N: message"}, the error text every command writes for a bad line. */
        String error(String message) {
            return "line " + number + ": " + message;
        }
    }

    private JsonLines() {
    }

    /**
     * Reads {@code in} to its end and writes {@code answer} of every non-blank line to {@code out} as one
     * line of JSON, flushed at once so a pipe sees each answer as soon as it is made.
     *
     * @throws IOException when {@code in} cannot be read
     */
    static void answer(BufferedReader in, PrintWriter out, Function<Line, Object> answer) throws IOException {
        int number = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (!text.isBlank()) {
                out.println(Mappers.JSON.writeValueAsString(answer.apply(read(text, number))));
                out.flush();
            }
        }
    }

    private static Line read(String text, int number) {
        try {
            return new Line(number, Mappers.JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Line(number, null, e.getOriginalMessage());
        }
    }
}
