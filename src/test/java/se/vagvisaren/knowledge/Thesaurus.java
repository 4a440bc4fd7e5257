package se.vagvisaren.knowledge;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Swedish words of related meaning, by Snowball stem, read from a MyThes thesaurus file. Used only by the SweFAQ
 * ranking experiments ({@link RankingFeatures}); the thesaurus is not shipped. Source: Debian's {@code mythes-sv}
 * ({@code apt-get install mythes-sv} installs {@code /usr/share/mythes/th_sv_SE_v2.dat}), Viggo Kann's synonym
 * lexicon (KTH, 2009), whose licence allows use and copying with its notice kept.
 */
final class Thesaurus {

    static final Thesaurus EMPTY = new Thesaurus(Map.of());

    private final Map<String, Set<String>> related;

    private Thesaurus(Map<String, Set<String>> related) {
        this.related = related;
    }

    Set<String> related(String stem) {
        return related.getOrDefault(stem, Set.of());
    }

    int size() {
        return related.size();
    }

    /** The thesaurus at {@code file}, or {@link #EMPTY} when there is no such file. */
    static Thesaurus readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? read(file) : EMPTY;
    }

    /** Reads a MyThes {@code .dat} file: the encoding on line 1, then {@code word|n} followed by n lines {@code (pos)|w|w…}. */
    static Thesaurus read(Path file) throws IOException {
        List<String> lines;
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String encoding = in.readLine();
            Charset charset = Charset.isSupported(encoding.trim()) ? Charset.forName(encoding.trim()) : StandardCharsets.UTF_8;
            lines = in.lines().toList();
            if (!charset.equals(StandardCharsets.ISO_8859_1)) {
                lines = lines.stream().map(l -> new String(l.getBytes(StandardCharsets.ISO_8859_1), charset)).toList();
            }
        }
        SwedishStemmer stemmer = new SwedishStemmer();
        Map<String, Set<String>> related = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            String[] head = lines.get(i).split("\\|");
            i++;
            if (head.length != 2) {
                continue;
            }
            int meanings = Integer.parseInt(head[1].trim());
            Set<String> words = new HashSet<>();
            for (int m = 0; m < meanings && i < lines.size(); m++, i++) {
                String[] parts = lines.get(i).split("\\|");
                for (int p = 1; p < parts.length; p++) {
                    words.add(parts[p]);
                }
            }
            String headStem = stem(stemmer, head[0]);
            // Optional narrowing for the experiments: only words with few meanings and few synonyms.
            if (headStem == null || meanings > Integer.getInteger("swefaq.thesaurus.maxMeanings", Integer.MAX_VALUE)
                    || words.size() > Integer.getInteger("swefaq.thesaurus.maxSynonyms", Integer.MAX_VALUE)) {
                continue;
            }
            for (String w : words) {
                String s = stem(stemmer, w);
                if (s != null && !s.equals(headStem)) {
                    related.computeIfAbsent(headStem, k -> new HashSet<>()).add(s);
                }
            }
        }
        return new Thesaurus(related);
    }

    private static String stem(SwedishStemmer stemmer, String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.isEmpty() || !w.chars().allMatch(Character::isLetter)) {
            return null;
        }
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
