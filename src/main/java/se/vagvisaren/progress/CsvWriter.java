package se.vagvisaren.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Writes RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote,
 * CR or LF, quotes doubled. A field starting with {@code = + - @}, tab or CR is prefixed with an
 * apostrophe so spreadsheet programs show it as text instead of running it as a formula (CSV injection).
 */
@RequiredArgsConstructor
final class CsvWriter {

    private final Writer out;

    /** Writes one record; {@code null} fields are written empty. */
    void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
