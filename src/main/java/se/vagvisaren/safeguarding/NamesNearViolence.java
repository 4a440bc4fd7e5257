package se.vagvisaren.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names next to words about violence ("Johan slog henne", "enligt Sara hotade han").
 * A name is a listed first name (also in lower case, as chat is often typed) or any capitalised word
 * that does not start a sentence and is not a known organisation, place, day or month. The violence
 * word must be in the same sentence, at most {@value #WINDOW} words away. Words with everyday
 * meanings ("slog fast", "sparkade" = fired) count only with a person or violence word as their object.
 */
final class NamesNearViolence {

    static final int WINDOW = 6;
    static final int OBJECT_WINDOW = 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");
    private static final String SENTENCE_BREAKS = ".!?;:\n•";

    private record Token(String text, String key, int start, int end, int sentence, boolean sentenceStart) {
        boolean capitalised() {
            return text.length() >= 2 && Character.isUpperCase(text.charAt(0))
                    && text.chars().skip(1).anyMatch(Character::isLowerCase);
        }
    }

    private NamesNearViolence() {
    }

    /** Folded {start, end} offsets of each name, in text order. */
    static List<int[]> find(String folded, GuardVocabulary.Lists lists) {
        List<Token> tokens = tokens(folded);
        List<int[]> found = new ArrayList<>();
        for (int n = 0; n < tokens.size(); n++) {
            if (!isName(tokens, n, lists) || !nearViolence(tokens, n, lists)) {
                continue;
            }
            int last = n;
            // "Johan Andersson": take the surname too.
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == tokens.get(n).sentence()
                    && tokens.get(last + 1).capitalised() && !lists.notNames().contains(tokens.get(last + 1).key())
                    && !isViolence(tokens.get(last + 1).key(), lists)) {
                last++;
            }
            found.add(new int[] {tokens.get(n).start(), tokens.get(last).end()});
            n = last;
        }
        return found;
    }

    private static List<Token> tokens(String folded) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        int sentence = 0;
        int previousEnd = 0;
        boolean first = true;
        while (m.find()) {
            String gap = folded.substring(previousEnd, m.start());
            boolean breaks = first || gap.chars().anyMatch(c -> SENTENCE_BREAKS.indexOf(c) >= 0);
            if (breaks && !first) {
                sentence++;
            }
            tokens.add(new Token(m.group(), m.group().toLowerCase(Locale.ROOT), m.start(), m.end(), sentence, breaks));
            previousEnd = m.end();
            first = false;
        }
        return tokens;
    }

    private static boolean isName(List<Token> tokens, int i, GuardVocabulary.Lists lists) {
        Token token = tokens.get(i);
        String key = token.key();
        if (key.length() < 2 || lists.notNames().contains(key) || isViolence(key, lists)
                || lists.support().contains(key)) {
            return false;
        }
        if (lists.names().contains(key)) {
            return true;
        }
        if (!token.capitalised()) {
            return false;
        }
        if (lists.capitalisedOnlyNames().contains(key)) {
            return true;
        }
        if (token.sentenceStart()) {
            return false;
        }
        boolean afterPlacePreposition = i > 0 && lists.placePrepositions().contains(tokens.get(i - 1).key());
        boolean beforePlaceSuffix = i + 1 < tokens.size() && lists.placeSuffixes().contains(tokens.get(i + 1).key());
        return !afterPlacePreposition && !beforePlaceSuffix;
    }

    private static boolean nearViolence(List<Token> tokens, int n, GuardVocabulary.Lists lists) {
        int sentence = tokens.get(n).sentence();
        for (int v = Math.max(0, n - WINDOW); v <= Math.min(tokens.size() - 1, n + WINDOW); v++) {
            if (v == n || tokens.get(v).sentence() != sentence) {
                continue;
            }
            String key = tokens.get(v).key();
            if (lists.violence().contains(key) || (lists.weakViolence().contains(key) && supported(tokens, v, n, lists))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A weak violence word counts when a person or another violence word follows it within
     * {@value #OBJECT_WINDOW} words, where the object of the verb stands ("slog henne", not "slog fast").
     */
    private static boolean supported(List<Token> tokens, int v, int name, GuardVocabulary.Lists lists) {
        int sentence = tokens.get(v).sentence();
        for (int s = v + 1; s <= Math.min(tokens.size() - 1, v + OBJECT_WINDOW); s++) {
            if (tokens.get(s).sentence() != sentence) {
                return false;
            }
            String key = tokens.get(s).key();
            if (s != name && (lists.support().contains(key) || lists.violence().contains(key))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isViolence(String key, GuardVocabulary.Lists lists) {
        return lists.violence().contains(key) || lists.weakViolence().contains(key);
    }
}
