package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardTemplatesTest {

    @TempDir
    Path dir;

    private CardTemplates templates(String json) throws Exception {
        Files.createDirectories(dir.resolve("cards"));
        Files.writeString(dir.resolve("cards/t.json"), json);
        return new CardTemplates(new ContentSource("dialogs", dir));
    }

    @Test
    void fill_valueWithQuotesAndPlaceholderSyntax_isInsertedLiterallyInOnePass() throws Exception {
        CardTemplates t = templates("{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"{a} / {b}\"}]}");

        var card = t.fill("t", Map.of("a", "\"}] {b}", "b", "B"));

        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("\"}] {b} / B");
    }

    @Test
    void fill_unknownPlaceholder_staysAndTemplateIsNotChanged() throws Exception {
        CardTemplates t = templates("{\"type\":\"AdaptiveCard\",\"text\":\"{missing} {a}\"}");

        assertThat(t.fill("t", Map.of("a", "x")).path("text").asText()).isEqualTo("{missing} x");
        assertThat(t.fill("t", Map.of("a", "y")).path("text").asText()).isEqualTo("{missing} y");
    }

    @Test
    void fill_missingOrBrokenTemplate_namesTheFile() throws Exception {
        CardTemplates t = templates("{not json");

        assertThatThrownBy(() -> t.fill("t", Map.of())).hasMessageContaining("cards/t.json");
        assertThatThrownBy(() -> t.fill("nope", Map.of())).hasMessageContaining("cards/nope.json");
    }
}
