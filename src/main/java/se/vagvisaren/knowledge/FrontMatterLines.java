package se.vagvisaren.knowledge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the line of a front-matter field in a passage file, so that a problem can name
 * {@code file:line} instead of leaving the editor to search. The YAML parser keeps no positions, and
 * front matter is short, so a plain scan of its lines is enough.
 */
final class FrontMatterLines {

    private final List<String> lines;

    private FrontMatterLines(List<String> lines) {
        this.lines = lines;
    }

    /** The front matter of {@code content} (its lines up to the closing {@code ---}). */
    static FrontMatterLines of(String content) {
        List<String> all = content.replace("\r\n", "\n").lines().toList();
        int end = all.size();
        boolean opened = false;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).strip().replace("\uFEFF", "").equals("---")) {
                if (opened) {
                    end = i;
                    break;
                }
                opened = true;
            }
        }
        return new FrontMatterLines(all.subList(0, end));
    }

    /** For passages that do not come from a Markdown file (PDF imports): every lookup is {@code null}. */
    static FrontMatterLines none() {
        return new FrontMatterLines(List.of());
    }

    /** 1-based line of the first {@code key:} (at any indentation), or {@code null} when absent. */
    Integer line(String key) {
        Pattern field = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*:");
        for (int i = 0; i < lines.size(); i++) {
            if (field.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return null;
    }

    /**
     * 1-based line of the first line from field {@code key} on that contains {@code value} as a whole word
     * (a block list puts each id on its own line); the field's own line when no line does.
     */
    Integer line(String key, String value) {
        Integer start = line(key);
        if (start == null) {
            return null;
        }
        Pattern word = Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(value) + "(?![a-z0-9-])");
        for (int i = start - 1; i < lines.size(); i++) {
            if (word.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return start;
    }
}
