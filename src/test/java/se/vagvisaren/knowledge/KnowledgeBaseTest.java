package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.vagvisaren.conversation.Language;

class KnowledgeBaseTest {

    @TempDir
    Path dir;

    @Test
    void ask_swedishCompound_findsPassageWithTheSeparateWords() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        QueryResult result = kb.ask("Hur jobbar man våldsförebyggande?", Language.SV);

        assertThat(result.fallback()).isFalse();
        assertThat(result.best().id()).isEqualTo("forebygga");
    }

    @Test
    void ask_separateWords_findPassageWithTheCompound() throws Exception {
        KnowledgeFixtures.smallBase(dir);
        java.nio.file.Files.delete(dir.resolve("begrepp/forebygga.md"));
        KnowledgeFixtures.passage(dir, "a", "kompositum", "sv", "Arbetssätt", "metod",
                "Det våldsförebyggande arbetet bygger på samverkan mellan förvaltningar.");
        KnowledgeFixtures.passage(dir, "a", "annat", "sv", "Budget", "pengar",
                "Budgeten beslutas i november. Förebyggande insatser kostar mindre än att reparera.");

        QueryResult result = KnowledgeFixtures.open(dir).ask("hur kan vi förebygga våld?", Language.SV);

        assertThat(result.best().id()).isEqualTo("kompositum");
    }

    @Test
    void ask_synonymFromSynonymsFile_findsPassageWithoutTheWord() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        assertThat(kb.ask("Vad är MVP?", Language.SV).best().id()).isEqualTo("mentorer");
        assertThat(kb.ask("Hur gör vi en lägesbild?", Language.SV).best().id()).isEqualTo("steg-tva");
    }

    @Test
    void ask_wordInTitleAndInAnotherText_titleWins() {
        KnowledgeFixtures.passage(dir, "a", "i-titeln", "sv", "Styrgrupp", "roller", "Gruppen består av chefer.");
        KnowledgeFixtures.passage(dir, "a", "i-texten", "sv", "Möten", "kalender",
                "Mötena bokas i god tid, och styrgrupp och processledare får en kallelse.");

        assertThat(KnowledgeFixtures.open(dir).ask("styrgrupp", Language.SV).best().id()).isEqualTo("i-titeln");
    }

    @Test
    void ask_englishQuestion_usesEnglishPassages() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        assertThat(kb.ask("What does the violence pyramid show?", Language.EN).best().id()).isEqualTo("pyramid-en");
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @Test
    void ask_unrelatedQuestion_fallsBackInsteadOfGuessing() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        QueryResult result = kb.ask("Hur bokar jag ett konferensrum i Outlook?", Language.SV);

        assertThat(result.fallback()).isTrue();
        assertThat(result.answers()).isEmpty();
    }

    @Test
    void ask_oneEverydayWordKnownTheTopicNot_fallsBack() {
        KnowledgeFixtures.smallBase(dir);
        KnowledgeFixtures.passage(dir, "a", "budget", "sv", "Budget", "pengar",
                "Budgeten beslutas i november. Förebyggande insatser kostar mindre än att reparera skador.");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        // "kostar" is in a passage, "pizza" in none: the question is about pizza, not about the budget.
        assertThat(kb.ask("vad kostar en pizza", Language.SV).fallback()).isTrue();
        assertThat(kb.ask("what does a pizza cost", Language.EN).fallback()).isTrue();
        // The same everyday word with a word the base knows is answered, and so is a typo of a known word.
        assertThat(kb.ask("vad kostar förebyggande insatser", Language.SV).best().id()).isEqualTo("budget");
        assertThat(kb.ask("vad kostar budgetn", Language.SV).best().id()).isEqualTo("budget");
    }

    @Test
    void ask_unseenWordsFactorZero_answersThroughTheEverydayWordAsBefore() {
        KnowledgeFixtures.smallBase(dir);
        KnowledgeFixtures.passage(dir, "a", "budget", "sv", "Budget", "pengar",
                "Budgeten beslutas i november. Förebyggande insatser kostar mindre än att reparera skador.");
        KnowledgeProperties off = new KnowledgeProperties(3, 0.5, 0.35, 1000, null, null, java.time.Duration.ofDays(730), 0.0);

        KnowledgeBase kb = new KnowledgeBase(new se.vagvisaren.conversation.ContentSource("knowledge", dir), off);

        // Shows that the rule, not the coverage threshold alone, is what sends the pizza question to the fallback.
        assertThat(kb.ask("vad kostar en pizza", Language.SV).fallback()).isFalse();
    }

    @Test
    void unseenWordWeight_isTheIdfOfAWordInNoPassage_moreThanAnyKnownWord() {
        for (int n : new int[] {1, 10, 161, 2000}) {
            // Lucene's BM25 idf with document frequency 0, the rarest a word can be.
            assertThat(PassageIndex.unseenWordWeight(n)).isEqualTo(Math.log(1 + (n + 0.5) / 0.5));
            assertThat(PassageIndex.unseenWordWeight(n)).isGreaterThan(PassageIndex.idf(1, n));
        }
        // The default factor 1.0 is the rule "a passage covers at least as much of the question as the unseen words".
        assertThat(KnowledgeProperties.defaults().unseenWordsFactor()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:* OR \"", "*", "AND OR NOT", "\"unterminated", "\\", "våld^10~2 +steg -(x", "?", "[a TO z]", "/regex.*/"})
    void ask_luceneQuerySyntax_isTreatedAsPlainWords(String question) {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        assertThatCode(() -> kb.ask(question, Language.SV)).doesNotThrowAnyException();
        assertThat(kb.ask("title:* OR \"", Language.SV).fallback()).isTrue();
    }

    @Test
    void ask_syntaxAroundRealWords_stillFindsThem() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        assertThat(kb.ask("title:våldspyramiden OR \"", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "?", "å"})
    void ask_emptyOrOneCharacter_fallsBack(String question) {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));

        assertThat(kb.ask(question, Language.SV).fallback()).isTrue();
        assertThat(kb.ask(null, null).fallback()).isTrue();
    }

    @Test
    void ask_fiveThousandCharacters_answersFromTheStartOfTheText() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));
        String huge = "Vad visar våldspyramiden? " + "bla ".repeat(1250);

        QueryResult result = kb.ask(huge, Language.SV);

        assertThat(huge).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(result.fallback()).isFalse();
        assertThat(result.best().id()).isEqualTo("pyramiden");
    }

    @Test
    void cutAtWord_neverLeavesHalfAWordAtTheEnd() {
        assertThat(KnowledgeBase.cutAtWord("lägesbild i kommunen", 17)).isEqualTo("lägesbild i ");
        assertThat(KnowledgeBase.cutAtWord("lägesbild i kommunen", 12)).isEqualTo("lägesbild i ");
        assertThat(KnowledgeBase.cutAtWord("lägesbild i kommunen", 11)).isEqualTo("lägesbild i");
        assertThat(KnowledgeBase.cutAtWord("kort", 10)).isEqualTo("kort");
        assertThat(KnowledgeBase.cutAtWord("x".repeat(30), 10)).isEqualTo("x".repeat(10));
    }

    @Test
    void ask_fiveThousandDistinctWords_doesNotHitTheClauseLimit() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 5000; i++) {
            words.append("ord").append(Integer.toString(i, 36)).append(' ');
        }

        assertThatCode(() -> kb.ask(words.toString(), Language.SV)).doesNotThrowAnyException();
    }

    @Test
    void load_brokenMarkdown_isReportedByNameAndTheRestAnswers() {
        KnowledgeFixtures.smallBase(dir);
        KnowledgeFixtures.write(dir.resolve("trasig/utan-huvud.md"), "Den här filen saknar front matter.");
        KnowledgeFixtures.write(dir.resolve("trasig/fel-yaml.md"), "---\nid: [\n---\ntext\n");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.problems()).extracting(KnowledgeProblem::file)
                .containsExactlyInAnyOrder("trasig/utan-huvud.md", "trasig/fel-yaml.md");
        assertThat(kb.size()).isEqualTo(6);
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @Test
    void load_brokenPdf_isReportedByNameAndTheRestAnswers() {
        KnowledgeFixtures.smallBase(dir);
        KnowledgeFixtures.write(dir.resolve("dokument/rapport.pdf"), "%PDF-1.7 this is not really a PDF");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("dokument/rapport.pdf");
            assertThat(p.reason()).contains("not a readable PDF");
        });
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @Test
    void load_duplicateId_keepsFirstAndNamesBothFiles() {
        KnowledgeFixtures.passage(dir, "a", "samma", "sv", "Första", "x", "Den första texten om samverkan.");
        KnowledgeFixtures.passage(dir, "b", "samma", "sv", "Andra", "x", "Den andra texten om samverkan.");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.passage("samma")).get().extracting(Passage::title).isEqualTo("Första");
        assertThat(kb.problems()).singleElement().extracting(KnowledgeProblem::toString).asString()
                .contains("b/samma.md").contains("a/samma.md");
    }

    @Test
    void load_invalidSynonyms_reportedAndSearchStillWorks() {
        KnowledgeFixtures.smallBase(dir);
        KnowledgeFixtures.write(dir.resolve("synonyms.txt"), "a => \n=> b\n");

        KnowledgeBase kb = KnowledgeFixtures.open(dir);

        assertThat(kb.problems()).extracting(KnowledgeProblem::file).containsExactly("synonyms.txt");
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).best().id()).isEqualTo("pyramiden");
    }

    @Test
    void reload_newFileOnDisk_isAnsweredWithoutRestart() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));
        assertThat(kb.ask("Vad gör Machofabriken?", Language.SV).fallback()).isTrue();

        KnowledgeFixtures.passage(dir, "metoder", "machofabriken", "sv", "Machofabriken", "normer",
                "Machofabriken är ett material för att samtala om normer med unga.");
        kb.reload();

        assertThat(kb.ask("Vad gör Machofabriken?", Language.SV).best().id()).isEqualTo("machofabriken");
    }

    @Test
    void reload_onContentChangedEvent_onlyForKnowledge() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));
        KnowledgeConfiguration.KnowledgeReloader reloader = new KnowledgeConfiguration.KnowledgeReloader(kb);
        KnowledgeFixtures.passage(dir, "metoder", "machofabriken", "sv", "Machofabriken", "normer",
                "Machofabriken är ett material för att samtala om normer med unga.");

        reloader.onContentChanged(new se.vagvisaren.conversation.ContentChanged("dialogs"));
        assertThat(kb.passage("machofabriken")).isEmpty();

        reloader.onContentChanged(new se.vagvisaren.conversation.ContentChanged("knowledge"));
        assertThat(kb.passage("machofabriken")).isPresent();
    }

    @Test
    void related_prefersTheRelatedListThenOtherAnswers() {
        KnowledgeBase kb = KnowledgeFixtures.open(KnowledgeFixtures.smallBase(dir));
        QueryResult result = kb.ask("Vad visar våldspyramiden?", Language.SV);

        assertThat(kb.related("pyramiden", result, 2)).extracting(Passage::id).doesNotContain("pyramiden").hasSizeLessThanOrEqualTo(2);
    }
}
