package se.vagvisaren.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import se.vagvisaren.language.Tokens;

/**
 * Mends typos in the domain words of {@code dialogs/nlu/domain-words.yaml} before the intent model reads a
 * message: "lägesbil" becomes "lägesbild", "kartlägning" "kartläggning". Only words the training data never
 * uses are touched, so a real word is never "corrected" into another. Lucene's Levenshtein automata decide
 * the distance (a swap of two letters counts as one edit): one edit for words of 5–8 letters, two for longer.
 * Immutable and thread-safe.
 */
final class DomainSpelling {

    /** Shorter words have too many neighbours ("steg"/"stag") to correct safely. */
    private static final int MIN_LENGTH = 5;
    private static final int TWO_EDITS_FROM = 9;

    private record Target(String word, String written, CharacterRunAutomaton oneEdit, CharacterRunAutomaton twoEdits) {
    }

    private final Set<String> known;
    private final List<Target> targets;

    /**
     * @param domainWords the words to mend towards, in any case and with or without å/ä/ö
     * @param trainingTokens every word the training data uses (never changed)
     */
    DomainSpelling(List<String> domainWords, Set<String> trainingTokens) {
        this.known = new HashSet<>();
        trainingTokens.forEach(t -> known.add(TextNormalizer.fold(t)));
        List<Target> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : domainWords) {
            String word = TextNormalizer.fold(raw.strip());
            if (word.length() < MIN_LENGTH || !seen.add(word)) {
                continue;
            }
            known.add(word);
            LevenshteinAutomata automata = new LevenshteinAutomata(word, /* withTranspositions= */ true);
            list.add(new Target(word, TextNormalizer.lower(raw.strip()), new CharacterRunAutomaton(automata.toAutomaton(1)),
                    word.length() >= TWO_EDITS_FROM ? new CharacterRunAutomaton(automata.toAutomaton(2)) : null));
        }
        this.targets = List.copyOf(list);
    }

    /** No corrections at all (training data without a word list, e.g. a benchmark file). */
    static DomainSpelling none() {
        return new DomainSpelling(List.of(), Set.of());
    }

    /**
     * The text with unknown words near a domain word replaced by it as listed ("lägesbild"); everything else as
     * written. The same text when nothing needed mending.
     */
    String correct(String text) {
        if (targets.isEmpty() || text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        StringBuilder out = null;
        int last = 0;
        for (Tokens.Token word : Tokens.tokens(text, Integer.MAX_VALUE)) {
            String token = TextNormalizer.fold(word.text());
            if (token.length() < MIN_LENGTH || known.contains(token)) {
                continue;
            }
            String mended = nearest(token);
            if (mended != null) {
                out = out == null ? new StringBuilder(text.length() + 8) : out;
                out.append(text, last, word.start()).append(mended);
                last = word.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private String nearest(String token) {
        for (Target target : targets) {
            if (Math.abs(target.word().length() - token.length()) <= 2 && target.oneEdit().run(token)) {
                return target.written();
            }
        }
        for (Target target : targets) {
            if (target.twoEdits() != null && token.length() >= TWO_EDITS_FROM - 1
                    && Math.abs(target.word().length() - token.length()) <= 2 && target.twoEdits().run(token)) {
                return target.written();
            }
        }
        return null;
    }
}
