package se.vagvisaren.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a message that asks. Staff often describe their situation before the question ("Jag jobbar på
 * förskolan och vi har APT i morgon. Vad är våldspyramiden?"); the words of that description are not the topic,
 * and words no passage contains there ("APT", "morgon") must not make the question look like one about something
 * the knowledge base does not know. The search itself still reads the whole message with every word at full weight:
 * the situation often holds the topic ("Min kollega berättade att hennes man slår henne. Vart kan hon vända sig?").
 */
final class AskingSentence {

    /** Between sentences: an end mark followed by white space, or a line break ("t.ex." and "2.1" are no ends). */
    private static final Pattern BETWEEN_SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");

    private static final Set<String> ABBREVIATIONS = Set.of("dvs.", "osv.", "etc.", "ca.", "jfr.", "resp.", "inkl.",
            "exkl.", "nr.", "st.", "obs.", "ang.", "vs.", "approx.", "incl.", "no.");

    /** A situation is at least this many words before the asking part. */
    static final int MIN_SITUATION_WORDS = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private AskingSentence() {
    }

    /**
     * Of a message of more than one sentence, the last sentence that ends with a question mark; of that, or of a
     * message without one, what follows the last colon ("… och undrar: vad är MVP"); the whole message when that
     * leaves fewer than {@link #MIN_SITUATION_WORDS} words before it.
     */
    static String of(String message) {
        String asking = null;
        int sentences = 0;
        for (String sentence : sentences(message)) {
            if (!sentence.codePoints().anyMatch(Character::isLetterOrDigit)) {
                continue;
            }
            sentences++;
            if (sentence.strip().endsWith("?")) {
                asking = sentence;
            }
        }
        String part = sentences > 1 && asking != null ? afterColon(asking) : afterColon(message);
        // A greeting or a word or two before the question ("tjena! läget?") is no situation that could hide the topic.
        return words(message) - words(part) >= MIN_SITUATION_WORDS ? part : message;
    }

    private static int words(String text) {
        return (int) WORD.matcher(text).results().count();
    }

    /** The sentences of {@code message}; a point after an abbreviation ("t.ex.", "bl.a.", "dvs.") ends none. */
    private static List<String> sentences(String message) {
        List<String> out = new ArrayList<>();
        for (String piece : BETWEEN_SENTENCES.split(message)) {
            int last = out.size() - 1;
            if (last >= 0 && endsWithAbbreviation(out.get(last))) {
                out.set(last, out.get(last) + " " + piece);
            } else {
                out.add(piece);
            }
        }
        return out;
    }

    private static boolean endsWithAbbreviation(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        String word = words[words.length - 1].toLowerCase(Locale.ROOT);
        // A point inside the word ("t.ex.", "e.g.") or a short word the list knows ("dvs.", "osv.", "etc.").
        return word.endsWith(".") && (word.indexOf('.') < word.length() - 1 || ABBREVIATIONS.contains(word));
    }

    private static String afterColon(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return text;
        }
        String after = text.substring(colon + 1);
        return after.codePoints().anyMatch(Character::isLetter) ? after : text;
    }
}
