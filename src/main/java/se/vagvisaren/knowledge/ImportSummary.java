package se.vagvisaren.knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of one import.
 *
 * @param passages number of passages written
 * @param pages    pages read (PDF); 0 for Markdown
 * @param files    source files read
 * @param skipped  parts that did not become passages, with reasons
 * @param failed   source files that could not be read at all, each with its error (file named in the text)
 * @param output   the folder the passages were written to
 */
public record ImportSummary(int passages, int pages, int files, List<SkippedPart> skipped, List<String> failed, Path output) {

    public ImportSummary {
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }
}
