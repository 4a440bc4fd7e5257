package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

class QuestionSpellingTest {

    private static Passage passage(String id, Language lang, String text) {
        return new Passage(id, "Titel", lang, List.of(), null, List.of(), new PassageSource("Doc", null, null), null, text, id + ".md", null, null, null);
    }

    /** Spelling from one Swedish passage with {@code text}, no cue words. */
    private static QuestionSpelling swedishOnly(String text) {
        return new QuestionSpelling(List.of(passage("a", Language.SV, text)), Set.of());
    }

    private final QuestionSpelling spelling = new QuestionSpelling(List.of(
            passage("a", Language.SV, "Våld i nära relationer är vanligt. Kartläggning görs i steg 2. Kartläggningen är viktig."),
            passage("b", Language.EN, "Violence prevention starts with a situation picture.")), Set.of("tredje"));

    @Test
    void missingAccents_ofAnotherFormOfAPassageWord_orOfAnEverydayWord_areRestored() {
        QuestionSpelling s = new QuestionSpelling(List.of(passage("a", Language.SV,
                "Fler anmälningar kan betyda att fler vågar berätta. En åtgärdsplan bygger på ett folkhälsoperspektiv.")),
                Set.of(), Set.of(), Set.of("bestämde", "höra", "innehålla"));
        // Another form of "anmälningar": the same stem to the search once its accents are back.
        assertThat(s.correct("anmalningarna har okat", Language.SV)).startsWith("anmälningar ");
        // Everyday words no passage uses, written without accents.
        assertThat(s.correct("vad bestamde de", Language.SV)).isEqualTo("vad bestämde de");
        assertThat(s.correct("vad ska den innehalla", Language.SV)).isEqualTo("vad ska den innehålla");
        // Passage words with an ending the passages never give them: by the stem, or by the ending when the stem keeps it.
        assertThat(s.correct("vem beslutar om atgardsplanen", Language.SV)).isEqualTo("vem beslutar om åtgärdsplan");
        assertThat(s.correct("vad innebar folkhalsoperspektivet", Language.SV)).endsWith(" folkhälsoperspektivet");
        // A word written right without accents stays: "for" is not "för" when both are words.
        assertThat(new QuestionSpelling(List.of(passage("a", Language.SV, "Stöd för barn.")), Set.of(), Set.of(),
                Set.of("for", "för")).correct("for barn", Language.SV)).isEqualTo("for barn");
    }

    @Test
    void aTypoInAFormThePassagesNeverWrite_isReadAsTheirWordOfThatStem() {
        QuestionSpelling s = swedishOnly("Boten sparar ingenting om din integritet. Processledare samordnar arbetet.");
        // "integriteten" with two letters swapped; the passages only write "integritet".
        assertThat(s.correct("jag oroar mig för integrietten", Language.SV)).isEqualTo("jag oroar mig för integritet");
        // A word whose stem is two letters off stays as written.
        assertThat(s.correct("vad gör prucesslidaren", Language.SV)).isEqualTo("vad gör prucesslidaren");
    }

    @Test
    void missingAccents_areRestoredFromThePassagesWords() {
        assertThat(spelling.correct("vad ar vald i nara relationer?", Language.SV)).isEqualTo("vad är våld i nära relationer?");
    }

    @Test
    void oneLetterOffInLongWords_isCorrected() {
        assertThat(spelling.correct("hur gör vi kartläggnigen", Language.SV)).isEqualTo("hur gör vi kartläggningen");
        assertThat(spelling.correct("violance prevension", Language.EN)).isEqualTo("violence prevention");
        assertThat(spelling.correct("tredej steget", Language.SV)).isEqualTo("tredje steget");
    }

    @Test
    void compoundWrittenApart_isJoinedIntoThePassagesWord_unlessThePassagesWriteTheWordsApartToo() {
        QuestionSpelling s = swedishOnly(
                "Lägesbilden visar våldet. Styrgruppen beslutar. Styrgruppen ser en bild av läget. Hela kommunen deltar.");

        assertThat(s.correct("vad är en lages bilden", Language.SV)).isEqualTo("vad är en lägesbilden");
        assertThat(s.correct("vem sitter i styr gruppen?", Language.SV)).isEqualTo("vem sitter i styrgruppen?");
        // "hela kommunen" is written apart in the passages; "en bild" joined would be no passage word.
        assertThat(s.correct("hela kommunen och en bild", Language.SV)).isEqualTo("hela kommunen och en bild");
        // Two words joined across punctuation are two words.
        assertThat(s.correct("styr, gruppen", Language.SV)).isEqualTo("styr, gruppen");
    }

    @Test
    void knownAndShortAndFarOffWords_areLeftAlone() {
        assertThat(spelling.correct("Kartläggning i Outlook, väder och MVP!", Language.SV))
                .isEqualTo("Kartläggning i Outlook, väder och MVP!");
        // "valt" is one letter from "våld" folded ("vald"), but short words are not guessed at.
        assertThat(spelling.correct("vi har valt", Language.SV)).isEqualTo("vi har valt");
    }

    @Test
    void rareUnaccentedTwinOfACommonWord_isReadAsTheCommonWord() {
        QuestionSpelling s = swedishOnly("Våld är vanligt. Våld i hemmet. Våld mot barn. Våld på nätet. Våld och hot. "
                + "Våld kan förebyggas. Våld syns. Våld kostar. Våld skadar. Våld är ett brott. Hon blev vald till ordförande.");

        assertThat(s.correct("vad ar vald", Language.SV)).isEqualTo("vad är våld");
        assertThat(s.correct("ordförande", Language.SV)).isEqualTo("ordförande");
    }

    @Test
    void commonUnaccentedWord_staysEvenWhenAnAccentedTwinExists() {
        QuestionSpelling s = swedishOnly("De andra kommunerna och andra aktörer gör andra saker. Vi kan ändra planen.");

        assertThat(s.correct("de andra kommunerna", Language.SV)).isEqualTo("de andra kommunerna");
    }

    @Test
    void cueWord_isLeftAsWrittenEvenWhenAPassageWordIsOneLetterOff() {
        QuestionSpelling s = new QuestionSpelling(List.of(passage("a", Language.SV, "Vi räknar med att kartläggningen tar tid.")),
                Set.of("raknas"));

        assertThat(s.correct("vad räknas som våld", Language.SV)).isEqualTo("vad räknas som våld");
    }

    @Test
    void eachLanguageUsesItsOwnWords() {
        assertThat(spelling.correct("vald", Language.EN)).isEqualTo("vald");
    }

    @Test
    void emptyKnowledgeBase_changesNothing() {
        assertThat(new QuestionSpelling(List.of(), Set.of()).correct("vad ar vald", Language.SV)).isEqualTo("vad ar vald");
    }

    @Test
    void unaccentedCompoundOfTwoKnownWords_getsItsAccentsBack() {
        QuestionSpelling s = swedishOnly("Primär prevention riktar sig till alla. Universell prevention är samma sak.");

        assertThat(s.correct("vad betyder primarprevention", Language.SV)).isEqualTo("vad betyder primärprevention");
        // Parts without accents to restore leave the compound as written; the compound splitter reads it.
        assertThat(s.correct("universellprevention", Language.SV)).isEqualTo("universellprevention");
    }

    @Test
    void swappedOrDoubledLetters_areCorrectedInShortWordsToo() {
        QuestionSpelling s = new QuestionSpelling(List.of(passage("a", Language.EN,
                "The ecological model has four levels. The bot answers questions.")), Set.of());

        assertThat(s.correct("what is the ecological modle", Language.EN)).isEqualTo("what is the ecological model");
        assertThat(s.correct("what does the boot do", Language.EN)).isEqualTo("what does the bot do");
        // Any other one-letter change of a short word is still left alone: "mode" is not "model".
        assertThat(s.correct("dark mode", Language.EN)).isEqualTo("dark mode");
    }

    @Test
    void aShortEverydayWord_isNotReadAsANameWithAccents() {
        QuestionSpelling s = swedishOnly("Kommunen samarbetar med Brå och med Gävleborgs län. Rådet heter Brå.");

        // "bra" (good) is not a misspelt "Brå", the name the passages always write with a capital letter.
        assertThat(s.correct("det gick bra i kommunen", Language.SV)).isEqualTo("det gick bra i kommunen");
        // A longer unaccented name is still read as the name.
        assertThat(s.correct("vad gör gavleborgs län", Language.SV)).isEqualTo("vad gör gävleborgs län");
        // Capitals at the start of a sentence say nothing about names: "Våld ..." is an ordinary word.
        assertThat(spelling.correct("vad ar vald", Language.SV)).isEqualTo("vad är våld");
    }

    @Test
    void unaccentedStopWords_areReadAsTheStopWords() {
        QuestionSpelling s = new QuestionSpelling(List.of(passage("a", Language.SV, "En lägesbild visar hur det ser ut.")),
                Set.of(), List.of("nåt", "också"));

        assertThat(s.correct("lagesbild vad ar det for nat", Language.SV)).startsWith("lägesbild").endsWith("nåt");
        assertThat(s.correct("ocksa", Language.SV)).isEqualTo("också");
    }

    @Test
    void everydayWords_areLeftAsWritten_unlessTheirAccentedTwinFillsThePassages() {
        QuestionSpelling s = new QuestionSpelling(List.of(passage("a", Language.SV,
                        "Man kallar det våld. Kontakta chefer och Brå. Ring numret. Stöd finns på konton. "
                                + "Våld i nära relationer, psykiskt våld, fysiskt våld, sexuellt våld, ekonomiskt våld, "
                                + "materiellt våld, latent våld, digitalt våld, hedersrelaterat våld och våld mot barn.")),
                Set.of(), List.of(), List.of("kollar", "förstår", "bra", "vald"));

        assertThat(s.correct("hur kollar jag det", Language.SV)).isEqualTo("hur kollar jag det");
        assertThat(s.correct("det gick bra", Language.SV)).isEqualTo("det gick bra");
        // An everyday word whose accented twin fills the passages is still read as the twin: "vald" → "våld".
        assertThat(s.correct("vald i hemmet", Language.SV)).isEqualTo("våld i hemmet");
    }

    @Test
    void anotherFormOfAPassageWord_isNotCorrectedIntoANeighbour() {
        QuestionSpelling s = swedishOnly("Cheferna och chefer i nämnder. Bidrar med konton. Ett viktigt stället.");

        // "chefen" and "nämnden" are forms of passage words (same stem), not typos of "chefer"/"nämnder".
        assertThat(s.correct("chefen i nämnden", Language.SV)).isEqualTo("chefen i nämnden");
    }

    @Test
    void aOneLetterChangeAtEitherEnd_isNotATypo_butASwapThereIs() {
        assertThat(QuestionSpelling.keepsItsEnds("kontor", "konton")).isFalse();
        assertThat(QuestionSpelling.keepsItsEnds("riktig", "viktig")).isFalse();
        assertThat(QuestionSpelling.keepsItsEnds("istället", "stället")).isFalse();
        assertThat(QuestionSpelling.keepsItsEnds("kartlaggnig", "kartlaggning")).isTrue();
        assertThat(QuestionSpelling.keepsItsEnds("modelen", "modellen")).isTrue();
        assertThat(QuestionSpelling.keepsItsEnds("tredej", "tredje")).isTrue();
        assertThat(QuestionSpelling.keepsItsEnds("rtedje", "tredje")).isTrue();
    }
}
