package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SynonymMap;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * Reads the whole knowledge base from a content source: {@code **}{@code /*.md} passages, PDFs dropped
 * into the folder (split on the fly), {@code synonyms.txt}, {@code stopwords.txt}, {@code unstemmed.txt} and
 * {@code everyday-words.txt}. A broken file is
 * recorded as a {@link KnowledgeProblem} naming it and skipped; everything else still loads.
 */
final class PassageLoader {

    static final String SYNONYMS = "synonyms.txt";
    static final String STOP_WORDS = "stopwords.txt";
    static final String UNSTEMMED = "unstemmed.txt";
    static final String EVERYDAY_WORDS = "everyday-words.txt";

    /**
     * Everything read in one pass.
     *
     * @param synonyms      {@code null} when there is no (valid) synonyms file
     * @param everydayWords words spelled right although no passage uses them ("kollar", "kontor"): the spelling
     *                      corrector leaves them as written; the search does not know them
     */
    record Loaded(List<Passage> passages, SynonymMap synonyms, Set<String> stopWords, List<KnowledgeProblem> problems,
                  Set<String> unstemmed, Set<String> everydayWords) {
    }

    private PassageLoader() {
    }

    static Loaded load(ContentSource source) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        Map<String, Passage> byId = new LinkedHashMap<>();
        Map<String, FrontMatterLines> lines = new HashMap<>();
        for (ContentSource.ContentFile file : source.list("", ".md")) {
            if (file.name().toLowerCase(Locale.ROOT).endsWith("readme.md")) {
                continue;
            }
            try {
                String content = file.readString();
                lines.put(file.name(), FrontMatterLines.of(content));
                add(byId, PassageParser.parse(file.name(), content, problems::add), lines, problems);
            } catch (RuntimeException e) {
                problems.add(new KnowledgeProblem(file.name(), reason(file.name(), e)));
            }
        }
        for (ContentSource.ContentFile file : source.list("", ".pdf")) {
            try (InputStream in = file.open()) {
                String name = file.name().replaceAll("^.*/", "").replaceAll("\\.pdf$", "");
                String prefix = PassageSplitter.slug(name, 40);
                PdfPassageReader.read(file.name(), in.readAllBytes(), name, Language.SV, prefix, 0, line -> { })
                        .passages().forEach(p -> add(byId, p, lines, problems));
            } catch (IOException | RuntimeException e) {
                problems.add(new KnowledgeProblem(file.name(), reason(file.name(), e)));
            }
        }
        List<Passage> passages = PassageValidator.validate(List.copyOf(byId.values()), lines, problems);
        return new Loaded(passages, synonyms(source, problems), words(source, STOP_WORDS), problems, words(source, UNSTEMMED),
                words(source, EVERYDAY_WORDS));
    }

    /** Keeps the first passage with an id; a later one is skipped and named together with the first, both with lines. */
    private static void add(Map<String, Passage> byId, Passage passage, Map<String, FrontMatterLines> lines,
                            List<KnowledgeProblem> problems) {
        Passage earlier = byId.putIfAbsent(passage.id(), passage);
        if (earlier != null) {
            Integer first = lines.getOrDefault(earlier.origin(), FrontMatterLines.none()).line("id");
            Integer again = lines.getOrDefault(passage.origin(), FrontMatterLines.none()).line("id");
            problems.add(new KnowledgeProblem(passage.origin(), again, "duplicate id '" + passage.id()
                    + "' (already used by " + earlier.origin() + (first == null ? "" : ":" + first) + "); this file is skipped", true));
        }
    }

    /** The exception's message without the file name, which the problem already carries. */
    private static String reason(String file, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
    }

    private static SynonymMap synonyms(ContentSource source, List<KnowledgeProblem> problems) {
        ContentSource.ContentFile file = source.file(SYNONYMS);
        if (file == null) {
            return null;
        }
        try {
            SynonymMap map = KnowledgeAnalyzers.parseSynonyms(file.readString());
            return map.fst == null ? null : map;
        } catch (IOException | ParseException | RuntimeException e) {
            String where = e instanceof ParseException pe ? " near line " + pe.getErrorOffset() : "";
            problems.add(new KnowledgeProblem(SYNONYMS, "invalid synonym rules" + where + ": " + e.getMessage()));
            return null;
        }
    }

    /** One lower-case word per line of {@code name}, {@code #} comments left out; empty when there is no such file. */
    private static Set<String> words(ContentSource source, String name) {
        ContentSource.ContentFile file = source.file(name);
        Set<String> words = new LinkedHashSet<>();
        if (file != null) {
            file.readString().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        }
        return words;
    }
}
