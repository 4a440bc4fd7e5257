package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * A long message that describes a situation before it asks gets the passage that fits, although that passage
 * covers a small share of its words; short questions keep the full floor, so off-topic ones still fall back.
 */
class CoverageFloorTest {

    private static KnowledgeBase shipped;

    @BeforeAll
    static void loadTheShippedKnowledge() {
        shipped = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults());
    }

    @Test
    void shortQuestion_keepsTheConfiguredFloorAndTheUnseenShare() {
        assertThat(CoverageFloor.of(0.35, 0.0, 3, true)).isEqualTo(0.35);
        assertThat(CoverageFloor.of(0.35, 0.6, CoverageFloor.SHORT_QUESTION_WORDS, true)).isEqualTo(0.6);
    }

    @Test
    void longQuestion_floorFallsWithItsLength_neverBelowTheLowest() {
        assertThat(CoverageFloor.of(0.35, 0.0, 12, true)).isCloseTo(0.175, within(1e-9));
        assertThat(CoverageFloor.of(0.35, 0.6, 12, true)).isCloseTo(0.3, within(1e-9));
        assertThat(CoverageFloor.of(0.35, 0.0, 60, true)).isEqualTo(CoverageFloor.LOWEST);
    }

    @Test
    void otherLanguage_keepsItsStricterFloorHoweverLong() {
        assertThat(CoverageFloor.of(0.7, 0.0, 40, false)).isEqualTo(0.7);
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
        assertThat(best("I work at the front desk of the town library and a regular visitor, a young mum, has started "
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

    private static String best(String question, Language language) {
        QueryResult result = shipped.ask(question, language);
        assertThat(result.fallback()).as("fallback for: " + question).isFalse();
        return result.best().id();
    }
}
