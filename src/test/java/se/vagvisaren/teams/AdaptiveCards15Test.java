package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every card template against the Adaptive Cards 1.5 element and action set Teams renders (schema 1.5 at most,
 * design.md). Not Microsoft's full JSON schema (it is not published in a package this build can fetch): the
 * checks that catch what Teams refuses to render — a newer version, an element or action type 1.5 does not
 * have, an Execute without a verb, a fallback that is not an action or "drop".
 */
class AdaptiveCards15Test {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Set<String> ELEMENTS_1_5 = Set.of("TextBlock", "Image", "Media", "RichTextBlock", "TextRun",
            "ActionSet", "Container", "ColumnSet", "Column", "FactSet", "ImageSet", "Table", "TableRow", "TableCell",
            "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet");
    static final Set<String> ACTIONS_1_5 = Set.of("Action.OpenUrl", "Action.Submit", "Action.ShowCard",
            "Action.ToggleVisibility", "Action.Execute");

    static Stream<Path> templates() throws IOException {
        return Files.list(Path.of("dialogs/cards")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void template_usesOnlyAdaptiveCards15(Path template) throws IOException {
        JsonNode json = JSON.readTree(template.toFile());
        // A few templates are parts inserted into a card's body (deadlines-list-item): checked as an element.
        List<String> problems = "AdaptiveCard".equals(json.path("type").asText()) ? problems(json) : elementProblems(json);
        assertThat(problems).as(template.toString()).isEmpty();
    }

    static List<String> elementProblems(JsonNode element) {
        List<String> problems = new ArrayList<>();
        element(element, problems);
        return problems;
    }

    @Test
    void problems_cardsTeamsWouldNotRender_areFound() throws IOException {
        assertThat(problems(JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.6\",\"body\":[]}"))).isNotEmpty();
        assertThat(problems(JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":["
                + "{\"type\":\"Input.Rating\"}]}"))).isNotEmpty();
        assertThat(problems(JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"actions\":["
                + "{\"type\":\"Action.Execute\",\"title\":\"x\"}]}"))).isNotEmpty();
        assertThat(problems(JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"actions\":["
                + "{\"type\":\"Action.Execute\",\"verb\":\"v\",\"fallback\":\"ignore\"}]}"))).isNotEmpty();
    }

    /** What is wrong with {@code card} for Adaptive Cards 1.5; empty when nothing. */
    static List<String> problems(JsonNode card) {
        List<String> problems = new ArrayList<>();
        if (!"AdaptiveCard".equals(card.path("type").asText())) {
            problems.add("root type is not AdaptiveCard");
        }
        String version = card.path("version").asText("");
        if (!version.matches("1\\.[0-5]")) {
            problems.add("version " + version + " is not 1.0–1.5");
        }
        card.path("body").forEach(element -> element(element, problems));
        card.path("actions").forEach(action -> action(action, problems));
        if (card.has("refresh")) {
            action(card.path("refresh").path("action"), problems);
        }
        return problems;
    }

    private static void element(JsonNode element, List<String> problems) {
        String type = element.path("type").asText();
        if (!ELEMENTS_1_5.contains(type)) {
            problems.add("element type " + type);
        }
        for (String children : List.of("items", "columns", "rows", "cells", "inlines")) {
            element.path(children).forEach(child -> {
                if (child.isObject() && child.has("type")) {
                    element(child, problems);
                }
            });
        }
        element.path("actions").forEach(action -> action(action, problems));
        if (element.has("selectAction")) {
            action(element.path("selectAction"), problems);
        }
    }

    private static void action(JsonNode action, List<String> problems) {
        String type = action.path("type").asText();
        if (!ACTIONS_1_5.contains(type)) {
            problems.add("action type " + type);
        }
        if ("Action.Execute".equals(type) && action.path("verb").asText("").isBlank()) {
            problems.add("Action.Execute without verb");
        }
        if (action.has("fallback")) {
            JsonNode fallback = action.get("fallback");
            if (fallback.isTextual()) {
                if (!"drop".equals(fallback.asText())) {
                    problems.add("fallback " + fallback.asText());
                }
            } else {
                action(fallback, problems);
            }
        }
        if ("Action.ShowCard".equals(type)) {
            JsonNode inner = action.path("card");
            inner.path("body").forEach(element -> element(element, problems));
            inner.path("actions").forEach(a -> action(a, problems));
        }
    }
}
