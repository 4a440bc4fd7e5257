package se.vagvisaren.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Words that mark a reply as written in the other language, read from the shipped reply texts: words used
 * at least {@value #MIN_USES} times in one language's {@code dialogs/replies/<lang>/} files and never in the
 * other's ("the", "your", "saved" for English; "och", "att", "din" for Swedish). Placeholders, Markdown
 * links and the handbook's Swedish title are left out because they appear in both.
 */
final class ReplyVocabulary {

    private static final int MIN_USES = 4;
    /** Words that are good Swedish and good English alike, so they mark neither. */
    private static final Set<String> BOTH = Set.of("situation");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*\\}");

    private ReplyVocabulary() {
    }

    /** Words that only {@code language}'s texts use, often. */
    static Set<String> onlyIn(String language) {
        Map<String, Integer> mine = counts(language);
        Map<String, Integer> theirs = counts("sv".equals(language) ? "en" : "sv");
        return mine.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_USES && !theirs.containsKey(e.getKey()) && !BOTH.contains(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The marker words found in {@code text}. */
    static Set<String> found(String text, Set<String> markers) {
        Set<String> hits = new java.util.TreeSet<>();
        Matcher m = WORD.matcher(PLACEHOLDER.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (markers.contains(m.group())) {
                hits.add(m.group());
            }
        }
        return hits;
    }

    private static Map<String, Integer> counts(String language) {
        Map<String, Integer> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("dialogs/replies", language))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String value = line.contains(":") ? line.substring(line.indexOf(':') + 1) : line;
                    if (line.strip().startsWith("#")) {
                        continue;
                    }
                    Matcher m = WORD.matcher(PLACEHOLDER.matcher(value).replaceAll(" ").toLowerCase(Locale.ROOT));
                    while (m.find()) {
                        counts.merge(m.group(), 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
