package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.Language;

class KnowledgeImporterTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    /** Page 1: heading + two paragraphs; page 2: contents-like line, heading, paragraph; page 3: empty. */
    private Path samplePdf() throws IOException {
        Path file = dir.resolve("handbok.pdf");
        try (PDDocument doc = new PDDocument()) {
            page(doc, new String[][]{
                    {"H", "Steg 2 Beskriv vald som problem"},
                    {"P", "I steg 2 beskriver kommunen valdet. Gruppen samlar statistik fran polis och skola."},
                    {"P", "En lagesbild sammanfattar det som ar kant och det som saknas om valdet lokalt."}});
            page(doc, new String[][]{
                    {"P", "Innehall ....................... 12"},
                    {"H", "Steg 3 Forandringsfaktorer"},
                    {"P", "Risk- och skyddsfaktorer finns pa individ, relation, samhalle och i samhallet i stort."},
                    {"P", "Kort rad."}});
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
        return file;
    }

    private static void page(PDDocument doc, String[][] blocks) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
            float y = 720;
            for (String[] block : blocks) {
                boolean heading = block[0].equals("H");
                float size = heading ? 18 : 11;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(60, y);
                out.showText(block[1]);
                out.endText();
                y -= heading ? 36 : 32; // a blank line's gap between paragraphs
            }
        }
    }

    @Test
    void importPdf_headingsAndPages_becomeSectionsAndCitations() throws IOException {
        Path out = dir.resolve("knowledge");

        ImportSummary summary = new KnowledgeImporter(out, progress::add).importPdf(samplePdf(), "Testhandbok", Language.SV, 0);

        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.passages()).isEqualTo(2);
        assertThat(progress).contains("read page 1 of 3", "read page 3 of 3");
        List<Passage> written = readAll(summary.output());
        assertThat(written).extracting(p -> p.source().section())
                .containsExactly("Steg 2 Beskriv vald som problem", "Steg 3 Forandringsfaktorer");
        assertThat(written).extracting(p -> p.source().page()).containsExactly(1, 2);
        assertThat(written.get(0).text()).contains("statistik").contains("lagesbild");
        assertThat(written).allSatisfy(p -> assertThat(p.source().document()).isEqualTo("Testhandbok"));
    }

    @Test
    void importPdf_skippedParts_areListedWithReasons() throws IOException {
        ImportSummary summary = new KnowledgeImporter(dir.resolve("k"), progress::add).importPdf(samplePdf(), null, Language.SV, 0);

        assertThat(summary.skipped()).extracting(SkippedPart::reason)
                .contains("table of contents line", "no extractable text (scanned image?)")
                .anyMatch(r -> r.startsWith("too short"));
        assertThat(summary.skipped()).extracting(SkippedPart::where).contains("page 3");
    }

    @Test
    void importPdf_pageOffset_givesPrintedPageNumbers() throws IOException {
        ImportSummary summary = new KnowledgeImporter(dir.resolve("k"), progress::add).importPdf(samplePdf(), "Bok", Language.SV, 1);

        List<Passage> written = readAll(summary.output());
        assertThat(written.get(0).source().page()).isNull(); // PDF page 1 is before printed page 1
        assertThat(written.get(1).source().page()).isEqualTo(1);
    }

    @Test
    void importPdf_importedPassages_areAnsweredByTheKnowledgeBase() throws IOException {
        Path out = dir.resolve("knowledge");
        new KnowledgeImporter(out, progress::add).importPdf(samplePdf(), "Testhandbok", Language.SV, 0);

        QueryResult result = KnowledgeFixtures.open(out).ask("skyddsfaktorer på individnivå", Language.SV);

        assertThat(result.best().source().page()).isEqualTo(2);
    }

    @Test
    void importPdf_notAPdf_errorNamesTheFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("trasig.pdf"), "hello");

        assertThatThrownBy(() -> new KnowledgeImporter(dir.resolve("k"), progress::add).importPdf(broken, null, Language.SV, 0))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessageContaining("trasig.pdf").hasMessageContaining("not a readable PDF");
    }

    @Test
    void importMarkdown_plainAndFrontMatterFiles_brokenOneReportedRestImported() throws IOException {
        Path source = Files.createDirectories(dir.resolve("rutiner"));
        Files.writeString(source.resolve("rutin.md"), """
                # Kommunens rutin vid oro

                ## Vem kontaktar jag?

                Kontakta alltid din närmaste chef och följ kommunens rutin för orosanmälan till socialtjänsten.

                ## Dokumentation

                - Skriv ner vad du såg och hörde, med datum.
                - Skriv inte ner dina egna tolkningar som fakta.
                """);
        KnowledgeFixtures.passage(source, "", "fardig", "sv", "Färdig passage", "x", "En passage som redan har front matter och ska kopieras.");
        Files.writeString(source.resolve("trasig.md"), "---\nid: Fel Id\n---\ntext\n");

        ImportSummary summary = new KnowledgeImporter(dir.resolve("k"), progress::add).importMarkdown(source, Language.SV);

        assertThat(summary.files()).isEqualTo(3);
        assertThat(summary.failed()).singleElement().asString().contains("trasig.md");
        List<Passage> written = readAll(summary.output());
        assertThat(written).extracting(Passage::id).contains("fardig");
        assertThat(written).filteredOn(p -> !p.id().equals("fardig"))
                .extracting(p -> p.source().section()).containsExactly("Vem kontaktar jag?", "Dokumentation");
        assertThat(written).filteredOn(p -> "Dokumentation".equals(p.source().section()))
                .singleElement().satisfies(p -> {
                    assertThat(p.text()).startsWith("- Skriv ner");
                    assertThat(p.source().document()).isEqualTo("Kommunens rutin vid oro");
                    assertThat(p.source().page()).isNull();
                });
    }

    @Test
    void sentencesUpTo_longParagraph_isCutAfterSentences() {
        String text = "Första meningen är här. ".repeat(60);

        List<String> pieces = PassageSplitter.sentencesUpTo(text.strip(), 200);

        assertThat(pieces).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(200).endsWith("."));
        assertThat(String.join(" ", pieces)).isEqualTo(text.strip());
    }

    @Test
    void slug_swedishLetters_becomeAscii() {
        assertThat(PassageSplitter.slug("Inget att vänta på – 2020", 40)).isEqualTo("inget-att-vanta-pa-2020");
        assertThat(PassageSplitter.slug("!!!", 40)).isEqualTo("dokument");
    }

    private static List<Passage> readAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(f -> {
                try {
                    return PassageParser.parse(f.getFileName().toString(), Files.readString(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
