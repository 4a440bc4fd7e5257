package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 17: one placeholder syntax, {@code {name}}, in reply texts, cards and pages. */
class PlaceholdersTest {

    @Test
    void fill_knownNames_areReplacedOnce_andUnknownOnesStay() {
        String filled = Placeholders.fill("Hej {name}, {missing} och {name}!", Map.of("name", "{missing}"));

        assertThat(filled).isEqualTo("Hej {missing}, {missing} och {missing}!");
    }

    @Test
    void fill_nullValue_isEmpty_andIcuArgumentsAndCssAreLeftAlone() {
        Map<String, Object> values = new HashMap<>();
        values.put("who", null);
        values.put("n", 3);

        assertThat(Placeholders.fill("[{who}] {n, plural, one {# dag} other {# dagar}} body { color: red; }", values))
                .isEqualTo("[] {n, plural, one {# dag} other {# dagar}} body { color: red; }");
        assertThat(Placeholders.fill("$ {5} {{", Map.of("5", "x"))).isEqualTo("$ {5} {{");
    }

    @Test
    void dialogs_useNoRetiredPlaceholderSyntax() throws IOException {
        List<String> offences;
        try (Stream<Path> files = Files.walk(Path.of("dialogs"))) {
            offences = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(json|ya?ml|html|md|txt)$"))
                    .flatMap(PlaceholdersTest::oldPlaceholders).toList();
        }

        assertThat(offences).as("write {name}, not ${name} or {{name}}").isEmpty();
    }

    @Test
    void oldSyntax_isRecognised() {
        assertThat(Placeholders.OLD_SYNTAX.matcher("\"text\": \"${question}\"").find()).isTrue();
        assertThat(Placeholders.OLD_SYNTAX.matcher("<title>{{title}}</title>").find()).isTrue();
        assertThat(Placeholders.OLD_SYNTAX.matcher("{count, plural, one {# svar} other {# svar}}").find()).isFalse();
    }

    private static Stream<String> oldPlaceholders(Path file) {
        try {
            Matcher m = Placeholders.OLD_SYNTAX.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.results().map(r -> file + ": " + r.group());
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
