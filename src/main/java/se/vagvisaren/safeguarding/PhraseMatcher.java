package se.vagvisaren.safeguarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds curated phrases (danger phrases, privacy commands) in chat text, tolerant of missing Swedish
 * letters, look-alike characters and small typos. Text and phrases are both folded
 * ({@link FoldedText}), lower-cased and split into words.
 *
 * <p>Phrase syntax, one phrase per string: words separated by spaces; {@code word*} matches any word
 * starting with {@code word}; {@code a|b} matches either; {@code {group}} matches any word of a named
 * group; {@code =word} matches only that word, without typos (for short words whose typo neighbours
 * mean something else: "skar" is one key away from "slar"); {@code ...} skips up to three words. A phrase match is dropped when an exception phrase
 * (such as the idiom "det slår mig att") matches words that overlap it.
 */
final class PhraseMatcher {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int GAP_WORDS = 3;

    /** One phrase found in a text. {@code label} is the family or command the phrase belongs to. */
    record Match(String label, String phrase, int firstWord, int endWord) {
        boolean overlaps(Match other) {
            return firstWord < other.endWord && other.firstWord < endWord;
        }
    }

    private sealed interface Element permits Word, AnyOf, Gap {
    }

    private record Word(String text, boolean prefix, boolean exact) implements Element {
    }

    /** Alternatives, indexed by first letter: a typo never changes it, so only those words can match. */
    private record AnyOf(List<Word> words, Map<Character, List<Word>> byFirstLetter) implements Element {
        AnyOf(List<Word> words) {
            this(words, index(words));
        }

        private static Map<Character, List<Word>> index(List<Word> words) {
            Map<Character, List<Word>> index = new HashMap<>();
            words.forEach(w -> index.computeIfAbsent(w.text().charAt(0), k -> new ArrayList<>()).add(w));
            return index;
        }
    }

    private record Gap(int max) implements Element {
    }

    private record Phrase(String label, String source, List<Element> elements) {
    }

    private final List<Phrase> phrases;
    private final List<Phrase> exceptions;
    private final Map<Character, List<Integer>> phrasesByFirstLetter;
    private final Map<Character, List<Integer>> exceptionsByFirstLetter;

    private PhraseMatcher(List<Phrase> phrases, List<Phrase> exceptions) {
        this.phrases = phrases;
        this.exceptions = exceptions;
        this.phrasesByFirstLetter = byFirstLetter(phrases);
        this.exceptionsByFirstLetter = byFirstLetter(exceptions);
    }

    /**
     * Phrase indexes by the letters a phrase's first word can start with. A typo never changes the
     * first letter ({@link Typos#similar}), so a word can only start phrases listed under its own first
     * letter; this skips most phrases for every word of a message.
     */
    private static Map<Character, List<Integer>> byFirstLetter(List<Phrase> phrases) {
        Map<Character, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            Element first = phrases.get(i).elements().get(0);
            List<Word> words = first instanceof Word word ? List.of(word) : ((AnyOf) first).words();
            Set<Character> letters = new HashSet<>();
            words.forEach(w -> letters.add(w.text().charAt(0)));
            for (Character letter : letters) {
                index.computeIfAbsent(letter, k -> new ArrayList<>()).add(i);
            }
        }
        return index;
    }

    /**
     * Compiles phrases.
     *
     * @param groups     named word lists usable as {@code {name}}
     * @param labelled   phrases per label, in priority order
     * @param exceptions phrases that cancel overlapping matches
     * @throws IllegalArgumentException for an unknown group or a phrase that starts or ends with {@code ...}
     */
    static PhraseMatcher compile(Map<String, List<String>> groups, Map<String, List<String>> labelled,
            List<String> exceptions) {
        Map<String, List<Word>> compiledGroups = new LinkedHashMap<>();
        groups.forEach((name, words) -> compiledGroups.put(name, words.stream().map(PhraseMatcher::word).toList()));
        List<Phrase> compiled = new ArrayList<>();
        labelled.forEach((label, list) -> list.forEach(p -> compiled.add(phrase(label, p, compiledGroups))));
        List<Phrase> compiledExceptions = exceptions.stream().map(p -> phrase("", p, compiledGroups)).toList();
        return new PhraseMatcher(List.copyOf(compiled), compiledExceptions);
    }

    /** Folds, lower-cases and splits text into words; at most {@code maxWords} words are kept. */
    static List<String> words(String text, int maxWords) {
        String folded = FoldedText.of(text).text().toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find() && words.size() < maxWords) {
            words.add(m.group());
        }
        return words;
    }

    /** All phrase matches in {@code words}, in phrase order, without those cancelled by exceptions. */
    List<Match> find(List<String> words) {
        List<Match> cancelled = matches(exceptions, exceptionsByFirstLetter, words);
        List<Match> found = new ArrayList<>();
        for (Match match : matches(phrases, phrasesByFirstLetter, words)) {
            if (cancelled.stream().noneMatch(match::overlaps)) {
                found.add(match);
            }
        }
        return found;
    }

    /** Whether an exception phrase (an idiom such as "det slår mig att") occurs in {@code words}. */
    boolean hasException(List<String> words) {
        return !matches(exceptions, exceptionsByFirstLetter, words).isEmpty();
    }

    /** Matches in phrase order, then text order. */
    private static List<Match> matches(List<Phrase> phrases, Map<Character, List<Integer>> index, List<String> words) {
        List<int[]> hits = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            for (int p : index.getOrDefault(words.get(start).charAt(0), List.of())) {
                int end = matchFrom(phrases.get(p).elements(), 0, words, start);
                if (end >= 0) {
                    hits.add(new int[] {p, start, end});
                }
            }
        }
        hits.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> h[1]));
        List<Match> found = new ArrayList<>(hits.size());
        for (int[] hit : hits) {
            Phrase phrase = phrases.get(hit[0]);
            found.add(new Match(phrase.label(), phrase.source(), hit[1], hit[2]));
        }
        return found;
    }

    private static int matchFrom(List<Element> elements, int e, List<String> words, int w) {
        if (e == elements.size()) {
            return w;
        }
        Element element = elements.get(e);
        if (element instanceof Gap gap) {
            for (int skip = 0; skip <= gap.max() && w + skip <= words.size(); skip++) {
                int end = matchFrom(elements, e + 1, words, w + skip);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (w >= words.size() || !accepts(element, words.get(w))) {
            return -1;
        }
        return matchFrom(elements, e + 1, words, w + 1);
    }

    private static boolean accepts(Element element, String token) {
        if (element instanceof Word word) {
            return accepts(word, token);
        }
        for (Word word : ((AnyOf) element).byFirstLetter().getOrDefault(token.charAt(0), List.of())) {
            if (accepts(word, token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(Word word, String token) {
        if (word.exact()) {
            return word.prefix() ? token.startsWith(word.text()) : token.equals(word.text());
        }
        if (!word.prefix()) {
            return Typos.similar(word.text(), token);
        }
        if (token.startsWith(word.text())) {
            return true;
        }
        // A typo inside the stem: compare against the token's beginning of about the stem's length.
        int n = word.text().length();
        for (int len = n - 1; len <= n + 1; len++) {
            if (len >= 4 && len <= token.length() && Typos.similar(word.text(), token.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    private static Phrase phrase(String label, String source, Map<String, List<Word>> groups) {
        List<Element> elements = new ArrayList<>();
        for (String part : source.trim().split("\\s+")) {
            if (part.equals("...")) {
                elements.add(new Gap(GAP_WORDS));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                List<Word> group = groups.get(part.substring(1, part.length() - 1));
                if (group == null) {
                    throw new IllegalArgumentException("Unknown group " + part + " in phrase '" + source + "'");
                }
                elements.add(new AnyOf(group));
            } else if (part.contains("|")) {
                List<Word> words = new ArrayList<>();
                for (String alternative : part.split("\\|")) {
                    words.add(word(alternative));
                }
                elements.add(new AnyOf(words));
            } else {
                elements.add(word(part));
            }
        }
        if (elements.isEmpty() || elements.get(0) instanceof Gap || elements.get(elements.size() - 1) instanceof Gap) {
            throw new IllegalArgumentException("A phrase must start and end with a word: '" + source + "'");
        }
        return new Phrase(label, source, List.copyOf(elements));
    }

    private static Word word(String raw) {
        boolean exact = raw.startsWith("=");
        String unmarked = exact ? raw.substring(1) : raw;
        boolean prefix = unmarked.endsWith("*");
        String stem = prefix ? unmarked.substring(0, unmarked.length() - 1) : unmarked;
        List<String> folded = words(stem, 2);
        if (folded.size() != 1) {
            throw new IllegalArgumentException("Not a single word: '" + raw + "'");
        }
        return new Word(folded.get(0), prefix, exact);
    }
}
