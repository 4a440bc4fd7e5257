package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reply texts from files that people edit while the bot runs. */
class ReplyTextsTest {

    @TempDir
    Path dialogs;

    private ReplyTexts texts() {
        return new ReplyTexts(new ContentSource("dialogs", dialogs));
    }

    private void write(String file, String yaml) throws IOException {
        Path path = dialogs.resolve("replies").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, yaml);
    }

    @Test
    void get_nestedKeyWithPlaceholder_isFilled_andEnglishFallsBackToSwedish() throws IOException {
        write("sv/core.yaml", "greeting:\n  hello: \"Hej {name}!\"\n  bye: Hej då\n");
        write("en/core.yaml", "greeting:\n  hello: \"Hello {name}!\"\n");
        ReplyTexts texts = texts();

        assertThat(texts.get(Language.SV, "greeting.hello", "name", "Anna")).isEqualTo("Hej Anna!");
        assertThat(texts.get(Language.EN, "greeting.hello", "name", "Anna")).isEqualTo("Hello Anna!");
        assertThat(texts.get(Language.EN, "greeting.bye")).isEqualTo("Hej då");
        assertThat(texts.get(Language.SV, "greeting.missing")).isEqualTo("greeting.missing");
    }

    @Test
    void onContentChanged_brokenEditOfOneFile_keepsThatFilesTextsAndReadsTheOthers() throws IOException {
        write("sv/core.yaml", "greeting:\n  hello: Hej!\n");
        write("sv/deadlines.yaml", "deadline:\n  saved: Sparat.\n");
        ReplyTexts texts = texts();

        write("sv/core.yaml", "greeting:\n  hello: [unclosed\n");
        write("sv/deadlines.yaml", "deadline:\n  saved: Deadline sparad.\n");
        texts.onContentChanged(new ContentChanged("dialogs"));

        assertThat(texts.get(Language.SV, "greeting.hello")).isEqualTo("Hej!");
        assertThat(texts.get(Language.SV, "deadline.saved")).isEqualTo("Deadline sparad.");

        write("sv/core.yaml", "greeting:\n  hello: Hej igen!\n");
        texts.onContentChanged(new ContentChanged("dialogs"));
        assertThat(texts.get(Language.SV, "greeting.hello")).isEqualTo("Hej igen!");
    }

    @Test
    void constructor_fileBrokenFromTheStart_isSkippedAndTheRestWorks() throws IOException {
        write("sv/core.yaml", "greeting: : :\n  - [\n");
        write("sv/help.yaml", "help:\n  title: Så här kan jag hjälpa\n");

        ReplyTexts texts = texts();

        assertThat(texts.get(Language.SV, "help.title")).isEqualTo("Så här kan jag hjälpa");
        assertThat(texts.has("greeting.hello")).isFalse();
    }

    @Test
    void get_pluralText_agreesWithTheCount_andBrokenSyntaxNeverThrows() throws IOException {
        write("sv/core.yaml", "list:\n  total: \"{total, plural, one {# uppdatering} other {# uppdateringar}} i {year}\"\n"
                + "  broken: \"{count, plural, one {# sak}\"\n");
        ReplyTexts texts = texts();

        assertThat(texts.get(Language.SV, "list.total", "total", 1, "year", 2026)).isEqualTo("1 uppdatering i 2026");
        assertThat(texts.get(Language.SV, "list.total", "total", 1234, "year", 2026)).isEqualTo("1\u00a0234 uppdateringar i 2026");
        // English falls back to the Swedish text and keeps Swedish plural rules with it
        assertThat(texts.get(Language.EN, "list.total", "total", "2", "year", 2026)).isEqualTo("2 uppdateringar i 2026");
        assertThat(texts.get(Language.SV, "list.broken", "count", 1)).contains("sak");
        assertThat(texts.get(Language.SV, "list.total", "total", "många", "year", 2026)).contains("uppdatering");
    }
}
