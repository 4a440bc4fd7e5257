package se.vagvisaren.language;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Mappers;

/**
 * Greetings, thanks and sign-offs around what a message asks ("Hejsan! Snabb fråga: vad är steg 3? Tack på
 * förhand /Anna"), read from {@code dialogs/language/courtesy.yaml}. They say nothing about the request: the intent
 * model reads "vad är steg 3? tack!" as thanks and "Hej! vad är MVP?" as a greeting, and the handbook search takes
 * "hejsan" for an unknown topic. Both therefore read the message {@link #strip stripped}; a message that is nothing
 * but courtesy ("tack!", "hej") stays as it is, so thanks and greetings are still understood. Immutable.
 */
public final class Courtesy {

    /** The content file, relative to {@code dialogs/}. */
    public static final String FILE = "language/courtesy.yaml";
    /** Strips nothing (no file, or a file that could not be read). */
    public static final Courtesy NONE = new Courtesy(List.of());

    private final List<Pattern> patterns;

    private Courtesy(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The patterns of {@link #FILE} in {@code dialogs}; {@link #NONE} when the file is missing.
     *
     * @throws IllegalArgumentException naming the file and the pattern when the file is broken
     */
    public static Courtesy load(ContentSource dialogs) {
        ContentSource.ContentFile file = dialogs.file(FILE);
        return file == null ? NONE : parse(file.readString());
    }

    /**
     * {@code patterns:} a list of regular expressions, matched in order against the message folded to lower case
     * without accents ({@link FoldedText#foldKeepingLength}); each is written with or without accents.
     *
     * @throws IllegalArgumentException naming the file and the broken part
     */
    public static Courtesy parse(String yaml) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(FILE + ": not valid YAML: " + reason, e);
        }
        JsonNode list = root == null ? null : root.get("patterns");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(FILE + ": needs 'patterns:', a list of regular expressions");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode node : list) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(FILE + ": every pattern must be a string, not " + node);
            }
            try {
                // Unicode classes keep \b as before Java 19 (JDK-8282129): letters next to it count as letters.
                patterns.add(Pattern.compile(FoldedText.withoutAccents(node.asText()),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(FILE + ": invalid pattern '" + node.asText() + "': " + e.getDescription(), e);
            }
        }
        return new Courtesy(patterns);
    }

    /**
     * {@code message} with its greetings, thanks and sign-offs replaced by spaces (so positions and the rest's
     * accents are kept), or {@code message} itself when nothing else is left. Never throws for any text.
     */
    public String strip(String message) {
        if (message == null || patterns.isEmpty()) {
            return message;
        }
        String rest = blanked(message, patterns);
        return rest.codePoints().anyMatch(Character::isLetterOrDigit) ? rest : message;
    }

    /**
     * {@code text} with every match of {@code patterns}, applied in order, replaced by spaces. Matching is done in a
     * one-for-one folding ({@link FoldedText#foldKeepingLength}), so the rest keeps its accents; a pattern anchored at
     * the start or end ({@code ^\s*}, {@code \s*$}) sees what the patterns before it blanked, so "Hej! Snabb fråga:"
     * goes in two steps.
     */
    public static String blanked(String text, List<Pattern> patterns) {
        StringBuilder out = new StringBuilder(text);
        StringBuilder folded = new StringBuilder(FoldedText.foldKeepingLength(text));
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded);
            List<int[]> cuts = new ArrayList<>();
            while (m.find()) {
                cuts.add(new int[] {m.start(), m.end()});
            }
            for (int[] cut : cuts) {
                for (int k = cut[0]; k < cut[1]; k++) {
                    out.setCharAt(k, ' ');
                    folded.setCharAt(k, ' ');
                }
            }
        }
        return out.toString();
    }
}
