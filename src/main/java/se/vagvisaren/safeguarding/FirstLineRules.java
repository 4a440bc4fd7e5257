package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.vagvisaren.language.PhraseFile;

/**
 * Which support lines come first, by speaker and form ({@code first_lines} in
 * {@code dialogs/safeguarding/danger-phrases.yaml}). The first rule whose conditions all hold gives the
 * opening lines; the lines of the families found follow, without repeats.
 *
 * <p>One guarantee does not depend on the file: Självmordslinjen is never first unless the message is
 * about self-harm. A child who says a parent hits them must see BRIS first, not a suicide line.
 */
final class FirstLineRules {

    static final String SELF_HARM = "self_harm";
    static final String SUICIDE_LINE = "sjalvmordslinjen";

    /** One rule; an empty condition always holds. {@code child} is {@code null} when the rule does not ask. */
    record Rule(Set<String> forms, Set<String> speakers, Boolean child, List<String> lines) {

        boolean matches(List<DangerPhrases.Family> found, String speaker, boolean aboutChild) {
            return (forms.isEmpty() || found.stream().anyMatch(f -> forms.contains(f.id())))
                    && (speakers.isEmpty() || speakers.contains(speaker))
                    && (child == null || child == aboutChild);
        }
    }

    private final List<Rule> rules;

    FirstLineRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads the {@code first_lines} list; an empty list gives the families' lines in file order. */
    static FirstLineRules read(JsonNode list) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : list) {
            List<String> lines = PhraseFile.strings(node.path("lines"));
            if (lines.isEmpty()) {
                throw new IllegalStateException("A first_lines rule without lines: " + node);
            }
            rules.add(new Rule(Set.copyOf(PhraseFile.strings(node.path("forms"))),
                    Set.copyOf(PhraseFile.strings(node.path("speakers"))),
                    node.has("child") ? node.path("child").asBoolean() : null, lines));
        }
        return new FirstLineRules(rules);
    }

    /** The lines in showing order for what was found. */
    List<String> order(List<DangerPhrases.Family> found, String speaker, boolean aboutChild) {
        Set<String> lines = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.matches(found, speaker, aboutChild)) {
                lines.addAll(rule.lines());
                break;
            }
        }
        found.forEach(family -> lines.addAll(family.lines()));
        List<String> ordered = new ArrayList<>(lines);
        boolean selfHarm = found.stream().anyMatch(f -> f.id().equals(SELF_HARM));
        if (!selfHarm && ordered.size() > 1 && ordered.get(0).equals(SUICIDE_LINE)) {
            ordered.add(ordered.remove(0));
        }
        return ordered;
    }
}
