package se.vagvisaren.safeguarding;

import java.util.List;

/**
 * What the crisis check read in one message: the forms of violence it is about, who seems to be writing,
 * whether a child is concerned, and the support lines in the order they are shown.
 *
 * @param forms      the danger-phrase families found, in file order; {@code general} alone when only the
 *                   intent model said {@code urgent_help}; never empty
 * @param speaker    {@code child}, {@code staff}, {@code uses_violence}, {@code adult_victim},
 *                   {@code bystander}, or {@code unknown} when no cue matched
 * @param aboutChild whether a child is concerned (a child writing, a child named, or the {@code child} family)
 * @param lines      keys of {@code crisis.lines.*}, first line first, without repeats
 */
record CrisisAssessment(List<DangerPhrases.Family> forms, String speaker, boolean aboutChild, List<String> lines) {

    static final String UNKNOWN_SPEAKER = "unknown";

    CrisisAssessment {
        forms = List.copyOf(forms);
        lines = List.copyOf(lines);
    }

    /** The line shown first, e.g. {@code bris}. */
    String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** Whether one of the forms has this id. */
    boolean hasForm(String id) {
        return forms.stream().anyMatch(f -> f.id().equals(id));
    }
}
