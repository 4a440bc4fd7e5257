package se.vagvisaren.knowledge;

/**
 * A knowledge file that was skipped when loading, or one read with a field it had to ignore (the reason says which).
 *
 * @param file   path relative to the knowledge root, e.g. {@code steg/steg-2.md}
 * @param reason what is wrong, in English
 */
public record KnowledgeProblem(String file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
