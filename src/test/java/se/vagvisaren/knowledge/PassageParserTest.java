package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

class PassageParserTest {

    private static final String VALID = """
            ---
            id: steg-2
            title: "Steg 2: Beskriv våld som problem"
            lang: sv
            tags: [steg 2, lägesbild]
            question: Vad gör man i steg 2?
            related: [steg-3]
            source:
              document: Inget att vänta på (2020)
              section: "Steg 2"
              page: 48
            updated: 2026-11-25
            ---
            I steg 2 beskriver ni våldet i kommunen.
            """;

    @Test
    void parse_validFile_readsEveryField() {
        Passage p = PassageParser.parse("steg/steg-2.md", VALID);

        assertThat(p.id()).isEqualTo("steg-2");
        assertThat(p.title()).isEqualTo("Steg 2: Beskriv våld som problem");
        assertThat(p.language()).isEqualTo(Language.SV);
        assertThat(p.tags()).containsExactly("steg 2", "lägesbild");
        assertThat(p.related()).containsExactly("steg-3");
        assertThat(p.source()).isEqualTo(new PassageSource("Inget att vänta på (2020)", "Steg 2", 48));
        assertThat(p.text()).isEqualTo("I steg 2 beskriver ni våldet i kommunen.");
        assertThat(p.origin()).isEqualTo("steg/steg-2.md");
    }

    @Test
    void parse_pageNullAndCrLf_pageIsUnknown() {
        Passage p = PassageParser.parse("a.md", VALID.replace("page: 48", "page: null").replace("\n", "\r\n"));

        assertThat(p.source().page()).isNull();
    }

    @Test
    void parse_noFrontMatter_errorNamesFile() {
        assertThatThrownBy(() -> PassageParser.parse("steg/trasig.md", "Bara text utan huvud."))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessageStartingWith("steg/trasig.md: no front matter");
    }

    @Test
    void parse_unclosedFrontMatter_errorNamesFile() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", "---\nid: x\ntitle: y\n"))
                .hasMessageContaining("x.md").hasMessageContaining("not closed");
    }

    @Test
    void parse_invalidYaml_errorNamesFile() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", "---\nid: [unclosed\ntitle: \"\n---\ntext\n"))
                .hasMessageStartingWith("x.md: front matter is not valid YAML");
    }

    @Test
    void parse_missingTitle_saysWhichField() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", VALID.replace("title: \"Steg 2: Beskriv våld som problem\"\n", "")))
                .hasMessage("x.md: missing 'title'");
    }

    @Test
    void parse_unknownLanguage_isRejected() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", VALID.replace("lang: sv", "lang: de")))
                .hasMessageContaining("lang must be 'sv' or 'en'");
    }

    @Test
    void parse_pageAsGuessText_isRejected() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", VALID.replace("page: 48", "page: \"ca 48\"")))
                .hasMessageContaining("source.page must be a positive whole number or null");
    }

    @Test
    void parse_idWithSpaces_isRejected() {
        assertThatThrownBy(() -> PassageParser.parse("x.md", VALID.replace("id: steg-2", "id: Steg 2")))
                .hasMessageContaining("must be lower case letters, digits and dashes");
    }

    @Test
    void parse_emptyText_isRejected() {
        String noText = VALID.substring(0, VALID.lastIndexOf("---") + 4);
        assertThatThrownBy(() -> PassageParser.parse("x.md", noText)).hasMessageContaining("has no text");
    }

    @Test
    void render_thenParse_roundTripsQuotesAndColons() {
        Passage original = PassageParser.parse("a.md", VALID.replace("title: \"Steg 2: Beskriv våld som problem\"",
                "title: \"Citat: \\\"ord\\\" och # tecken\""));

        Passage again = PassageParser.parse("a.md", PassageWriter.render(original));

        assertThat(again).isEqualTo(original);
    }

    @Test
    void parse_asked_isReadAndRoundTrips() {
        String withAsked = VALID.replace("updated: 2026-11-25", "updated: 2026-11-25\nasked:\n  - \"hur kollar vi läget?\"\n  - \"vad är en lägesbild\"");

        Passage p = PassageParser.parse("a.md", withAsked);

        assertThat(p.asked()).containsExactly("hur kollar vi läget?", "vad är en lägesbild");
        assertThat(PassageParser.parse("a.md", PassageWriter.render(p))).isEqualTo(p);
        assertThat(PassageParser.parse("a.md", VALID).asked()).isEmpty();
    }

    @Test
    void parse_examples_areReadKeptApartFromAskedAndRoundTrip() {
        String withExamples = VALID.replace("updated: 2026-11-25", "updated: 2026-11-25\nasked:\n  - \"vad är en lägesbild\"\n"
                + "examples:\n  - \"hur kartlagger vi vaaldet i kommunen\"\n  - \"where do we start mapping?\"");

        Passage p = PassageParser.parse("a.md", withExamples);

        assertThat(p.examples()).containsExactly("hur kartlagger vi vaaldet i kommunen", "where do we start mapping?");
        assertThat(p.asked()).containsExactly("vad är en lägesbild");
        assertThat(PassageParser.parse("a.md", PassageWriter.render(p))).isEqualTo(p);
        assertThat(PassageParser.parse("a.md", VALID).examples()).isEmpty();
        assertThatThrownBy(() -> PassageParser.parse("steg/a.md", VALID.replace("updated: 2026-11-25",
                "updated: 2026-11-25\nexamples: hur kollar vi läget")))
                .isInstanceOf(KnowledgeFormatException.class).hasMessageContaining("steg/a.md").hasMessageContaining("examples");
    }

    @Test
    void parse_askedNotAList_errorNamesFileAndField() {
        assertThatThrownBy(() -> PassageParser.parse("steg/a.md", VALID.replace("updated: 2026-11-25",
                "updated: 2026-11-25\nasked: hur kollar vi läget")))
                .isInstanceOf(KnowledgeFormatException.class).hasMessageContaining("steg/a.md").hasMessageContaining("asked");
    }

    @Test
    void parse_kindStepAudience_areRead() {
        Passage p = PassageParser.parse("stod/x.md", VALID.replace("lang: sv\n", "lang: sv\nkind: support\nstep: 3\naudience: uses-violence\n"));

        assertThat(p.kind()).isEqualTo(PassageKind.SUPPORT);
        assertThat(p.step()).isEqualTo(3);
        assertThat(p.audience()).isEqualTo(Audience.USES_VIOLENCE);
    }

    @Test
    void parse_withoutKindStepAudience_fieldsAreEmpty() {
        Passage p = PassageParser.parse("steg/steg-2.md", VALID);

        assertThat(p.kind()).isNull();
        assertThat(p.step()).isNull();
        assertThat(p.audience()).isNull();
    }

    @Test
    void parse_unknownKind_passageKeptAndWarningNamesFile() {
        java.util.List<KnowledgeProblem> warnings = new java.util.ArrayList<>();

        Passage p = PassageParser.parse("steg/steg-2.md", VALID.replace("lang: sv\n", "lang: sv\nkind: chapter\nstep: 2\n"), warnings::add);

        assertThat(p.id()).isEqualTo("steg-2");
        assertThat(p.kind()).isNull();
        assertThat(p.step()).isEqualTo(2);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("steg/steg-2.md");
            assertThat(w.reason()).contains("unknown kind 'chapter'").contains("steps-overview");
        });
    }

    @Test
    void parse_stepOutOfRangeAndUnknownAudience_passageKeptWithTwoWarnings() {
        java.util.List<KnowledgeProblem> warnings = new java.util.ArrayList<>();

        Passage p = PassageParser.parse("a.md", VALID.replace("lang: sv\n", "lang: sv\nstep: 7\naudience: partner\n"), warnings::add);

        assertThat(p.step()).isNull();
        assertThat(p.audience()).isNull();
        assertThat(warnings).extracting(KnowledgeProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("step must be a whole number from 1 to 5"))
                .anySatisfy(r -> assertThat(r).contains("unknown audience 'partner'"));
    }

    @Test
    void load_unknownKind_isListedAsProblemButPassageIsSearchable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        KnowledgeFixtures.write(dir.resolve("steg/steg-2.md"), VALID.replace("lang: sv\n", "lang: sv\nkind: kapitel\n"));

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.size()).isEqualTo(1);
        // The fixture also lacks a url and links a missing step: those are listed too, but only the kind is about kind.
        assertThat(kb.problems()).filteredOn(p -> p.reason().contains("kind")).singleElement()
                .satisfies(w -> assertThat(w.toString()).startsWith("steg/steg-2.md: unknown kind 'kapitel'"))
                .satisfies(w -> assertThat(w.fileSkipped()).isFalse());
        assertThat(kb.ask("beskriva våldet i kommunen", Language.SV).best().id()).isEqualTo("steg-2");
    }
}
