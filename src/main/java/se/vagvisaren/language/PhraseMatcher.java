package se.vagvisaren.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.vagvisaren.conversation.Language;

/**
 * The one phrase matcher for command words and curated phrases (danger phrases, privacy commands, roles,
 * reflection and progress commands, deadline words). It finds phrases in chat text, tolerant of missing
 * Swedish letters, look-alike characters and small typos: text and phrases are both folded
 * ({@link FoldedText}), lower-cased and split into words ({@link Tokens}), and matched word by word, so a
 * phrase never matches inside another word. A matcher compiled with a stemming language also accepts a
 * word whose Snowball stem ({@link Stems}) equals the phrase word's ("övningarna" for "övningen").
 *
 * <p>Phrase syntax, one phrase per string: words separated by spaces; {@code word*} matches any word
 * starting with {@code word}; {@code a|b} matches either; {@code {group}} matches any word of a named
 * group; {@code =word} matches only that word, without typos or stems (for short words whose typo
 * neighbours mean something else: "skar" is one key away from "slar"); {@code ...} skips up to three
 * words. A phrase match is dropped when an exception phrase (such as the idiom "det slår mig att")
 * matches words that overlap it. Files of phrases are read by {@link PhraseFile}.
 */
public final class PhraseMatcher {

    private static final int GAP_WORDS = 3;

    /** One phrase found in a text. {@code label} is the family or command the phrase belongs to. */
    public record Match(String label, String phrase, int firstWord, int endWord) {
        boolean overlaps(Match other) {
            return firstWord < other.endWord && other.firstWord < endWord;
        }
    }

    /**
     * Text read for matching: its folded words and, for a stemming matcher, their folded stems.
     *
     * @param words folded, lower-case words
     * @param stems folded stems of the same words, or {@code null} when the matcher does not stem
     */
    public record Text(List<String> words, List<String> stems) {
        /** Number of words. */
        public int size() {
            return words.size();
        }

        public boolean isEmpty() {
            return words.isEmpty();
        }
    }

    private sealed interface Element permits Word, AnyOf, Gap {
    }

    /** A phrase word: folded text, its folded stem ({@code null} when not stemming or for a prefix). */
    private record Word(String text, String stem, boolean prefix, boolean exact) implements Element {
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

    private final Language stemming;
    private final List<Phrase> phrases;
    private final List<Phrase> exceptions;
    private final Map<Character, List<Integer>> phrasesByFirstLetter;
    private final Map<Character, List<Integer>> exceptionsByFirstLetter;

    private PhraseMatcher(Language stemming, List<Phrase> phrases, List<Phrase> exceptions) {
        this.stemming = stemming;
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
     * Compiles phrases that are compared word by word, with typos.
     *
     * @param groups     named word lists usable as {@code {name}}
     * @param labelled   phrases per label, in priority order
     * @param exceptions phrases that cancel overlapping matches
     * @throws IllegalArgumentException for an unknown group or a phrase that starts or ends with {@code ...}
     */
    public static PhraseMatcher compile(Map<String, List<String>> groups, Map<String, List<String>> labelled,
            List<String> exceptions) {
        return compile(groups, labelled, exceptions, null);
    }

    /**
     * Compiles phrases.
     *
     * @param stemming the language whose Snowball stems also count as a match, or {@code null} for none
     * @throws IllegalArgumentException for an unknown group or a phrase that starts or ends with {@code ...}
     */
    public static PhraseMatcher compile(Map<String, List<String>> groups, Map<String, List<String>> labelled,
            List<String> exceptions, Language stemming) {
        return compile(groups, labelled, exceptions, stemming, false);
    }

    /**
     * Compiles phrases whose words all match only as written (folded), as if each were marked {@code =word}:
     * for the bot's own menu words, where a typo of one command is often another command.
     */
    public static PhraseMatcher compileExact(Map<String, List<String>> groups, Map<String, List<String>> labelled,
            List<String> exceptions) {
        return compile(groups, labelled, exceptions, null, true);
    }

    private static PhraseMatcher compile(Map<String, List<String>> groups, Map<String, List<String>> labelled,
            List<String> exceptions, Language stemming, boolean exact) {
        String mark = exact ? "=" : "";
        Map<String, List<Word>> compiledGroups = new LinkedHashMap<>();
        groups.forEach((name, words) -> compiledGroups.put(name, words.stream().map(w -> word(mark + w, stemming)).toList()));
        List<Phrase> compiled = new ArrayList<>();
        labelled.forEach((label, list) -> list.forEach(p -> compiled.add(phrase(label, exact ? exact(p) : p, compiledGroups, stemming))));
        List<Phrase> compiledExceptions = exceptions.stream().map(p -> phrase("", exact ? exact(p) : p, compiledGroups, stemming)).toList();
        return new PhraseMatcher(stemming, List.copyOf(compiled), compiledExceptions);
    }

    /** {@code phrase} with every plain word marked {@code =word}. */
    private static String exact(String phrase) {
        List<String> parts = new ArrayList<>();
        for (String part : phrase.trim().split("\\s+")) {
            boolean plain = !part.equals("...") && !part.startsWith("{") && !part.startsWith("=");
            parts.add(plain ? "=" + part.replace("|", "|=") : part);
        }
        return String.join(" ", parts);
    }

    /** Checks one group word; throws {@link IllegalArgumentException} saying what is wrong. */
    static void checkWord(String word) {
        word(word, null);
    }

    /** Checks one phrase against the known group names; throws {@link IllegalArgumentException} saying what is wrong. */
    static void checkPhrase(String phrase, Set<String> groups) {
        Map<String, List<Word>> known = new HashMap<>();
        groups.forEach(g -> known.put(g, List.of(new Word("x", null, false, false))));
        phrase("", phrase, known, null);
    }

    /** Folds, lower-cases and splits text into words; at most {@code maxWords} words are kept. */
    public static List<String> words(String text, int maxWords) {
        return Tokens.foldedWords(text, maxWords);
    }

    /** Reads {@code text} for this matcher (words, and stems when it stems); at most {@code maxWords} words. */
    public Text read(String text, int maxWords) {
        if (stemming == null) {
            return new Text(words(text, maxWords), null);
        }
        String source = text == null ? "" : text;
        FoldedText folded = FoldedText.of(source).lowerCase();
        List<String> words = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (Tokens.Token token : Tokens.tokens(folded.text(), maxWords)) {
            words.add(token.text());
            String original = source.substring(folded.originalStart(token.start()), folded.originalEnd(token.end()));
            stems.add(stem(original, stemming));
        }
        return new Text(words, stems);
    }

    /** The labels found in {@code text}, in phrase order, without those cancelled by exceptions. */
    public Set<String> labels(String text, int maxWords) {
        Set<String> labels = new LinkedHashSet<>();
        find(read(text, maxWords)).forEach(m -> labels.add(m.label()));
        return labels;
    }

    /** All phrase matches in {@code words} (folded, from {@link #words}), in phrase order, without those cancelled by exceptions. */
    public List<Match> find(List<String> words) {
        return find(new Text(words, null));
    }

    /** Whether an exception phrase (an idiom such as "det slår mig att") occurs in {@code words}. */
    public boolean hasException(List<String> words) {
        return !matches(exceptions, exceptionsByFirstLetter, new Text(words, null)).isEmpty();
    }

    /** All phrase matches in {@code text}, in phrase order, without those cancelled by exceptions. */
    public List<Match> find(Text words) {
        List<Match> cancelled = matches(exceptions, exceptionsByFirstLetter, words);
        List<Match> found = new ArrayList<>();
        for (Match match : matches(phrases, phrasesByFirstLetter, words)) {
            if (cancelled.stream().noneMatch(match::overlaps)) {
                found.add(match);
            }
        }
        return found;
    }

    /** Matches in phrase order, then text order. */
    private static List<Match> matches(List<Phrase> phrases, Map<Character, List<Integer>> index, Text words) {
        List<int[]> hits = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            for (int p : index.getOrDefault(words.words().get(start).charAt(0), List.of())) {
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

    private static int matchFrom(List<Element> elements, int e, Text words, int w) {
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
        if (w >= words.size() || !accepts(element, words, w)) {
            return -1;
        }
        return matchFrom(elements, e + 1, words, w + 1);
    }

    private static boolean accepts(Element element, Text words, int w) {
        String token = words.words().get(w);
        String stem = words.stems() == null ? null : words.stems().get(w);
        if (element instanceof Word word) {
            return accepts(word, token, stem);
        }
        for (Word word : ((AnyOf) element).byFirstLetter().getOrDefault(token.charAt(0), List.of())) {
            if (accepts(word, token, stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(Word word, String token, String tokenStem) {
        if (word.exact()) {
            return word.prefix() ? token.startsWith(word.text()) : token.equals(word.text());
        }
        if (!word.prefix()) {
            return Typos.similar(word.text(), token)
                    || (word.stem() != null && word.stem().equals(tokenStem));
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

    private static Phrase phrase(String label, String source, Map<String, List<Word>> groups, Language stemming) {
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
                    words.add(word(alternative, stemming));
                }
                elements.add(new AnyOf(words));
            } else {
                elements.add(word(part, stemming));
            }
        }
        if (elements.isEmpty() || elements.get(0) instanceof Gap || elements.get(elements.size() - 1) instanceof Gap) {
            throw new IllegalArgumentException("A phrase must start and end with a word: '" + source + "'");
        }
        return new Phrase(label, source, List.copyOf(elements));
    }

    private static Word word(String raw, Language stemming) {
        boolean exact = raw.startsWith("=");
        String unmarked = exact ? raw.substring(1) : raw;
        boolean prefix = unmarked.endsWith("*");
        String stem = prefix ? unmarked.substring(0, unmarked.length() - 1) : unmarked;
        List<String> folded = words(stem, 2);
        if (folded.size() != 1) {
            throw new IllegalArgumentException("Not a single word: '" + raw + "'");
        }
        boolean stems = stemming != null && !prefix && !exact;
        return new Word(folded.get(0), stems ? stem(stem, stemming) : null, prefix, exact);
    }

    /** The folded stem of one word as written (stemmed before folding, as Snowball expects å/ä/ö). */
    private static String stem(String word, Language stemming) {
        String lower = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(FoldedText.SWEDISH);
        return FoldedText.fold(Stems.of(lower, stemming));
    }
}
