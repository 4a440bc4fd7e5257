package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Language;

/** Issue 15: citations with url, validation naming file and line, and loading through links and volumes. */
class KnowledgeLoadingTest {

    private static final String URL = "https://jamstalldhetsmyndigheten.se/mans-vald-mot-kvinnor/valdsforebyggande-arbete/inget-att-vanta-pa/beskriv-vald-som-problem/";

    @TempDir
    Path dir;

    /** A handbook passage; {@code section}, {@code url} and {@code related} lines are left out when null. */
    private static Path handbookPassage(Path root, String id, String section, String url, String related) {
        String md = "---\n"
                + "id: " + id + "\n"
                + "title: \"Definiera vilket våld som ska kartläggas\"\n"
                + "lang: sv\n"
                + (related == null ? "" : "related: " + related + "\n")
                + "source:\n"
                + "  document: \"Inget att vänta på (Jämställdhetsmyndigheten, MÄN och Unizon, reviderad utgåva 2020)\"\n"
                + (section == null ? "" : "  section: \"" + section + "\"\n")
                + "  page: null\n"
                + (url == null ? "" : "  url: \"" + url + "\"\n")
                + "---\n"
                + "Kommunen bestämmer först vilka former av våld kartläggningen ska omfatta.\n";
        return KnowledgeFixtures.write(root.resolve("steg/" + id + ".md"), md);
    }

    @Test
    void load_handbookPassageWithUrl_citesDocumentSectionAndUrl() {
        handbookPassage(dir, "steg-2-1", "2.1 Definiera vilket våld som ska kartläggas", URL, null);

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.problems()).isEmpty();
        KnowledgeAnswer best = kb.ask("Hur definierar vi vilket våld som ska kartläggas?", Language.SV).best();
        assertThat(best.source().url()).isEqualTo(URL);
        assertThat(best.source().section()).isEqualTo("2.1 Definiera vilket våld som ska kartläggas");
    }

    @Test
    void askJson_sourceHasDocumentSectionPageAndUrl() throws Exception {
        handbookPassage(dir, "steg-2-1", "2.1 Definiera vilket våld som ska kartläggas", URL, null);

        QueryResult result = KnowledgeFixtures.open(dir).ask("Vilket våld ska kartläggas?", Language.SV);
        JsonNode source = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(result)
                .path("answers").get(0).path("source");

        assertThat(source.path("document").asText()).startsWith("Inget att vänta på");
        assertThat(source.path("section").asText()).startsWith("2.1");
        assertThat(source.has("page") && source.path("page").isNull()).isTrue();
        assertThat(source.path("url").asText()).isEqualTo(URL);
    }

    @Test
    void load_handbookPassageWithoutSectionAndUrl_namesFileAndLineAndKeepsPassage() {
        handbookPassage(dir, "steg-2-1", null, null, null);

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.passage("steg-2-1")).isPresent();
        assertThat(kb.problems()).extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("steg/steg-2-1.md:5: ").contains("source.section"))
                .anySatisfy(p -> assertThat(p).startsWith("steg/steg-2-1.md:5: ").contains("source.url"));
        assertThat(kb.problems()).noneMatch(KnowledgeProblem::fileSkipped);
    }

    @Test
    void load_httpUrl_isDroppedWithFileAndLineAndPassageKept() {
        handbookPassage(dir, "steg-2-1", "2.1 Definiera", "http://example.se/sida", null);
        handbookPassage(dir, "steg-2-2", "2.2 Kartlägg", "javascript:alert(1)", null);

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.passage("steg-2-1")).get().extracting(p -> p.source().url()).isNull();
        assertThat(kb.passage("steg-2-2")).get().extracting(p -> p.source().url()).isNull();
        assertThat(kb.problems()).extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("steg/steg-2-1.md:9: ").contains("http://example.se/sida").contains("https"))
                .anySatisfy(p -> assertThat(p).startsWith("steg/steg-2-2.md:9: ").contains("javascript:alert(1)"));
    }

    @Test
    void load_relatedIdThatDoesNotExist_isDroppedWithLineAndOthersKept() {
        handbookPassage(dir, "steg-2", "Steg 2", URL, null);
        handbookPassage(dir, "steg-2-1", "2.1 Definiera", URL, "\n  - steg-2\n  - steg-9-9");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.passage("steg-2-1")).get().extracting(Passage::related).asList().containsExactly("steg-2");
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("steg/steg-2-1.md");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.reason()).contains("steg-9-9").contains("does not exist");
            assertThat(p.fileSkipped()).isFalse();
        });
    }

    @Test
    void load_duplicateId_namesBothFilesWithLinesAndKeepsFirst() {
        KnowledgeFixtures.passage(dir, "a", "samma", "sv", "Första", "x", "Den första texten om samverkan.");
        KnowledgeFixtures.passage(dir, "b", "samma", "sv", "Andra", "x", "Den andra texten om samverkan.");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.passage("samma")).get().extracting(Passage::title).isEqualTo("Första");
        assertThat(kb.problems()).singleElement().extracting(KnowledgeProblem::toString).asString()
                .startsWith("b/samma.md:2: ").contains("a/samma.md:2");
    }

    @Test
    void load_knowledgeDirectoryIsASymbolicLink_loadsAllPassages() throws Exception {
        Path real = KnowledgeFixtures.smallBase(Files.createDirectories(dir.resolve("real")));
        Path link = Files.createSymbolicLink(dir.resolve("knowledge"), real);

        KnowledgeBase kb = new KnowledgeBase(new ContentSource("knowledge", link), KnowledgeProperties.defaults());

        assertThat(kb.size()).isEqualTo(6);
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @Test
    void load_symbolicLinkedFileAndFolder_areRead() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Path elsewhere = KnowledgeFixtures.smallBase(Files.createDirectories(dir.resolve("elsewhere")));
        Files.createSymbolicLink(kb.resolve("begrepp"), elsewhere.resolve("begrepp"));
        Files.createSymbolicLink(kb.resolve("mentorer.md"), elsewhere.resolve("metoder/mentorer.md"));

        KnowledgeBase base = new KnowledgeBase(new ContentSource("knowledge", kb), KnowledgeProperties.defaults());

        assertThat(base.passage("pyramiden")).isPresent();
        assertThat(base.passage("mentorer")).isPresent();
        assertThat(base.size()).isEqualTo(3);
    }

    @Test
    void load_kubernetesConfigMapLayout_readsEachPassageOnceThroughItsLink() throws Exception {
        // A ConfigMap volume: files are links into ..data, which links to a hidden, timestamped folder.
        Path volume = Files.createDirectories(dir.resolve("volume"));
        Path stamped = Files.createDirectories(volume.resolve("..2026_12_04_10_00_00.123"));
        KnowledgeFixtures.passage(stamped, ".", "pyramiden", "sv", "Våldspyramiden", "pyramid", "Pyramiden visar grovt våld och vardagliga kränkningar.");
        Files.createSymbolicLink(volume.resolve("..data"), stamped.getFileName());
        Files.createSymbolicLink(volume.resolve("pyramiden.md"), Path.of("..data/pyramiden.md"));

        KnowledgeBase kb = new KnowledgeBase(new ContentSource("knowledge", volume), KnowledgeProperties.defaults());

        assertThat(kb.size()).isEqualTo(1);
        assertThat(kb.problems()).isEmpty();
    }

    @Test
    void load_linkLoop_isSkippedAndTheRestLoads() throws Exception {
        KnowledgeFixtures.smallBase(dir);
        Files.createSymbolicLink(dir.resolve("begrepp/loop"), dir);

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.size()).isEqualTo(6);
    }

    @Test
    void answerCard_passageWithUrl_showsSectionAndReadInHandbookLink() {
        handbookPassage(dir, "steg-2-1", "2.1 Definiera vilket våld som ska kartläggas", URL, null);
        Passage passage = KnowledgeFixtures.open(dir).passage("steg-2-1").orElseThrow();

        JsonNode sv = cards().answer(passage, "vilket våld?", Language.SV, java.util.List.of());
        JsonNode en = cards().answer(passage, "which violence?", Language.EN, java.util.List.of());

        assertAdaptiveCardUpTo15(sv);
        assertThat(sv.toString()).contains("2.1 Definiera vilket våld som ska kartläggas");
        assertThat(openUrls(sv)).singleElement().satisfies(a -> {
            assertThat(a.path("title").asText()).isEqualTo("Läs i handboken");
            assertThat(a.path("url").asText()).isEqualTo(URL);
        });
        assertThat(openUrls(en)).singleElement().extracting(a -> a.path("title").asText()).isEqualTo("Read in the handbook");
    }

    @Test
    void answerCard_passageWithoutUrl_hasNoLink() {
        handbookPassage(dir, "steg-2-1", "2.1 Definiera", "http://inte-https.example", null);
        Passage passage = KnowledgeFixtures.open(dir).passage("steg-2-1").orElseThrow();

        JsonNode card = cards().answer(passage, "vilket våld?", Language.SV, java.util.List.of());

        assertAdaptiveCardUpTo15(card);
        assertThat(openUrls(card)).isEmpty();
        assertThat(card.toString()).doesNotContain("${").doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_.-]*}").doesNotContain("inte-https");
    }

    private static KnowledgeCards cards() {
        ContentSource dialogs = new ContentSource("dialogs", Path.of("dialogs"));
        return new KnowledgeCards(new CardTemplates(dialogs), new ReplyTexts(dialogs));
    }

    private static java.util.List<JsonNode> openUrls(JsonNode node) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        if ("Action.OpenUrl".equals(node.path("type").asText())) {
            found.add(node);
        }
        node.elements().forEachRemaining(child -> found.addAll(openUrls(child)));
        return found;
    }

    /** Version at most 1.5 and only element and action types that exist in Adaptive Cards 1.5; OpenUrl only to https. */
    private static void assertAdaptiveCardUpTo15(JsonNode card) {
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(Double.parseDouble(card.path("version").asText())).isLessThanOrEqualTo(1.5);
        java.util.Set<String> known = java.util.Set.of("AdaptiveCard", "TextBlock", "RichTextBlock", "TextRun", "Image",
                "ImageSet", "Media", "Container", "ColumnSet", "Column", "FactSet", "ActionSet", "Table", "TableRow",
                "TableCell", "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
                "Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute");
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        collect(card, all);
        assertThat(all).allSatisfy(n -> assertThat(known).contains(n.path("type").asText()));
        openUrls(card).forEach(a -> assertThat(PassageValidator.isHttps(a.path("url").asText())).isTrue());
    }

    private static void collect(JsonNode node, java.util.List<JsonNode> out) {
        if (node.isObject() && node.has("type") && node.path("type").isTextual()) {
            out.add(node);
        }
        node.elements().forEachRemaining(child -> collect(child, out));
    }

    @Test
    void health_noPassages_isDownWithZeroCountAndProblems() {
        KnowledgeFixtures.write(dir.resolve("trasig.md"), "ingen front matter");

        org.springframework.boot.health.contributor.Health health = new KnowledgeHealth(KnowledgeFixtures.open(dir)).health();

        assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
        assertThat(health.getDetails()).containsEntry("passages", 0).containsEntry("problems", 1).containsEntry("skippedFiles", 1L);
    }

    @Test
    void health_passagesWithProblems_isUpAndCountsThem() {
        KnowledgeFixtures.smallBase(dir);
        handbookPassage(dir, "steg-2-1", null, URL, null);

        org.springframework.boot.health.contributor.Health health = new KnowledgeHealth(KnowledgeFixtures.open(dir)).health();

        assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
        assertThat(health.getDetails()).containsEntry("passages", 7).containsEntry("problems", 1).containsEntry("skippedFiles", 0L);
    }
}
