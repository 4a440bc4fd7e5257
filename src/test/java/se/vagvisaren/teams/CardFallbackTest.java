package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code Action.Execute} has an {@code Action.Submit} fallback (Microsoft's advice for clients without
 * Universal Actions): in every template of {@code dialogs/cards}, and, through {@link ExecuteFallbacks}, in every
 * card built in code before it leaves the bot.
 */
class CardFallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> templates() throws IOException {
        return Files.list(Path.of("dialogs/cards")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void template_everyExecute_hasSubmitFallbackWithSameTitleDataAndVerb(Path template) throws IOException {
        JsonNode card = JSON.readTree(template.toFile());

        for (JsonNode execute : executes(card)) {
            JsonNode fallback = execute.path("fallback");
            assertThat(fallback.path("type").asText()).as("%s: fallback of %s", template, execute.path("verb"))
                    .isEqualTo("Action.Submit");
            assertThat(fallback.path("title")).isEqualTo(execute.path("title"));
            assertThat(fallback.path("data").path("verb").asText()).isEqualTo(execute.path("verb").asText());
            execute.path("data").fields().forEachRemaining(field ->
                    assertThat(fallback.path("data").path(field.getKey())).isEqualTo(field.getValue()));
        }
    }

    @Test
    void templates_includeSomeWithExecute() throws IOException {
        // Guards the test above against passing because it found nothing to check.
        long withExecute = templates().filter(p -> {
            try {
                return !executes(JSON.readTree(p.toFile())).isEmpty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(withExecute).isGreaterThanOrEqualTo(5);
    }

    @Test
    void ensure_executeBuiltInCode_getsSubmitFallbackCarryingVerbAndData() throws IOException {
        JsonNode card = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[],"actions":[
                  {"type":"Action.Execute","title":"Fredag","verb":"deadlines.pick","data":{"date":"2026-12-11"}}]}""");

        JsonNode sent = ExecuteFallbacks.ensure(card);

        JsonNode fallback = sent.path("actions").get(0).path("fallback");
        assertThat(fallback.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(fallback.path("title").asText()).isEqualTo("Fredag");
        assertThat(fallback.path("data").path("verb").asText()).isEqualTo("deadlines.pick");
        assertThat(fallback.path("data").path("date").asText()).isEqualTo("2026-12-11");
        assertThat(fallback.path("data").path("via").asText()).isEqualTo("submit");
        assertThat(card.path("actions").get(0).has("fallback")).as("the original is not changed").isFalse();
    }

    @Test
    void ensure_nestedInShowCardAndRefresh_everyExecuteCovered() throws IOException {
        JsonNode card = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Execute","verb":"x.refresh"}},
                 "body":[{"type":"ActionSet","actions":[{"type":"Action.ShowCard","title":"Mer","card":{"type":"AdaptiveCard",
                   "actions":[{"type":"Action.Execute","title":"Spara","verb":"x.save"}]}}]}]}""");

        JsonNode sent = ExecuteFallbacks.ensure(card);

        assertThat(executes(sent)).hasSize(2).allSatisfy(execute ->
                assertThat(execute.path("fallback").path("type").asText()).isEqualTo("Action.Submit"));
    }

    @Test
    void ensure_everyExecuteAlreadyCovered_returnsTheSameCardWithoutCopying() throws IOException {
        JsonNode card = JSON.readTree(Path.of("dialogs/cards/deadlines-nudge.json").toFile());

        assertThat(ExecuteFallbacks.ensure(card)).isSameAs(card);
        assertThat(ExecuteFallbacks.ensure(null)).isNull();
    }

    static List<JsonNode> executes(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && "Action.Execute".equals(node.path("type").asText())) {
            out.add(node);
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!(node.isObject() && child == node.get("fallback"))) {
                    collect(child, out);
                }
            }
        }
    }

}
