package se.vagvisaren.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import se.vagvisaren.conversation.ContentSource;

/** Writes small knowledge directories for tests. */
final class KnowledgeFixtures {

    private KnowledgeFixtures() {
    }

    static Path passage(Path root, String folder, String id, String lang, String title, String tags, String text) {
        String md = """
                ---
                id: %s
                title: "%s"
                lang: %s
                tags: [%s]
                question: "%s?"
                source:
                  document: "Testdokument"
                  section: "Avsnitt %s"
                  page: null
                updated: 2026-11-25
                ---
                %s
                """.formatted(id, title, lang, tags, title, id, text);
        return write(root.resolve(folder).resolve(id + ".md"), md);
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnowledgeBase open(Path root) {
        return new KnowledgeBase(new ContentSource("knowledge", root), KnowledgeProperties.defaults());
    }

    /** A few passages on distinct topics, like the real knowledge base but tiny. */
    static Path smallBase(Path root) {
        passage(root, "begrepp", "forebygga", "sv", "Att förebygga våld", "prevention",
                "Arbetet handlar om att förebygga våld innan det händer. Insatserna riktar sig till alla invånare.");
        passage(root, "begrepp", "pyramiden", "sv", "Våldspyramiden", "pyramid, normer",
                "Pyramiden visar att grovt våld vilar på många vardagliga kränkningar och skämt vid basen.");
        passage(root, "metoder", "mentorer", "sv", "Mentorer i våldsprevention", "skola, åskådare",
                "Programmet har fjorton lektioner där elever övar på att ingripa som aktiva åskådare.");
        passage(root, "steg", "steg-tva", "sv", "Steg 2: Beskriv våld som problem", "steg 2",
                "I steget sammanställer kommunen en nulägesanalys av våldet i kommunen.");
        passage(root, "steg", "styrning", "sv", "Styrning och uppföljning", "styrdokument",
                "Mål skrivs in i kommunens styrdokument och följs upp varje år av styrgruppen.");
        passage(root, "en", "pyramid-en", "en", "The violence pyramid", "pyramid",
                "The pyramid shows that severe violence rests on many everyday jokes and insults at its base.");
        write(root.resolve("synonyms.txt"), "# test\nmvp, mentorer i våldsprevention\nlägesbild, nulägesanalys\n");
        try {
            // The shipped filler-word list, as a municipality would have it.
            Files.copy(Path.of("knowledge/stopwords.txt"), root.resolve("stopwords.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}
