package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Issue 16, bad input: disclosures written the way people really type them — mixed Swedish and English,
 * Cyrillic look-alike letters, zero-width characters, 10,000 characters, inside a progress update — go
 * through {@code /api/messages} (WireMock plays the Bot Connector) and still get the crisis reply first,
 * with the line that fits the writer, and nothing is stored. Ordinary idioms get no crisis reply.
 */
@BotTest
class CrisisBadInputBotTest extends ConversationFixture {

    private static final String PERSONAL = "a:1CrisisBadInput";
    private static final String CHANNEL = "19:crisisbadinput@thread.tacv2;messageid=16";

    @Autowired
    JdbcClient jdbc;

    private List<String> personal(String text) {
        assertThat(harness.send(TeamsActivity.personal(text).conversationId(PERSONAL).freshId()).status()).isEqualTo(200);
        return harness.textsIn(PERSONAL);
    }

    private List<String> channel(String text) {
        assertThat(harness.send(TeamsActivity.channel(text).conversationId(CHANNEL).freshId()).status()).isEqualTo(200);
        return harness.textsIn(CHANNEL);
    }

    /** Asserts the first reply is the crisis reply and its first support line is {@code first}. */
    private static void assertCrisisReplyWithFirstLine(List<String> replies, String first, String... notBefore) {
        assertThat(replies).isNotEmpty();
        String reply = replies.get(0);
        assertThat(reply).contains("112");
        int at = reply.indexOf(first);
        assertThat(at).as("'%s' in %s", first, reply).isPositive();
        for (String later : notBefore) {
            int other = reply.indexOf(later);
            assertThat(other < 0 || other > at).as("%s after %s in %s", later, first, reply).isTrue();
        }
    }

    private int progressUpdatesContaining(String word) {
        return jdbc.sql("SELECT COUNT(*) FROM progress_update WHERE body LIKE :w").param("w", "%" + word + "%")
                .query(Integer.class).single();
    }

    @Test
    void pupilToBeMarriedOff_getsBrisFirst() {
        assertCrisisReplyWithFirstLine(personal("jag går i nian och mina föräldrar ska gifta bort mig i sommar"),
                "BRIS 116 111", "Självmordslinjen", "Kvinnofridslinjen");
    }

    @Test
    void childHitByParent_getsBrisFirstAndNoSuicideLine() {
        List<String> replies = personal("min pappa slår mig när han är full");

        assertCrisisReplyWithFirstLine(replies, "BRIS 116 111");
        assertThat(replies.get(0)).doesNotContain("90101");
    }

    @Test
    void staffAboutPupilAtRiskOfForcedMarriage_getsRoutineThenNationalSupportLine() {
        assertCrisisReplyWithFirstLine(personal("en elev i åttan berättade att hon ska giftas bort under sommarlovet"),
                "Socialtjänsten", "Nationella stödtelefonen 010-223 57 60", "BRIS");
        assertThat(harness.textsIn(PERSONAL).get(0)).contains("010-223 57 60");
    }

    @Test
    void mixedSwedishAndEnglish_stillGetsTheCrisisReply() {
        assertCrisisReplyWithFirstLine(personal("help, my husband slår mig varje kväll"), "Kvinnofridslinjen 020-50 50 50");
    }

    @Test
    void cyrillicLookAlikeLetters_stillGetTheCrisisReply() {
        // а, о, е below are Cyrillic
        assertCrisisReplyWithFirstLine(personal("jаg är 14 оch min stуvpаppа slår mig"), "BRIS 116 111");
    }

    @Test
    void zeroWidthCharacters_stillGetTheCrisisReply() {
        assertCrisisReplyWithFirstLine(personal("mitt ex h\u200Botar att spr\u200Cida naken\u200Dbilder på mig\uFEFF"),
                "Kvinnofridslinjen 020-50 50 50");
    }

    @Test
    void tenThousandCharactersWithDisclosureAtTheEnd_getsTheCrisisReply() {
        String filler = "Vi har planerat utbildningsdagar och styrgruppsmöten för hela året. ".repeat(150);
        String text = filler.substring(0, 9_950) + " min sambo slår mig och jag vet inte vad jag ska göra";

        assertThat(text.length()).isGreaterThanOrEqualTo(10_000);
        assertCrisisReplyWithFirstLine(personal(text), "Kvinnofridslinjen 020-50 50 50");
    }

    @Test
    void disclosureInsideAProgressUpdate_getsTheCrisisReplyAndIsNotStored() {
        List<String> replies = channel("uppdatering: vi har haft styrgruppsmöte, och förresten, jag är 13 och pаppа "
                + "slår mig hemma krisuppdateringsord");

        assertCrisisReplyWithFirstLine(replies, "BRIS 116 111");
        assertThat(replies).noneMatch(r -> r.contains("sparad"));
        assertThat(progressUpdatesContaining("krisuppdateringsord")).isZero();
    }

    @Test
    void disclosureInAProgressCardForm_getsTheCrisisReplyPrivatelyAndIsNotStored() {
        var value = SafeguardingFixtures.JSON.createObjectNode().put("verb", "progress.record").put("steps", "2")
                .put("text", "Kartläggning klar. Min sambo hotar mig med kniv formularkrisord");
        TeamsActivity submit = TeamsActivity.fixture("card-submit").value(value).conversationId(CHANNEL).freshId();

        assertThat(harness.send(submit).status()).isEqualTo(200);

        assertThat(progressUpdatesContaining("formularkrisord")).isZero();
        assertThat(harness.textsIn(CHANNEL)).as("nothing is posted in the channel").isEmpty();
        assertThat(harness.connector().allActivities()).isNotEmpty()
                .allSatisfy(activity -> assertThat(ConversationHarness.visibleText(activity))
                        .contains("112", "Kvinnofridslinjen 020-50 50 50").doesNotContain("kniv"));
    }

    @Test
    void disclosureInChannel_offersAPrivateFollowUpWithoutRepeatingTheMessage() {
        List<String> replies = channel("my ex is threatening to post my nudes online");

        assertCrisisReplyWithFirstLine(replies, "Kvinnofridslinjen 020-50 50 50");
        // the channel reply and a private follow-up in the writer's 1:1 chat; neither repeats the message
        assertThat(harness.connector().allActivities()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(activity -> assertThat(ConversationHarness.visibleText(activity))
                        .contains("112").doesNotContain("nudes"));
    }

    @Test
    void idiomsThatLookLikeDanger_getNoCrisisReply() {
        for (String text : List.of("det slår mig att budgeten är hotad", "kan vi slå ihop steg 2 och 3?",
                "vi behöver tvinga fram ett beslut i nämnden", "It struck me that the budget is under threat")) {
            harness.connector().reset();
            // the fallback may mention 112 in passing; the crisis reply is the one that says it is no crisis service
            assertThat(personal(text)).as(text).isNotEmpty()
                    .noneMatch(r -> r.contains("kan inte ge akut stöd") || r.contains("can't give urgent support"));
        }
    }
}
