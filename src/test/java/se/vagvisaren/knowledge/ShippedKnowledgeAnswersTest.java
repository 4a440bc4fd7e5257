package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Courtesy;

/**
 * The shipped knowledge base answers the kinds of message that fresh question sets showed it missing: long
 * messages that describe a situation before they ask (answered, although the passage that fits covers a small
 * share of their words, {@link CoverageFloor}), bare terms ("MVP??": the passage named by the term, not one that
 * mentions it often) and disclosures passed on by staff (victim support, never the line for people who use
 * violence). The questions here are written for this test, not taken from a question set.
 */
class ShippedKnowledgeAnswersTest {

    private static KnowledgeBase shipped;

    @BeforeAll
    static void loadTheShippedKnowledge() {
        shipped = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults());
    }

    @Test
    void situationFirstMessages_getThePassageThatFits() {
        assertThat(best("Jag jobbar på ett gruppboende och en av de boende berättade igår att hennes bror tar hennes "
                + "pengar och skriker åt henne varje helg. Jag vet inte om det räknas. Vilka former av våld finns det?",
                Language.SV)).isEqualTo("valdsformer");
        assertThat(best("Vi är några kollegor på kulturförvaltningen som ska ordna en temadag för personalen i vår, och "
                + "chefen vill att vi tar upp hur man kan ingripa när man ser något. Vi har aldrig gjort något sådant. "
                + "Vad är en aktiv åskådare?", Language.SV)).isEqualTo("aktiv-askadare");
        // A disclosure passed on by staff: victim support first, never the line for people who use violence.
        assertThat(best("I work at the front desk of the town library and a regular visitor, a woman in her thirties, has started "
                + "coming in with bruises and says her husband gets angry when she goes out. I don't know whether I "
                + "should say anything. Where could she call for support?", Language.EN)).isEqualTo("support-victim-en");
    }

    @Test
    void longOffTopicMessages_stillFallBack() {
        assertThat(shipped.ask("Hej! Jag har precis flyttat hit och undrar hur man gör för att få parkeringstillstånd "
                + "vid stadshuset, och om det går att betala med kort eller bara med appen. Tack på förhand!",
                Language.SV).fallback()).isTrue();
        assertThat(shipped.ask("Vi ska ha julbord med hela arbetslaget den tolfte december och jag är ansvarig för att "
                + "boka lokal och mat, men budgeten är liten och halva gruppen är vegetarianer. Har du några tips på hur "
                + "jag lägger upp det?", Language.SV).fallback()).isTrue();
    }

    @Test
    void greetingsAndSignOffs_changeNothing() {
        KnowledgeBase polite = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")),
                KnowledgeProperties.defaults(), () -> Courtesy.load(new ContentSource("dialogs", Path.of("dialogs"))));
        for (String[] pair : new String[][] {
                {"Hejsan! Snabb fråga: vad ska en åtgärdsplan innehålla? Tack på förhand! /Anna", "vad ska en åtgärdsplan innehålla"},
                {"God morgon allihop, vilka kommuner var med i Gävleborg? Mvh Karin", "vilka kommuner var med i Gävleborg"},
                {"Hi there, quick question: what does the steering group do? Thanks in advance :)", "what does the steering group do"}}) {
            Language lang = pair[1].startsWith("what") ? Language.EN : Language.SV;
            assertThat(polite.ask(pair[0], lang).best().id()).as(pair[0]).isEqualTo(best(pair[1], lang));
        }
    }

    @Test
    void aSituationBeforeAQuestionThatNamesATopic_doesNotMakeItAHandOff() {
        // The situation's words ("APT", "jargongen", "fikarummet") are in no passage; the question names one.
        assertThat(best("Jag är enhetschef och jargongen i fikarummet har blivit grov. Vi har APT på torsdag. Kan jag "
                + "använda våldspyramiden där?", Language.SV)).isEqualTo("valdspyramiden");
        // An everyday question after an off-topic situation stays a hand-off: the situation is the topic.
        assertThat(shipped.ask("Min dator har krånglat hela veckan och startar inte. Vem ska jag vända mig till?",
                Language.SV).fallback()).isTrue();
        assertThat(shipped.ask("The printer on the second floor is broken again. Who is responsible?",
                Language.EN).fallback()).isTrue();
    }

    @Test
    void bareTerm_getsThePassageTheTermNames() {
        assertThat(best("MVP?!", Language.EN)).isEqualTo("mvp-en");
        assertThat(best("wat is MVP", Language.EN)).isEqualTo("mvp-en");
        // "violence" begins the title "Violence in close relationships (…)", but that passage is not named by it.
        assertThat(best("what is violence according to the handbook", Language.EN)).isEqualTo("what-is-violence-en");
    }

    private static String best(String question, Language language) {
        QueryResult result = shipped.ask(question, language);
        assertThat(result.fallback()).as("fallback for: " + question).isFalse();
        return result.best().id();
    }
}
