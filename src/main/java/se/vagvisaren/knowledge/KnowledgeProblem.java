package se.vagvisaren.knowledge;

/**
 * Something wrong in a knowledge file, found when loading.
 *
 * @param file        path relative to the knowledge root, e.g. {@code steg/steg-2.md}
 * @param line        1-based line in that file the problem points at; {@code null} when not known
 *                    (a PDF, a file without front matter)
 * @param reason      what is wrong, in English
 * @param fileSkipped {@code true} when nothing of the file was loaded; {@code false} when its passage was
 *                    kept and only the bad part (a link, a url) was left out or a field is missing
 */
public record KnowledgeProblem(String file, Integer line, String reason, boolean fileSkipped) {

    /** A file that could not be used at all. */
    public KnowledgeProblem(String file, String reason) {
        this(file, null, reason, true);
    }

    /** A passage that was kept although something in it is wrong. */
    static KnowledgeProblem kept(String file, Integer line, String reason) {
        return new KnowledgeProblem(file, line, reason, false);
    }

    /** {@code file:line: reason}, the form editors and compilers use, so the line can be jumped to. */
    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + reason;
    }
}
