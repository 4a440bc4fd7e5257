package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void row_plainFields_areCommaSeparatedWithCrLf() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList("a", "b", null, ""));

        assertThat(out).hasToString("a,b,,\r\n");
    }

    @Test
    void field_commaQuoteAndNewline_areQuotedAndQuotesDoubled() {
        assertThat(CsvWriter.field("kartläggning, steg 2")).isEqualTo("\"kartläggning, steg 2\"");
        assertThat(CsvWriter.field("han sa \"hej\"")).isEqualTo("\"han sa \"\"hej\"\"\"");
        assertThat(CsvWriter.field("rad 1\nrad 2")).isEqualTo("\"rad 1\nrad 2\"");
    }

    @Test
    void field_formulaStart_isPrefixedSoSpreadsheetsShowText() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvWriter.field("+46 70 123")).isEqualTo("'+46 70 123");
        assertThat(CsvWriter.field("-1+1")).isEqualTo("'-1+1");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void field_formulaCharacterLaterInText_isUntouched() {
        assertThat(CsvWriter.field("a=b")).isEqualTo("a=b");
    }
}
