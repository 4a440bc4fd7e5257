package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.safeguarding.SafeguardingFixtures.channel;
import static se.vagvisaren.safeguarding.SafeguardingFixtures.personal;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;

class CrisisCheckTest {

    private static final DangerPhrases PHRASES = new DangerPhrases(SafeguardingFixtures.dialogs());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CrisisCheck check = new CrisisCheck(PHRASES, SafeguardingFixtures.replyTexts(), meters);

    static Stream<JsonNode> labelledPhrases() {
        return SafeguardingFixtures.jsonLines("crisis-phrases.jsonl").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelledPhrases")
    void familiesIn_labelledMessage_findsItsFamilyOrNothing(JsonNode example) {
        String text = example.get("text").asText();
        List<String> found = PHRASES.familiesIn(text).stream().map(DangerPhrases.Family::id).toList();

        if (example.get("family").isNull()) {
            assertThat(found).as("no crisis expected in '%s'", text).isEmpty();
        } else {
            assertThat(found).as("families found in '%s'", text).contains(example.get("family").asText());
        }
    }

    @Test
    void labelledPhrases_coverEveryFamilyInBothLanguages() {
        List<String> families = new ArrayList<>();
        labelledPhrases().filter(e -> !e.get("family").isNull()).forEach(e -> families.add(e.get("family").asText()));

        assertThat(families).contains("violence", "fear", "child", "self_harm", "uses_violence", "help_now");
        assertThat(labelledPhrases().count()).isGreaterThan(100);
    }

    /**
     * Sentences written after the phrase list was frozen, never tuned on. The phrase list is the safety
     * net behind the NLU's {@code urgent_help} intent; docs/safeguarding.md reports the figures.
     */
    @Test
    void familiesIn_heldOutSentences_reportsRecallAndFalseAlarms() {
        List<JsonNode> rows = SafeguardingFixtures.jsonLines("crisis-holdout.jsonl");
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        int positives = 0;
        for (JsonNode row : rows) {
            String text = row.get("text").asText();
            boolean expected = row.get("crisis").asBoolean();
            boolean found = !PHRASES.familiesIn(text).isEmpty();
            positives += expected ? 1 : 0;
            if (expected && !found) {
                missed.add(text);
            } else if (!expected && found) {
                falseAlarms.add(text);
            }
        }
        int negatives = rows.size() - positives;
        System.out.printf("crisis-holdout: recall %d/%d, false alarms %d/%d%nmissed: %s%nfalse alarms: %s%n",
                positives - missed.size(), positives, falseAlarms.size(), negatives, missed, falseAlarms);

        assertThat((double) (positives - missed.size()) / positives).as("missed: %s", missed).isGreaterThanOrEqualTo(0.9);
        assertThat(falseAlarms.size()).as("false alarms: %s", falseAlarms).isLessThanOrEqualTo(2);
    }

    @Test
    void respond_ordinaryQuestion_returnsNothing() {
        List<Reply> replies = check.respond(personal("Vad säger handboken om steg 2?", Language.SV),
                RecognizedIntent.of("handbook_question"));

        assertThat(replies).isEmpty();
    }

    @Test
    void respond_urgentHelpIntentWithoutPhrase_givesAllNumbersAnd112() {
        List<Reply> replies = check.respond(personal("något hemskt händer hos grannen", Language.SV),
                RecognizedIntent.of("urgent_help"));

        assertThat(replies).hasSize(1);
        String text = replies.get(0).text();
        assertThat(text).contains("chattbot", "inte ge akut stöd", "112", "020-50 50 50", "116 111",
                "116 006", "114 14", "020-555 666", "socialtjänsten");
        assertThat(text).doesNotContain("crisis.");
    }

    @Test
    void respond_disclosureOfViolence_givesVictimNumbersWithoutChildHint() {
        String text = check.respond(personal("min man slår mig", Language.SV), null).get(0).text();

        assertThat(text).startsWith("Jag är en chattbot och kan inte ge akut stöd. Är någon i fara just nu – ring **112**.");
        assertThat(text).contains("Kvinnofridslinjen 020-50 50 50", "Brottsofferjouren 116 006", "Polisen 114 14");
        assertThat(text).doesNotContain("socialtjänsten", "Välj att sluta");
    }

    @Test
    void respond_childMayBeHarmed_putsBrisFirstAndGivesStaffHint() {
        String text = check.respond(personal("en elev berättade att pappa slår henne", Language.SV), null).get(0).text();

        assertThat(text).contains("BRIS 116 111", "följ din kommuns rutin och gör en anmälan till socialtjänsten");
        assertThat(text.indexOf("BRIS")).isLessThan(text.indexOf("Kvinnofridslinjen"));
    }

    @Test
    void respond_personUsingViolence_givesValjAttSlutaWithoutOpeningHours() {
        String text = check.respond(personal("jag är rädd att jag ska slå min sambo", Language.SV), null).get(0).text();

        String line = text.lines().filter(l -> l.contains("Välj att sluta")).findFirst().orElseThrow();
        assertThat(line).contains("020-555 666").doesNotContain("dygnet runt", "öppet", "kl");
    }

    @Test
    void respond_selfHarm_givesSuicideLine() {
        String text = check.respond(personal("I want to kill myself", Language.EN), null).get(0).text();

        assertThat(text).contains("I'm a chatbot", "112", "90101");
    }

    @Test
    void respond_englishMessage_answersInEnglish() {
        String text = check.respond(personal("my husband hits me", Language.EN), null).get(0).text();

        assertThat(text).contains("can't give urgent support", "call **112**", "Kvinnofridslinjen 020-50 50 50");
        assertThat(text).doesNotContain("Jag är");
    }

    @Test
    void respond_inChannel_offersPrivateChatAndNeverRepeatsTheMessage() {
        String message = "min man Johan slår mig, ring mig på 070-123 45 67";

        List<Reply> replies = check.respond(channel(message, Language.SV), null);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).privateToSender()).isFalse();
        assertThat(replies.get(0).text()).contains("112", "privat chatt");
        assertThat(replies.get(1).privateToSender()).isTrue();
        assertThat(replies.get(1).text()).contains("privata chatt", "112", "020-50 50 50");
        assertThat(replies).allSatisfy(r -> assertThat(r.text()).doesNotContain("Johan", "070", "slår mig"));
    }

    @Test
    void respond_inPersonalChat_sendsOneReply() {
        assertThat(check.respond(personal("jag vågar inte gå hem", Language.SV), null))
                .singleElement().satisfies(r -> assertThat(r.privateToSender()).isFalse());
    }

    @Test
    void respond_crisis_countsFamilyMetricWithoutText() {
        check.respond(personal("min man slår mig", Language.SV), null);

        assertThat(meters.counter("vagvisaren.safeguarding.crisis", "family", "violence").count()).isEqualTo(1.0);
    }

    @Test
    void respond_hugeMessageWithPhraseAtTheEnd_stillFindsIt() {
        String filler = "Vi har planerat utbildningsdagar och styrgruppsmöten. ".repeat(2_000);

        assertThat(check.respond(personal(filler + "Hjälp, min man slår mig.", Language.SV), null)).isNotEmpty();
    }

    @Test
    void respond_emptyEmojiAndMarkup_returnsNothingWithoutFailing() {
        for (String text : List.of("", "   ", "🙂🙂🙂", "<script>alert(1)</script>", "'; DROP TABLE x; --",
                "\u200B\u200B", "ا ل ع ر ب ي ة", "\uD83D")) {
            assertThat(check.respond(personal(text, Language.SV), null)).as(text).isEmpty();
        }
    }

    @Test
    void respond_spacedAndLookAlikeLetters_stillFound() {
        assertThat(check.isCrisis("min man sl\u00ADår m\u200Bіg")).isTrue();
        assertThat(check.isCrisis("MIN MAN SLÅR MIG")).isTrue();
    }

    @Test
    void onContentChanged_brokenFile_keepsPreviousPhrases(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(DangerPhrases.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "families:\n  violence:\n    lines: [polisen]\nphrases:\n  violence: [slår mig]\n", StandardCharsets.UTF_8);
        DangerPhrases phrases = new DangerPhrases(new ContentSource("dialogs", dir));

        Files.writeString(file, "families: [unclosed", StandardCharsets.UTF_8);
        phrases.onContentChanged(new ContentChanged("dialogs"));

        assertThat(phrases.familiesIn("han slår mig")).extracting(DangerPhrases.Family::id).containsExactly("violence");
    }

    @Test
    void onContentChanged_newPhrase_isUsedWithoutRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(DangerPhrases.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "families:\n  violence:\n    lines: [polisen]\nphrases:\n  violence: [slår mig]\n", StandardCharsets.UTF_8);
        DangerPhrases phrases = new DangerPhrases(new ContentSource("dialogs", dir));

        Files.writeString(file, "families:\n  violence:\n    lines: [polisen]\nphrases:\n  violence: [slår mig, knivhögg]\n", StandardCharsets.UTF_8);
        phrases.onContentChanged(new ContentChanged("dialogs"));

        assertThat(phrases.familiesIn("han knivhögg honom")).isNotEmpty();
    }

    // ---- issue 16: who is writing decides the first line; idioms beat the intent model ----------------

    private String firstLineOf(String text) {
        return check.assess(text, null).firstLine();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            jag går i sjuan och min mamma slår mig                          | bris
            min pappa slår mig                                              | bris
            mina föräldrar ska gifta bort mig i sommar                      | bris
            I'm 14 and my stepdad hits me                                   | bris
            en elev berättade att hennes pappa slår henne                   | socialtjansten
            a pupil told me her father beats her                            | socialtjansten
            en elev ska giftas bort under sommarlovet                       | socialtjansten
            en brukare säger att släkten hotar henne för att hon vanärat familjen | nationella_stodtelefonen
            min man slår mig                                                | kvinnofridslinjen
            my ex is threatening to post my nudes                           | kvinnofridslinjen
            jag slog min fru igår och vill sluta                            | valj_att_sluta
            I'm afraid I'll hurt my partner                                 | valj_att_sluta
            jag vill inte leva längre                                       | sjalvmordslinjen
            grannens barn skriker och jag hör hur någon slår dem            | socialtjansten
            """)
    void assess_speakerAndForm_putTheFittingLineFirst(String text, String expected) {
        assertThat(firstLineOf(text)).isEqualTo(expected);
    }

    @Test
    void respond_childHitByParent_neverListsTheSuicideLineFirst() {
        // "slår mig" is one key from "skar mig" (self-harm): short self-harm words match only exactly
        for (String text : List.of("min pappa slår mig", "min sambo slar mig nar han druckit", "MIN MAN SLÅR MIG")) {
            CrisisAssessment assessment = check.assess(text, null);
            assertThat(assessment.hasForm("self_harm")).as(text).isFalse();
            assertThat(assessment.firstLine()).as(text).isNotEqualTo("sjalvmordslinjen");
        }
    }

    @Test
    void order_ruleThatPutsTheSuicideLineFirstWithoutSelfHarm_isOverridden() {
        FirstLineRules rules = new FirstLineRules(List.of(new FirstLineRules.Rule(java.util.Set.of(), java.util.Set.of(),
                null, List.of("sjalvmordslinjen", "bris"))));

        assertThat(rules.order(List.of(new DangerPhrases.Family("child", List.of("bris"))), "child", true))
                .containsExactly("bris", "sjalvmordslinjen");
        assertThat(rules.order(List.of(new DangerPhrases.Family("self_harm", List.of())), "child", true))
                .startsWith("sjalvmordslinjen");
    }

    @Test
    void respond_staffAboutPupilAndHonour_givesRoutineThenNationalSupportLine() {
        String text = check.respond(personal("en elev i nian berättade att hon ska skickas till hemlandet och giftas bort",
                Language.SV), null).get(0).text();

        assertThat(text.indexOf("Socialtjänsten")).isLessThan(text.indexOf("Nationella stödtelefonen 010-223 57 60"));
        assertThat(text.indexOf("Nationella stödtelefonen")).isLessThan(text.indexOf("BRIS 116 111"));
        assertThat(text).doesNotContain("90101");
    }

    @Test
    void respond_idiomWithConfidentUrgentHelp_isNoCrisis() {
        RecognizedIntent sure = new RecognizedIntent("urgent_help", 0.99, List.of());
        for (String text : List.of("det slår mig att vi borde ses oftare", "budgeten är hotad", "kan vi slå ihop grupperna",
                "vi måste tvinga fram ett beslut", "slå upp steg 3", "slå på påminnelserna", "hotade arter i reservatet")) {
            assertThat(check.respond(personal(text, Language.SV), sure)).as(text).isEmpty();
        }
    }

    @Test
    void respond_urgentHelpBelowTheThreshold_isNoCrisisAndAtTheThresholdIs() {
        double threshold = check.intentOnlyMinConfidence();
        String text = "något hemskt händer hos grannen";

        assertThat(check.respond(personal(text, Language.SV), new RecognizedIntent("urgent_help", threshold - 0.01, List.of())))
                .isEmpty();
        assertThat(check.respond(personal(text, Language.SV), new RecognizedIntent("urgent_help", threshold, List.of())))
                .isNotEmpty();
    }

    @Test
    void respond_dangerPhraseNextToAnIdiom_isStillACrisis() {
        assertThat(check.respond(personal("det slår mig att min man slår mig", Language.SV), null)).isNotEmpty();
    }
}
