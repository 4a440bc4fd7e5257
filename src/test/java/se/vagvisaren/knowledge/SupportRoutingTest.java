package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * On the shipped knowledge base: a person speaking about danger or violence close to them gets the support line
 * that fits who is speaking first, and the search reads questions in everyday words (issue 15).
 */
class SupportRoutingTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults());
    }

    private static QueryResult ask(String question, String lang) {
        QueryResult result = kb.ask(question, Language.fromCode(lang));
        assertThat(result.fallback()).as("fallback for '" + question + "'").isFalse();
        return result;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "han står utanför dörren och skriker, vad gör jag|sv|stod-112",
            "he is outside my door and I'm scared|en|emergency-en",
            "jag orkar inte leva längre|sv|sjalvmordslinjen",
            "en elev har blåmärken och verkar rädd för att gå hem, vad gör jag|sv|oro-for-barn",
            "han slog mig igår och jag vågar inte gå hem|sv|kvinnofridslinjen",
            "jag blir slagen hemma vart vänder jag mig|sv|kvinnofridslinjen",
            // A child hurt by a parent gets the children's line; an adult's disclosure passed on by a manager gets the
            // victims' line, not BRIS and not 112 (the crisis check answers danger).
            "pappa slår mig och jag är rädd, vem kan jag ringa|sv|bris",
            "jag är 14 och mamma hotar mig hela tiden|sv|bris",
            "my stepdad hits me when he is drunk, who can I call|en|children-helpline-bris-en",
            "En kollega berättade att hennes man slår henne. Jag är hennes chef och vill ge henne rätt kontakter. Vart kan hon vända sig?|sv|kvinnofridslinjen",
            "One of my staff told me her husband hits her. Where can she get help?|en|support-victim-en",
    })
    void whoIsSpeaking_getsTheirSupportLineFirst(String question, String lang, String expected) {
        QueryResult result = ask(question, lang);

        assertThat(result.best().id()).isEqualTo(expected);
        assertThat(result.answers()).extracting(KnowledgeAnswer::id)
                .doesNotContain("valj-att-sluta", "support-uses-violence-en");
    }

    @Test
    void someoneWhoFearsTheyWillHit_stillGetsTheLineForUsers() {
        assertThat(ask("jag är rädd att jag ska slå min sambo", "sv").best().id()).isEqualTo("valj-att-sluta");
    }

    @Test
    void aStaffQuestionThatSaysAfraid_stillGetsItsTopic() {
        // "rädd" makes the asker afraid, but the question is about the mapping, not about a partner.
        assertThat(ask("jag är rädd att vår kartläggning av våldet blir fel", "sv").best().id()).startsWith("steg-2");
    }

    @Test
    void theHandbookAsContext_isNotTheTopic() {
        assertThat(ask("vad är våld enligt handboken, är det bara slag?", "sv").best().id()).isIn("vad-ar-vald", "valdsformer");
        assertThat(ask("what is violence according to the handbook", "en").best().id()).isEqualTo("what-is-violence-en");
        // Without another word the handbook is the topic.
        assertThat(ask("vad står i handboken", "sv").best().id()).startsWith("handbok").isNotEqualTo("vad-ar-vald");
    }

    @Test
    void aWordWithManySynonyms_doesNotOutweighTheRestOfTheQuestion() {
        // "våldsförebyggande" has four synonyms and three parts; "ansvarar för vad" decides.
        assertThat(ask("vem ansvarar för vad i det våldsförebyggande arbetet", "sv").best().id()).isEqualTo("roller-oversikt");
    }

    @Test
    void everydayWordsForATopic_findItThroughThePassagesOtherPhrasings() {
        // Neither "bocka av" nor "funkar" is in the passages' texts; their "asked" lists have such phrasings.
        assertThat(ask("har MVP utvärderats, funkar det?", "sv").best().id()).isEqualTo("mvp-utvardering");
        assertThat(ask("det gick bra i västerbotten, varför?", "sv").answers()).extracting(KnowledgeAnswer::id)
                .doesNotContain("bra");
    }
}
