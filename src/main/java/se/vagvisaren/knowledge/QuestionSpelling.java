package se.vagvisaren.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.Stems;

/**
 * Corrects the words of a question that the knowledge base does not know: "vald i nara relationer" becomes
 * "våld i nära relationer" (å, ä, ö restored from the passages' own words), and "kartläggnig" becomes
 * "kartläggning" (one letter off, between words of {@value #MIN_TYPO_LENGTH} letters or more). Known words are left
 * alone, so a correct question is never changed. Built once per knowledge-base snapshot; thread-safe.
 */
final class QuestionSpelling {

    /** Shorter words are left as written: among short words, one letter off is usually another word. */
    static final int MIN_TYPO_LENGTH = 6;
    /** At most this many unknown words are looked up per question, so a pasted essay costs no more than a question. */
    static final int MAX_LOOKUPS = 32;
    /** Words of 4–5 letters are corrected only for typos that keep their letters (a swap, a doubled letter). */
    static final int MIN_SHORT_TYPO_LENGTH = 4;
    /** Each part of an unaccented compound has at least this many letters ("primar" + "prevention"). */
    static final int MIN_PART_LENGTH = 4;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /**
     * One language's words: as written (lower case), and folded → the most frequent way of writing it; {@code names}
     * are the words the passages' titles and texts only ever write with a capital letter ("Brå", "Unizon").
     */
    private record Vocabulary(Set<String> words, Map<String, String> byFolded, Map<String, Integer> frequency,
                              Map<String, Integer> wordFrequency, Map<Integer, List<String>> foldedByLength,
                              Set<String> names, Set<String> stems, Set<String> pairs, Map<String, String> byFoldedStem,
                              Map<String, String> wordByStem, Map<Integer, List<String>> foldedStemsByLength) {
    }

    /** Swedish endings of nouns, adjectives and verbs, longest first, for {@link #accentedWithEnding}. */
    private static final List<String> ENDINGS = List.of("erna", "arna", "orna", "ens", "ets", "en", "et", "er", "ar",
            "or", "na", "ne", "de", "te", "t", "n", "s", "a", "e");

    /** A folded stem this short is too unspecific to restore a word's accents by ("ok" of "okat"). */
    static final int MIN_FOLDED_STEM = 5;

    /** A compound written apart is joined only when the whole word has at least this many letters. */
    private static final int MIN_JOINED_COMPOUND = 8;

    /**
     * A lower-case word this short is not read as a name with accents: "bra" (good) is an everyday word, not a
     * misspelt "Brå", while a longer one ("gavleborg") is still read as "Gävleborg".
     */
    static final int MAX_EVERYDAY_WORD_LENGTH = 4;

    /**
     * A known word written without accents is still read as its accented twin when the twin is this many times
     * more common in the passages: "vald" (chosen) is rare in a handbook on violence, "våld" is everywhere, and
     * "ar" is almost always "är".
     */
    static final int DOMINANT_TWIN = 10;

    private final Map<Language, Vocabulary> vocabularies = new EnumMap<>(Language.class);
    /** Cue words: one written as in the cue file is not "corrected" to a passage word ("räknas" ≠ "räknar"). */
    private final Set<String> cueWords;
    /** Words known to be spelled right although no passage uses them; see the constructor. */
    private final Set<String> everydayWords;
    /** Everyday words with accents by their folded form ("bestamde" → "bestämde"), when that form is unambiguous. */
    private final Map<String, String> everydayByFolded;

    /**
     * @param passages   the knowledge base; their words are the vocabulary of their language
     * @param extraWords folded words known in every language (the question-type cues), e.g. {@code fjarde}
     */
    QuestionSpelling(Collection<Passage> passages, Set<String> extraWords) {
        this(passages, extraWords, Set.of());
    }

    /**
     * @param stopWords words known in every language although no passage is searched for them ("nåt", "också"),
     *                  so that "nat" and "ocksa" are read as them
     */
    QuestionSpelling(Collection<Passage> passages, Set<String> extraWords, Collection<String> stopWords) {
        this(passages, extraWords, stopWords, Set.of());
    }

    /**
     * @param everydayWords words spelled right that no passage needs ("kollar", "kontor", "förstår"): left as
     *                      written in every language, never offered as a correction
     */
    QuestionSpelling(Collection<Passage> passages, Set<String> extraWords, Collection<String> stopWords,
                     Collection<String> everydayWords) {
        this.cueWords = Set.copyOf(extraWords);
        this.everydayWords = everydayWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.everydayByFolded = accentedByFolded(this.everydayWords);
        for (Language lang : Language.values()) {
            Map<String, Integer> counts = new HashMap<>();
            Set<String> pairs = new HashSet<>();
            Set<String> capitalised = new HashSet<>();
            Set<String> lowerCase = new HashSet<>();
            for (Passage p : passages) {
                if (p.language() == lang) {
                    // Every searched field: the everyday phrasings of `asked` hold the inflected forms people type.
                    String all = String.join(" ", p.title(), String.join(" ", p.tags()),
                            p.question() == null ? "" : p.question(), p.text(), String.join(" ", p.asked()));
                    Matcher m = WORD.matcher(all.toLowerCase(Locale.ROOT));
                    String previous = null;
                    while (m.find()) {
                        counts.merge(m.group(), 1, Integer::sum);
                        if (previous != null) {
                            pairs.add(previous + " " + m.group());
                        }
                        previous = m.group();
                    }
                    // Tags are written in lower case throughout, so they say nothing about names.
                    for (String text : List.of(p.title(), p.text())) {
                        Matcher written = WORD.matcher(text);
                        while (written.find()) {
                            String word = written.group();
                            if (!Character.isUpperCase(word.charAt(0))) {
                                lowerCase.add(word.toLowerCase(Locale.ROOT));
                            } else if (!startsSentence(text, written.start())) {
                                capitalised.add(word.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
            stopWords.forEach(w -> counts.putIfAbsent(w.toLowerCase(Locale.ROOT), 1));
            capitalised.removeAll(lowerCase);
            vocabularies.put(lang, vocabulary(counts, extraWords, capitalised, lang, pairs));
        }
    }

    /**
     * The words with accents by their folded form, leaving out a folded form that is itself one of the words or that two
     * accented words share ("hora"/"höra" stays, "for"/"för" is a word of its own).
     */
    private static Map<String, String> accentedByFolded(Set<String> words) {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String word : words) {
            String folded = FoldedText.fold(word);
            if (!folded.equals(word) && out.putIfAbsent(folded, word) != null) {
                ambiguous.add(folded);
            }
        }
        out.keySet().removeAll(ambiguous);
        out.keySet().removeAll(words);
        return Map.copyOf(out);
    }

    /** Whether the word at {@code index} opens the text or a sentence, where every word has a capital letter. */
    private static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && !Character.isLetterOrDigit(text.charAt(i)) && ".!?:".indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i < 0 || ".!?:".indexOf(text.charAt(i)) >= 0;
    }

    private static Vocabulary vocabulary(Map<String, Integer> counts, Set<String> extraWords, Set<String> names,
                                         Language language, Set<String> pairs) {
        Map<String, String> byFolded = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        counts.forEach((word, n) -> {
            String folded = FoldedText.fold(word);
            if (n > counts.getOrDefault(byFolded.get(folded), 0)
                    || n.equals(counts.get(byFolded.get(folded))) && word.compareTo(byFolded.get(folded)) < 0) {
                byFolded.put(folded, word);
            }
            frequency.merge(folded, n, Integer::sum);
        });
        for (String extra : extraWords) {
            frequency.putIfAbsent(extra, 1);
        }
        Map<Integer, List<String>> byLength = new HashMap<>();
        frequency.keySet().stream().sorted().forEach(w -> byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w));
        Set<String> stems = new HashSet<>();
        // Folded stem -> the most frequent accented word with that stem ("anmalning" -> "anmälningar"); a folded stem
        // that words without accents have as well is left out, so nothing is "restored" that was written right.
        Map<String, String> byFoldedStem = new HashMap<>();
        Set<String> plainStems = new HashSet<>();
        // Folded stem -> the most frequent word with it, for typos in a form the passages never write.
        Map<String, String> wordByStem = new HashMap<>();
        counts.forEach((word, n) -> {
            String written = Stems.of(word, language);
            stems.add(written);
            String stem = FoldedText.fold(written);
            if (word.equals(FoldedText.fold(word))) {
                plainStems.add(stem);
            } else if (stem.length() >= MIN_FOLDED_STEM && n > counts.getOrDefault(byFoldedStem.get(stem), 0)) {
                byFoldedStem.put(stem, word);
            }
            wordByStem.merge(stem, word,
                    (a, b) -> counts.get(a) > counts.get(b) || counts.get(a).equals(counts.get(b)) && a.compareTo(b) < 0 ? a : b);
        });
        byFoldedStem.keySet().removeAll(plainStems);
        Map<Integer, List<String>> stemsByLength = new HashMap<>();
        wordByStem.keySet().stream().filter(stem -> stem.length() >= MIN_TYPO_LENGTH).sorted()
                .forEach(stem -> stemsByLength.computeIfAbsent(stem.length(), k -> new ArrayList<>()).add(stem));
        return new Vocabulary(Set.copyOf(counts.keySet()), Map.copyOf(byFolded), Map.copyOf(frequency), Map.copyOf(counts),
                Map.copyOf(byLength), Set.copyOf(names), Set.copyOf(stems), Set.copyOf(pairs), Map.copyOf(byFoldedStem),
                Map.copyOf(wordByStem), Map.copyOf(stemsByLength));
    }

    /** The question with unknown words corrected; punctuation, spacing and known words unchanged. */
    String correct(String question, Language language) {
        Vocabulary vocabulary = vocabularies.get(language);
        if (vocabulary == null || vocabulary.words().isEmpty()) {
            return question;
        }
        Matcher m = WORD.matcher(joinSplitCompounds(question, vocabulary));
        StringBuilder out = new StringBuilder();
        int lookups = 0;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String fixed = null;
            if (!vocabulary.words().contains(lower) && !everydayWords.contains(lower)) {
                fixed = lookups++ < MAX_LOOKUPS ? correction(lower, language, vocabulary) : null;
            } else if (lower.equals(FoldedText.fold(lower))) {
                fixed = dominantTwin(lower, vocabulary);
            }
            if (fixed != null && word.equals(lower) && word.length() <= MAX_EVERYDAY_WORD_LENGTH
                    && vocabulary.names().contains(fixed.toLowerCase(Locale.ROOT))) {
                fixed = null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fixed == null ? word : fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Two words written apart that the passages write as one compound ("läges bild" → "lägesbild", "styr gruppen" →
     * "styrgruppen") joined into it, unless the passages also write the two words side by side. Swedish compounds
     * are often split in chat, and the parts alone name other topics ("bild") or nothing ("läges").
     */
    private static String joinSplitCompounds(String question, Vocabulary vocabulary) {
        Matcher m = WORD.matcher(question);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 1 < spans.size(); i++) {
            int[] first = spans.get(i);
            int[] second = spans.get(i + 1);
            if (second[0] != first[1] + 1 || question.charAt(first[1]) != ' ') {
                continue;
            }
            String a = question.substring(first[0], first[1]).toLowerCase(Locale.ROOT);
            String b = question.substring(second[0], second[1]).toLowerCase(Locale.ROOT);
            String whole = vocabulary.words().contains(a + b) ? a + b : vocabulary.byFolded().get(FoldedText.fold(a + b));
            if (whole != null && whole.length() >= MIN_JOINED_COMPOUND && a.length() > 1 && b.length() > 1
                    && !vocabulary.pairs().contains(a + " " + b)) {
                out.append(question, copied, first[0]).append(whole);
                copied = second[1];
                i++;
            }
        }
        return copied == 0 ? question : out.append(question, copied, question.length()).toString();
    }

    /** The accented twin of an unaccented known word when the twin is far more common, else {@code null}. */
    private static String dominantTwin(String word, Vocabulary vocabulary) {
        String twin = vocabulary.byFolded().get(word);
        if (twin == null || twin.equals(word)) {
            return null;
        }
        int own = vocabulary.wordFrequency().getOrDefault(word, 0);
        return vocabulary.wordFrequency().getOrDefault(twin, 0) >= DOMINANT_TWIN * Math.max(1, own) ? twin : null;
    }

    private String correction(String lower, Language language, Vocabulary vocabulary) {
        String folded = FoldedText.fold(lower);
        String same = vocabulary.byFolded().get(folded);
        if (same != null) {
            return same;
        }
        if (cueWords.contains(folded) || vocabulary.stems().contains(Stems.of(lower, language))) {
            // "chefen" when the passages say "chefer": another form of a known word, not a typo of a neighbour.
            return null;
        }
        if (lower.equals(folded)) {
            // Written without accents: another form of a passage word ("anmalningarna" → "anmälningar", the same stem
            // to the search) or an everyday word ("bestamde" → "bestämde"), before any typo is considered.
            String sameStem = vocabulary.byFoldedStem().get(FoldedText.fold(Stems.of(lower, language)));
            if (sameStem != null) {
                return sameStem;
            }
            String everyday = everydayByFolded.get(folded);
            if (everyday != null) {
                return everyday;
            }
            String inflected = accentedWithEnding(folded, vocabulary);
            if (inflected != null) {
                return inflected;
            }
        }
        String compound = accentedCompound(folded, vocabulary);
        if (compound != null) {
            return compound;
        }
        if (folded.length() < MIN_TYPO_LENGTH) {
            return folded.length() >= MIN_SHORT_TYPO_LENGTH ? sameLettersTypo(folded, vocabulary) : null;
        }
        String best = oneLetterOff(folded, vocabulary.foldedByLength(), vocabulary.frequency()::get);
        if (best == null) {
            // "botten" → "boten": the doubled letter leaves a word shorter than the one-letter-off rule looks at.
            String doubled = sameLettersTypo(folded, vocabulary);
            return doubled != null ? doubled : stemTypo(folded, language, vocabulary);
        }
        return vocabulary.byFolded().getOrDefault(best, best);
    }

    /**
     * An unaccented passage word with an ending the passages never give it: "folkhalsoperspektivet" →
     * "folkhälsoperspektivet" (the passages write "folkhälsoperspektiv"), when that word has accents to restore.
     */
    private static String accentedWithEnding(String folded, Vocabulary vocabulary) {
        for (String ending : ENDINGS) {
            int cut = folded.length() - ending.length();
            if (cut >= MIN_TYPO_LENGTH && folded.endsWith(ending)) {
                String word = vocabulary.byFolded().get(folded.substring(0, cut));
                if (word != null && !word.equals(folded.substring(0, cut))) {
                    return word + ending;
                }
            }
        }
        return null;
    }

    /**
     * A typo in a form of a word that the passages never write ("integrietten" of "integriteten", the passages say
     * "integritet"): its stem one letter off a passage word's stem, by the same rules as whole words; the passage word
     * stands in for it (the search compares stems, so the form does not matter).
     */
    private static String stemTypo(String folded, Language language, Vocabulary vocabulary) {
        String stem = FoldedText.fold(Stems.of(folded, language));
        if (stem.length() < MIN_TYPO_LENGTH) {
            return null;
        }
        String best = oneLetterOff(stem, vocabulary.foldedStemsByLength(),
                candidate -> vocabulary.wordFrequency().get(vocabulary.wordByStem().get(candidate)));
        return best == null ? null : vocabulary.wordByStem().get(best);
    }

    /**
     * The most frequent of {@code candidates} (folded, by length) one insertion, deletion, substitution or swap of
     * neighbours from {@code word} that keeps its ends ({@link #keepsItsEnds}); at least {@link #MIN_TYPO_LENGTH}
     * letters long, so "ändrar" never becomes "andra" (other). {@code null} when none is.
     */
    private static String oneLetterOff(String word, Map<Integer, List<String>> candidates, ToIntFunction<String> frequency) {
        CharacterRunAutomaton oneOff = new CharacterRunAutomaton(new LevenshteinAutomata(word, true).toAutomaton(1));
        String best = null;
        for (int length = Math.max(MIN_TYPO_LENGTH, word.length() - 1); length <= word.length() + 1; length++) {
            for (String candidate : candidates.getOrDefault(length, List.of())) {
                if (oneOff.run(candidate) && keepsItsEnds(word, candidate)
                        && (best == null || frequency.applyAsInt(candidate) > frequency.applyAsInt(best))) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /**
     * An unaccented compound of two known words, each with its accents restored: "primarprevention" →
     * "primärprevention" when the passages write "primär" and "prevention". Only when the compound as a whole
     * would otherwise stay unknown, and both parts have at least {@value #MIN_PART_LENGTH} letters.
     */
    private static String accentedCompound(String folded, Vocabulary vocabulary) {
        for (int cut = MIN_PART_LENGTH; cut <= folded.length() - MIN_PART_LENGTH; cut++) {
            String head = vocabulary.byFolded().get(folded.substring(0, cut));
            String tail = vocabulary.byFolded().get(folded.substring(cut));
            if (head != null && tail != null && !(head + tail).equals(folded)) {
                return head + tail;
            }
        }
        return null;
    }

    /**
     * Whether a one-letter-off candidate keeps the word's first letter and, when the two are as long, its last
     * one. Typos fall inside a word; a different first letter is another word ("riktig" is not "viktig",
     * "istället" not "stället"), and a different last letter is mostly another word or another form of one
     * ("kontor" is not "konton"). Two neighbours swapped at either end still count as a typo.
     */
    static boolean keepsItsEnds(String word, String candidate) {
        boolean sameLength = word.length() == candidate.length();
        boolean firstSwapped = sameLength && word.length() > 1 && word.charAt(0) == candidate.charAt(1)
                && word.charAt(1) == candidate.charAt(0);
        if (word.charAt(0) != candidate.charAt(0) && !firstSwapped) {
            return false;
        }
        if (!sameLength) {
            return true;
        }
        int last = word.length() - 1;
        boolean lastSwapped = last > 0 && word.charAt(last) == candidate.charAt(last - 1)
                && word.charAt(last - 1) == candidate.charAt(last);
        return word.charAt(last) == candidate.charAt(last) || lastSwapped;
    }

    /**
     * A word with the same letters as a known word: two neighbours swapped ("modle" →
     * "model") or one letter doubled by mistake ("botten" → "boten"). Unlike a free one-letter change, these
     * typos rarely turn one short word into another. The most frequent candidate wins.
     */
    private static String sameLettersTypo(String folded, Vocabulary vocabulary) {
        String best = null;
        for (int i = 0; i + 1 < folded.length(); i++) {
            char[] c = folded.toCharArray();
            if (c[i] == c[i + 1]) {
                best = moreFrequent(folded.substring(0, i) + folded.substring(i + 1), best, vocabulary);
            } else {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                best = moreFrequent(new String(c), best, vocabulary);
            }
        }
        return best == null ? null : vocabulary.byFolded().getOrDefault(best, best);
    }

    private static String moreFrequent(String candidate, String best, Vocabulary vocabulary) {
        Integer n = vocabulary.frequency().get(candidate);
        return n != null && (best == null || n > vocabulary.frequency().get(best)) ? candidate : best;
    }
}
