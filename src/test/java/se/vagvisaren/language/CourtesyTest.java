package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentSource;

/** The shipped greetings, thanks and sign-offs ({@code dialogs/language/courtesy.yaml}) and bad files. */
class CourtesyTest {

    private static final Courtesy SHIPPED = Courtesy.load(new ContentSource("dialogs", Path.of("dialogs")));

    private static String stripped(String message) {
        return SHIPPED.strip(message).strip().replaceAll("\\s+", " ");
    }

    @Test
    void openingGreetingsAndQuestionAnnouncements_go() {
        assertThat(stripped("Hejsan! Snabb fråga: vad är steg 3?")).isEqualTo("vad är steg 3?");
        assertThat(stripped("Hej allihop, vad står MVP för")).isEqualTo("vad står MVP för");
        assertThat(stripped("God morgon! Jag har en kort fråga. Vilka är de fem stegen?")).isEqualTo("Vilka är de fem stegen?");
        assertThat(stripped("Hi there, quick question: what is the violence pyramid?")).isEqualTo("what is the violence pyramid?");
        assertThat(stripped("Tack för svaret! Och vad händer i steg 4?")).isEqualTo("Och vad händer i steg 4?");
        assertThat(stripped("tjena! allt bra med dig i dag? vad är en lägesbild")).isEqualTo("vad är en lägesbild");
    }

    @Test
    void openingsThatOnlyFrameTheQuestion_go_butTheQuestionWordStays() {
        assertThat(stripped("Jag skulle vilja veta vad MVP är")).isEqualTo("vad MVP är");
        assertThat(stripped("Vet du vad steg 3 handlar om?")).isEqualTo("vad steg 3 handlar om?");
        assertThat(stripped("Kan du berätta om steg 3")).isEqualTo("steg 3");
        assertThat(stripped("I'd like to know what MVP stands for")).isEqualTo("what MVP stands for");
        assertThat(stripped("Could you please explain the violence pyramid")).isEqualTo("the violence pyramid");
        // A request is no framing.
        assertThat(stripped("kan du påminna mig på fredag")).isEqualTo("kan du påminna mig på fredag");
    }

    @Test
    void thanksSignaturesAndEmoticonsAtTheEnd_go() {
        assertThat(stripped("vad är steg 3? tack på förhand /Anna")).isEqualTo("vad är steg 3?");
        assertThat(stripped("Vilka stödlinjer finns? Tack! :)")).isEqualTo("Vilka stödlinjer finns?");
        assertThat(stripped("Vilka stödlinjer finns, tack så mycket")).isEqualTo("Vilka stödlinjer finns");
        assertThat(stripped("which helplines are there? thank you so much!")).isEqualTo("which helplines are there?");
        assertThat(stripped("vad gör styrgruppen? Mvh Karin Ek")).isEqualTo("vad gör styrgruppen?");
        assertThat(stripped("what does the steering group do? thanks in advance, cheers")).isEqualTo("what does the steering group do?");
        assertThat(stripped("Vad är primärprevention?\n\nMed vänliga hälsningar\nJohan")).isEqualTo("Vad är primärprevention?");
    }

    @Test
    void aMessageThatIsOnlyCourtesy_staysAsItIs_soThanksAndGreetingsAreStillUnderstood() {
        assertThat(SHIPPED.strip("Tack så mycket!")).isEqualTo("Tack så mycket!");
        assertThat(SHIPPED.strip("hej")).isEqualTo("hej");
        assertThat(SHIPPED.strip("hej då")).isEqualTo("hej då");
        assertThat(SHIPPED.strip(":)")).isEqualTo(":)");
    }

    @Test
    void courtesyWordsInsideWhatIsSaid_stay() {
        // "tack" in the middle, a slash between words, "best" as an answer word: all part of the question.
        assertThat(stripped("hur tackar man nej till en inbjudan från länsstyrelsen")).contains("tackar");
        assertThat(stripped("vad säger handboken om kvinnor / män")).isEqualTo("vad säger handboken om kvinnor / män");
        assertThat(stripped("which approach works best")).isEqualTo("which approach works best");
        assertThat(stripped("fråga om steg 3")).isEqualTo("fråga om steg 3");
    }

    @Test
    void strippingKeepsThePositionsAndAccentsOfTheRest() {
        String message = "Hej! Vad är våldspyramiden? Tack!";
        String rest = SHIPPED.strip(message);
        assertThat(rest).hasSameSizeAs(message);
        assertThat(rest.indexOf("våldspyramiden")).isEqualTo(message.indexOf("våldspyramiden"));
    }

    @Test
    void anyText_neverThrows() {
        assertThat(SHIPPED.strip(null)).isNull();
        assertThat(SHIPPED.strip("")).isEmpty();
        assertThat(SHIPPED.strip("🙂🙂")).isEqualTo("🙂🙂");
        assertThat(SHIPPED.strip("a".repeat(5_000) + " tack")).startsWith("aaaa");
        // Thousands of repeated courtesy words, with and without a question after them: no runaway matching.
        assertThat(SHIPPED.strip("tack ".repeat(1_000) + "vad är MVP")).endsWith("vad är MVP");
        assertThat(SHIPPED.strip("vad är MVP " + "tack ".repeat(1_000)).strip()).isEqualTo("vad är MVP");
        assertThat(SHIPPED.strip("hej ".repeat(1_000) + "vad är MVP")).contains("vad är MVP");
        assertThat(Courtesy.NONE.strip("Hej! vad är MVP?")).isEqualTo("Hej! vad är MVP?");
    }

    @Test
    void missingFile_stripsNothing(@TempDir Path dir) {
        assertThat(Courtesy.load(new ContentSource("dialogs", dir))).isSameAs(Courtesy.NONE);
    }

    @Test
    void brokenFiles_nameTheFileAndWhatIsWrong(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Courtesy.parse("patterns: ['^(hej'] ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Courtesy.FILE).hasMessageContaining("^(hej");
        assertThatThrownBy(() -> Courtesy.parse("greetings: [hej]")).hasMessageContaining("needs 'patterns:'");
        assertThatThrownBy(() -> Courtesy.parse("patterns: [[hej]]")).hasMessageContaining("must be a string");
        Files.createDirectories(dir.resolve("language"));
        Files.writeString(dir.resolve(Courtesy.FILE), "patterns: [unclosed");
        assertThatThrownBy(() -> Courtesy.load(new ContentSource("dialogs", dir))).hasMessageContaining("not valid YAML");
    }
}
