package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, one term per concept: reads the replaced terms from {@code docs/glossary.md} and fails when one
 * of them appears in what people read (reply texts, cards, exercises, privacy pages, the Teams app
 * description, README and docs prose).
 */
class GlossaryTest {

    private static final Path GLOSSARY = Path.of("docs/glossary.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Inflections a replaced term may carry (Swedish and English); "fas" must not catch "fast". */
    private static final String ENDINGS = "(?:s|n|en|et|er|erna|ar|arna|na|ns|ens|ers|es|d|ed|ing)?";

    record Term(String replaced, String use) {
    }

    @Test
    void glossary_coversTheBotsConceptsInBothLanguages() throws IOException {
        List<String[]> rows = rows();
        List<String> swedish = rows.stream().map(r -> r[1]).toList();
        List<String> english = rows.stream().map(r -> r[2]).toList();
        assertThat(String.join(" | ", swedish)).contains("uppdatering", "påminnelse", "deadline", "reflektionsövning",
                "samordnare", "utbildare", "team", "kanal", "gruppchatt", "steg");
        assertThat(String.join(" | ", english)).contains("update", "reminder", "deadline", "reflection exercise",
                "coordinator", "facilitator", "team", "channel", "group chat", "step");
        assertThat(terms()).extracting(Term::replaced)
                .contains("lägesrapport", "processledare", "nudge", "process leader", "status update");
    }

    @Test
    void replacedTerm_isFoundWithItsInflections_butNotInsideLongerWords() throws IOException {
        List<Term> terms = terms();
        assertThat(findings("Spara lägesrapporterna här", terms)).containsExactly("lägesrapporterna → uppdatering (vid behov: uppdatering om hur arbetet går)");
        assertThat(findings("Two nudges were sent", terms)).hasSize(1);
        assertThat(findings("Vi fastställer planen snabbt och fast", terms)).isEmpty();
        assertThat(findings("Send it in a 1:1 chat", terms)).hasSize(1);
    }

    @Test
    void textsPeopleRead_useNoReplacedTerm() throws IOException {
        List<Term> terms = terms();
        List<String> problems = new ArrayList<>();
        int scanned = 0;
        for (Path file : files("dialogs/replies", ".yaml", "dialogs/reflections", ".yaml")) {
            scanned++;
            strings(YAML.readTree(file.toFile()), "", (where, text) -> report(problems, file + " " + where, text, terms));
        }
        for (Path file : files("dialogs/cards", ".json")) {
            scanned++;
            strings(JSON.readTree(file.toFile()), "", (where, text) -> report(problems, file + " " + where, text, terms));
        }
        for (Path file : List.of(Path.of("deployment/teams/manifest.json"), Path.of("deployment/teams/en.json"))) {
            scanned++;
            strings(JSON.readTree(file.toFile()), "", (where, text) -> report(problems, file + " " + where, text, terms));
        }
        for (Path file : files("dialogs/privacy", "")) {
            scanned++;
            report(problems, file.toString(), Files.readString(file), terms);
        }
        List<Path> docs = new ArrayList<>(files("docs", ".md"));
        docs.remove(GLOSSARY);
        docs.add(Path.of("README.md"));
        for (Path file : docs) {
            scanned++;
            report(problems, file.toString(), prose(Files.readString(file)), terms);
        }
        assertThat(scanned).isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    /** Rows of the terms table: concept, svenska, English, ersätter (sv), replaces (en). */
    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(GLOSSARY)) {
            if (line.startsWith("## Terms")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| concept")) {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
                assertThat(cells).as(line).hasSize(5);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            }
        }
        assertThat(rows).as("rows of the terms table in " + GLOSSARY).hasSizeGreaterThan(10);
        return rows;
    }

    private static List<Term> terms() throws IOException {
        List<Term> terms = new ArrayList<>();
        for (String[] row : rows()) {
            for (int column = 3; column <= 4; column++) {
                for (String replaced : row[column].split(",")) {
                    String term = replaced.strip();
                    if (!term.isEmpty() && !term.equals("–")) {
                        terms.add(new Term(term, row[column == 3 ? 1 : 2]));
                    }
                }
            }
        }
        return terms;
    }

    private static List<String> findings(String text, List<Term> terms) {
        List<String> found = new ArrayList<>();
        for (Term term : terms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.replaced()) + ENDINGS + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            while (m.find()) {
                found.add(m.group() + " → " + term.use());
            }
        }
        return found;
    }

    private static void report(List<String> problems, String where, String text, List<Term> terms) {
        findings(text, terms).forEach(f -> problems.add(where + ": " + f));
    }

    /** Markdown without fenced code blocks and inline code: names in code keep their spelling. */
    private static String prose(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", " ").replaceAll("`[^`\\n]*`", " ");
    }

    private interface TextVisitor {
        void visit(String where, String text);
    }

    /** Every string value of a YAML/JSON tree (keys are names, not text). */
    private static void strings(JsonNode node, String path, TextVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(path, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), path + "[" + i + "]", visitor);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                strings(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), visitor);
            }
        }
    }

    /** Files under each directory whose name ends with the paired suffix, recursively, sorted. */
    private static List<Path> files(String... dirAndSuffix) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < dirAndSuffix.length; i += 2) {
            String suffix = dirAndSuffix[i + 1];
            try (Stream<Path> walk = Files.walk(Path.of(dirAndSuffix[i]))) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
