package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vagvisaren.safeguarding.PersonalDataFinding.Kind.EMAIL;
import static se.vagvisaren.safeguarding.PersonalDataFinding.Kind.NAME_NEAR_VIOLENCE;
import static se.vagvisaren.safeguarding.PersonalDataFinding.Kind.PERSONNUMMER;
import static se.vagvisaren.safeguarding.PersonalDataFinding.Kind.PHONE;
import static se.vagvisaren.safeguarding.PersonalDataFinding.Kind.SAMORDNINGSNUMMER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;

class PersonalDataGuardTest {

    /** Valid test numbers: 850101-9809 (Luhn ok), samordningsnummer 850161-9814 (day 01 + 60). */
    private static final String PNR = "850101-9809";
    private static final String SNR = "850161-9814";

    private final PersonalDataGuard guard = new PersonalDataGuard(
            new GuardVocabulary(SafeguardingFixtures.dialogs()), SafeguardingFixtures.replyTexts());

    private List<PersonalDataFinding.Kind> kinds(String text) {
        return guard.scan(text).stream().map(PersonalDataFinding::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"850101-9809", "8501019809", "19850101-9809", "198501019809", "850101+9809",
            "19850101 9809", "850101.9809", "8 5 0 1 0 1 - 9 8 0 9", "19 85 01 01 98 09"})
    void scan_personnummerInEveryLayout_isFound(String number) {
        assertThat(kinds("Klientens nummer är " + number + " enligt journalen")).containsExactly(PERSONNUMMER);
    }

    @Test
    void scan_personnummer_reportsOffsetsInTheOriginalText() {
        String text = "pnr " + PNR + " ok";

        assertThat(guard.scan(text)).containsExactly(new PersonalDataFinding(PERSONNUMMER, 4, 4 + PNR.length()));
    }

    /** Issue 16: people mistype, so the written form with a real date counts whatever the last digit. */
    @ParameterizedTest
    @ValueSource(strings = {"850101-9800", "19850101-9800", "850101+9800", "850101 9800", "850101 - 9800",
            "198501019800", "20120514-3381", "１９８５０１０１-９８００", "١٩٨٥٠١٠١-٩٨٠٠", "۸۵۰۱۰۱-۹۸۰۰",
            "8501\u200B01-98\u200D00", "19850101\u2060\u00AD-9800"})
    void scan_writtenFormWithWrongCheckDigit_isStillAPersonnummer(String number) {
        assertThat(kinds("Klientens nummer är " + number + " enligt journalen")).containsExactly(PERSONNUMMER);
    }

    @Test
    void scan_samordningsnummerWithWrongCheckDigit_isStillFound() {
        assertThat(kinds("samordningsnummer 850161-9815")).containsExactly(SAMORDNINGSNUMMER);
        assertThat(kinds("samordningsnummer 19850192-1111")).as("day 92 is 32 + 60: no date").isEmpty();
    }

    @Test
    void scan_bareTenDigits_needTheCheckDigitUnlessAnnouncedAsPersonnummer() {
        assertThat(kinds("Ordern 8501019800 levererades")).as("bare, wrong check digit").isEmpty();
        assertThat(kinds("Ordern 8501019809 levererades")).as("bare, right check digit").containsExactly(PERSONNUMMER);
        assertThat(kinds("Barnets pnr är 8501019800")).containsExactly(PERSONNUMMER);
        assertThat(kinds("personnumret till eleven: 8501019800")).containsExactly(PERSONNUMMER);
        assertThat(kinds("kundnummer 12345678901234 och 8501019800123")).as("inside longer numbers").isEmpty();
        assertThat(kinds("8 5 0 1 0 1 9 8 0 0")).as("spaced out one by one, wrong check digit")
                .doesNotContain(PERSONNUMMER);
    }

    @Test
    void scan_writtenFormAfterAReferenceWord_needsTheCheckDigit() {
        assertThat(kinds("Ärende 20261103-0042 är avslutat")).isEmpty();
        assertThat(kinds("Faktura 20261204 1530 kr")).isEmpty();
        assertThat(kinds("ärende 19850101-9809")).containsExactly(PERSONNUMMER);
    }

    @Test
    void scan_centenarianPlusSign_isABirthMoreThanHundredYearsAgo() {
        assertThat(kinds("brukaren 241224+2287 på boendet")).containsExactly(PERSONNUMMER);
        assertThat(kinds("brukaren 000229+1234")).as("1900 was no leap year").isEmpty();
        assertThat(kinds("brukaren 000229-1234")).as("2000 was").containsExactly(PERSONNUMMER);
    }

    @Test
    void scan_twelveDigitsWithFutureBirthDate_needTheCheckDigit() {
        PersonalDataGuard onFourthDecember = new PersonalDataGuard(new GuardVocabulary(SafeguardingFixtures.dialogs()),
                SafeguardingFixtures.replyTexts(), java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T10:00:00Z"),
                        java.time.ZoneOffset.UTC));

        assertThat(onFourthDecember.scan("nummer 20261204-1530")).hasSize(1);
        assertThat(onFourthDecember.scan("nummer 20261205-1530")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"850132-9809", "851301-9809", "19850101-98091", "2024-05-06",
            "212000-2411", "556036-0793", "19990229-1234", "850100-1234"})
    void scan_impossibleDateOrOrganisationNumber_isNotAPersonnummer(String number) {
        assertThat(kinds("Nummer " + number + " i ärendet")).doesNotContain(PERSONNUMMER, SAMORDNINGSNUMMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mötet är 2026-12-04 kl 13.00–15.00", "Vecka 2026-W49", "v. 49 (2026-12-01 – 2026-12-05)",
            "Diarienummer KS 2025/123", "Dnr SN 2024/0456-12", "Budget 1 250 000 kr", "12 500 000 kronor",
            "kl 08:30-10:00 och 13:15-16:45", "kl 0830-1000", "öppet 0900-1130", "rapporten 2026-11-30 09:14",
            "Mötestid 20261204 1030-1200", "Projektkod 2026-0412-33",
            "Swisha till 123 456 78 90", "ISBN 978-91-7343-123-4", "Bankgiro 5050-1055",
            "Kvinnofridslinjen 020-50 50 50, BRIS 116 111, Självmordslinjen 90101, Välj att sluta 020-555 666"})
    void scan_datesWeeksCaseNumbersAmountsTimesAndSupportLines_areNotPersonalData(String text) {
        assertThat(guard.scan(text)).isEmpty();
    }

    @Test
    void scan_tenThousandCharactersWithANumberInside_isFound() {
        String filler = "Vi har arbetat vidare med handlingsplanen och kartläggningen. ";
        String text = filler.repeat(80) + "Pnr 19850101-9800. " + filler.repeat(100);
        String exactly = text.substring(0, 10_000);
        assertThat(exactly).contains("19850101-9800");

        List<PersonalDataFinding> found = guard.scan(exactly);

        assertThat(found).extracting(PersonalDataFinding::kind).containsExactly(PERSONNUMMER);
        assertThat(exactly.substring(found.get(0).start(), found.get(0).end())).isEqualTo("19850101-9800");
    }

    @Test
    void scan_leapDay_isValidOnlyInLeapYears() {
        assertThat(kinds("född 20000229-9857")).containsExactly(PERSONNUMMER);
        assertThat(kinds("född 780229-9847")).isEmpty();
    }

    @Test
    void scan_samordningsnummer_isTellApartFromPersonnummer() {
        assertThat(kinds("samordningsnummer " + SNR)).containsExactly(SAMORDNINGSNUMMER);
        assertThat(kinds("samordningsnummer 19" + SNR)).containsExactly(SAMORDNINGSNUMMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"070-174 06 05", "0701740605", "070 174 06 05", "+46 70 174 06 05", "+46701740605",
            "0046 70 174 06 05", "+46 (0)70-174 06 05", "08-465 004 00", "08-46 50 04 00", "031-390 06 00",
            "0920-123 45", "(08) 465 004 03", "0 7 0 1 7 4 0 6 0 5"})
    void scan_swedishPhoneNumber_isFound(String number) {
        assertThat(kinds("Ring " + number + " ikväll")).containsExactly(PHONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ring 112", "Kvinnofridslinjen 020-50 50 50", "BRIS 116 111", "Brottsofferjouren 116 006",
            "Polisen 114 14", "Välj att sluta 020-555 666", "Självmordslinjen 90101", "1177", "+46 20 50 50 50",
            "kl 08.30-10.00", "1 250 000 kr", "dnr 0456-2023", "KS 2023/0456", "den 06-05-2024",
            "2024-01-01 - 2024-12-31", "version 3.5.16", "192.168.0.1", "931 85 Skellefteå"})
    void scan_supportNumbersDatesAmountsAndReferences_areNotPersonalData(String text) {
        assertThat(guard.scan(text)).isEmpty();
    }

    @Test
    void scan_crisisReplyText_passesUnchanged() {
        CrisisCheck check = new CrisisCheck(new DangerPhrases(SafeguardingFixtures.dialogs()),
                SafeguardingFixtures.replyTexts(), new SimpleMeterRegistry());
        for (Language language : Language.values()) {
            String reply = check.respond(SafeguardingFixtures.personal("jag vill dö, min man slår mig och pappa slår barnen, jag slår min fru", language),
                    null).get(0).text();

            assertThat(guard.scan(reply)).as(reply).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.andersson@kommun.se", "KALLE@Example.COM", "anna @ kommun.se", "anna＠kommun．se",
            "anna at kommun dot se", "anna (at) kommun (dot) se", "anna [at] kommun [dot] se",
            "anna snabel-a kommun punkt se"})
    void scan_emailAddressAlsoSpelledOut_isFound(String address) {
        assertThat(kinds("Mejla " + address + " i morgon")).containsExactly(EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@Vägvisaren hej", "kommun.se/vald", "we met at the office", "look at this dot",
            "vi ses at 10"})
    void scan_mentionsUrlsAndTheWordAt_areNotEmail(String text) {
        assertThat(kinds(text)).doesNotContain(EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Igår slog Ahmed sin fru", "Hon sa att Johan hotade henne", "anna blev misshandlad",
            "Jag tror att Dragan kontrollerar sin fru", "Emily was abused by her stepfather",
            "we think Kevin hits his girlfriend", "Vi vet att Åsa blev slagen", "misshandeln av Leila anmäldes"})
    void scan_nameNextToViolenceWord_isFound(String text) {
        assertThat(kinds(text)).containsExactly(NAME_NEAR_VIOLENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna håller i mötet på fredag", "Enligt Brå ökar misshandel", "Polisen hotar ingen",
            "I Umeå ökade misshandeln", "Norsjö kommun arbetar mot misshandel", "Anna slog fast tidsplanen",
            "Johan kontrollerar närvarolistan", "Kvinnofridslinjen tar emot samtal om våldtäkt",
            "Lars hit the deadline with his report", "björn slog henne", "Mikael hotade att sluta"})
    void scan_namesWithoutViolenceOrViolenceWithoutNames_isNothing(String text) {
        assertThat(kinds(text)).isEmpty();
    }

    @Test
    void scan_nameWithSurname_coversBoth() {
        String text = "Lärarna tror att Kerstin Holm misshandlar sin son";

        PersonalDataFinding finding = guard.scan(text).get(0);

        assertThat(text.substring(finding.start(), finding.end())).isEqualTo("Kerstin Holm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"１９８５０１０１-９８０９", "19850101\u200B-\u200B9809", "l985O1O1-98O9", "19850101–9809",
            "19850101\u00A0-\u00A09809", "١٩٨٥٠١٠١-٩٨٠٩", "1\u200B9\u200B8\u200B5\u200B0\u200B1\u200B0\u200B1\u200B9\u200B8\u200B0\u200B9",
            "1 9 8 5 0 1 0 1 9 8 0 9", "1\u0332985\u03320101-9809"})
    void scan_bypassWithUnicodeLookAlikesOrSpacing_guardHolds(String disguised) {
        String text = "Här är numret: " + disguised + " tack";

        List<PersonalDataFinding> findings = guard.scan(text);

        assertThat(findings).extracting(PersonalDataFinding::kind).containsExactly(PERSONNUMMER);
        assertThat(guard.redact(text)).doesNotContainPattern("[0-9０-９٠-٩]{2}").contains("[personnummer]");
    }

    @Test
    void scan_cyrillicLettersInName_stillFound() {
        assertThat(kinds("Hon sa att Јоhаn hotade henne")).containsExactly(NAME_NEAR_VIOLENCE);
    }

    @Test
    void redact_keepsEverythingElseAndUsesPlaceholdersInTheReplyLanguage() {
        String text = "Ring Kvinnofridslinjen 020-50 50 50. Klienten " + PNR + " nås på 070-174 06 05 eller anna@kommun.se.";

        assertThat(guard.redact(text)).isEqualTo(
                "Ring Kvinnofridslinjen 020-50 50 50. Klienten [personnummer] nås på [telefonnummer] eller [e-postadress].");
        assertThat(guard.redact(text, Language.EN)).contains("[personal identity number]", "[phone number]", "[e-mail address]");
        assertThat(guard.redact("Inget känsligt här.")).isEqualTo("Inget känsligt här.");
    }

    @Test
    void redactReply_userTriesToMakeTheBotRepeatPersonalDataIntoAChannel_textAndCardAreCleaned() {
        ObjectNode card = CardTemplates.emptyCard();
        card.withArray("body").addObject().put("type", "TextBlock").put("text", "Sparat: Johan slog henne, tel 070-174 06 05");
        card.withArray("actions").addObject().put("type", "Action.Submit").put("title", "OK")
                .putObject("data").put("verb", "progress.undo").put("id", "0701740605");
        Reply echo = new Reply("Du skrev: mitt personnummer är " + PNR, card, false);

        Reply cleaned = guard.redact(echo, Language.SV);

        assertThat(cleaned.text()).doesNotContain(PNR).contains("[personnummer]");
        String cardText = cleaned.card().toString();
        assertThat(cardText).doesNotContain("Johan", "070-174").contains("[namn]", "[telefonnummer]");
        assertThat(cleaned.card().at("/actions/0/data/id").asText()).as("card data holds ids, not text").isEqualTo("0701740605");
        assertThat(echo.card().toString()).as("original untouched").contains("Johan");
    }

    @Test
    void warning_namesKindsButNeverTheData() {
        String text = "Klienten " + PNR + " nås på 070-174 06 05";

        String warning = guard.warning(guard.scan(text), Language.SV);

        assertThat(warning).contains("ett personnummer och ett telefonnummer").doesNotContain(PNR, "070");
        assertThat(guard.warning(guard.scan(text), Language.EN)).contains("a Swedish personal identity number and a phone number");
        assertThatThrownBy(() -> guard.warning(List.of(), Language.SV)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findings_neverCarryTheMatchedText() {
        PersonalDataFinding finding = guard.scan("pnr " + PNR).get(0);

        assertThat(finding.toString()).doesNotContain("9809");
    }

    @Test
    void scan_emptyNullHugeAndHostileInput_neverFails() {
        assertThat(guard.scan(null)).isEmpty();
        assertThat(guard.scan("")).isEmpty();
        assertThat(guard.scan("🙂\uD83D<script>alert('x')</script>'; DROP TABLE t;--")).isEmpty();
        String huge = "a.".repeat(200_000) + "@" + "1-".repeat(100_000) + " Johan slog henne " + PNR;
        assertThat(kinds(huge)).contains(PERSONNUMMER, NAME_NEAR_VIOLENCE);
        assertThat(guard.scan("0".repeat(50_000))).isEmpty();
    }

    @Test
    void scan_severalKindsInOneText_foundInTextOrder() {
        String text = "Klienten Anna (" + PNR + ") hotades av Lars, ring 070-174 06 22 eller lars@example.se";

        assertThat(kinds(text)).containsExactly(NAME_NEAR_VIOLENCE, PERSONNUMMER, NAME_NEAR_VIOLENCE, PHONE, EMAIL);
    }
}
