package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyCommandsTest {

    private final PrivacyCommands commands = new PrivacyCommands(SafeguardingFixtures.dialogs());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "radera mina uppgifter | privacy_erase",
            "Radera mina uppgifter, tack! | privacy_erase",
            "kan du radera alla mina uppgifter? | privacy_erase",
            "ta bort mina uppgifter | privacy_erase",
            "ta bort all min data | privacy_erase",
            "raddera mina uppgiter | privacy_erase",
            "RADERA MINA UPPGIFTER | privacy_erase",
            "glöm mig | privacy_erase",
            "glom mig | privacy_erase",
            "delete my data | privacy_erase",
            "Please erase all my personal data | privacy_erase",
            "remove my information | privacy_erase",
            "forget me | privacy_erase",
            "visa mina uppgifter | privacy_export",
            "visa mina uppgifer | privacy_export",
            "kan jag få en kopia av mina uppgifter? | privacy_export",
            "vad har du sparat om mig? | privacy_export",
            "vad vet du om mej | privacy_export",
            "show my data | privacy_export",
            "export my data please | privacy_export",
            "what data do you have about me? | privacy_export",
            "vad sparar du? | privacy_info",
            "Vad sparar du för uppgifter? | privacy_info",
            "vad spara du | privacy_info",
            "hur länge sparas det jag skriver? | privacy_info",
            "hur lange sparas uppgifterna | privacy_info",
            "integritetspolicy | privacy_info",
            "what do you store? | privacy_info",
            "privacy | privacy_info",
            "how long do you keep my messages? | privacy_info"})
    void privacyCommand_requestInSwedishOrEnglish_isRecognised(String text, String intent) {
        assertThat(commands.privacyCommand(text)).contains(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"radera inte mina uppgifter", "ta inte bort mina uppgifter", "don't delete my data",
            "do not delete my data", "hej", "", "   ", "vad säger handboken om steg 2?",
            "påminn oss om mötet på fredag", "lägesrapport: vi har visat filmen för eleverna",
            "🙂", "<at>Vägvisaren</at>"})
    void privacyCommand_negationOrOtherTopic_isNothing(String text) {
        assertThat(commands.privacyCommand(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"visa mina uppgifter"})
    void privacyCommand_phraseInsideALongUpdate_isNotACommand(String phrase) {
        String update = "Lägesrapport från skolan: vi har haft tre träffar med eleverna om normer och grupptryck, "
                + "och på nästa möte ska vi " + phrase + " och planera vårens arbete med föräldrarna och personalen.";

        assertThat(commands.privacyCommand(update)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x"})
    void privacyCommand_nullAndTiny_isNothing(String text) {
        assertThat(commands.privacyCommand(null)).isEmpty();
        assertThat(commands.privacyCommand(text)).isEmpty();
    }
}
