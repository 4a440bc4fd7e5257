package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.progress.ProgressConversationTest.ERIK;
import static se.vagvisaren.progress.ProgressConversationTest.SARA;
import static se.vagvisaren.progress.ProgressConversationTest.inTeam;
import static se.vagvisaren.progress.ProgressConversationTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.DatabaseTraces;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Issue 16: a progress update with personal data is not stored until its author has sent an edited text or
 * confirmed with the warning card's button that it holds none. Through {@code /api/messages} with WireMock
 * as the Bot Connector; "not stored" is checked in every text column of the database, not only in the
 * progress table. The numbers have wrong check digits on purpose: the written form is what counts.
 */
@ProgressBotTest
class HeldUpdateConversationTest {

    /** Serial numbers of the test personnummer: every test writes its own, the database is shared. */
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS =
            new java.util.concurrent.atomic.AtomicInteger(1000 + new java.util.Random().nextInt(4000));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ProgressStore progressStore;

    ConversationHarness harness;
    String team;
    String conversation;
    /** A personnummer in its usual written form, with whatever check digit its serial gives (mostly wrong). */
    String mistyped;
    /** A word of letters no other test writes, to look for the text itself in the database. */
    String marker;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        team = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
        conversation = team + ";messageid=1732525200000";
        mistyped = "20120514-" + SERIALS.incrementAndGet();
        marker = "kontakt" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void record_mistypedPersonnummer_isHeldNotStoredAndTheWarningSaysHowToGoOn() {
        harness.send(channel("uppdatering: vi har stöttat eleven " + mistyped + " i " + marker + " med socialtjänsten"));

        assertThat(rows()).isEmpty();
        assertThat(DatabaseTraces.textColumns(jdbc)).isPositive();
        assertThat(DatabaseTraces.columnsContaining(jdbc, mistyped)).as("no table holds the number").isEmpty();
        assertThat(DatabaseTraces.columnsContaining(jdbc, marker)).as("nor the text").isEmpty();
        String warning = lastText();
        assertThat(warning).contains("Jag har inte sparat uppdateringen", "ett personnummer",
                "tagit bort uppgifterna", "bekräftat att det inte är personuppgifter", "aldrig i databasen",
                "högst 30 minuter", "Det är inga personuppgifter – spara");
        assertThat(warning).as("the warning never repeats the data").doesNotContain(mistyped.substring(9));
    }

    @Test
    void record_inEnglish_warnsInEnglish() {
        harness.send(channel("update: we supported the pupil " + mistyped + " today").locale("en-GB"));

        assertThat(rows()).isEmpty();
        assertThat(lastText()).contains("I haven't saved the update", "removed the details",
                "confirmed that it is not personal data", "never in the database", "It's not personal data – save it");
    }

    @Test
    void confirm_byAuthor_storesOnce_andASecondPressSaysItIsAlreadySaved() {
        harness.send(channel("uppdatering: vi har stöttat eleven " + mistyped + " i kontakten"));
        JsonNode button = confirmData();

        harness.send(cardSubmit(button));
        harness.send(cardSubmit(button));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.text()).isEqualTo("vi har stöttat eleven " + mistyped + " i kontakten");
            assertThat(row.authorId()).isEqualTo(ERIK);
        });
        List<String> texts = harness.textsIn(conversation);
        assertThat(texts.get(texts.size() - 2)).contains("Uppdateringen är sparad efter din bekräftelse");
        assertThat(texts.get(texts.size() - 1)).contains("redan sparad").contains("inte en gång till");
    }

    @Test
    void confirm_byAnotherMember_isRefusedAndStoresNothing_theAuthorCanStillConfirm() {
        harness.send(channel("uppdatering: familjen nås på 070-174 06 05 om något händer"));
        JsonNode button = confirmData();

        harness.send(cardSubmit(button).from("29:1Sara", SARA, "Sara"));

        assertThat(rows()).isEmpty();
        assertThat(lastText()).contains("Bara den som skrev uppdateringen");

        harness.send(cardSubmit(button));

        assertThat(rows()).hasSize(1);
    }

    @Test
    void confirm_afterTheDraftExpired_saysSoAndStoresNothing() {
        harness.send(channel("uppdatering: eleven " + mistyped + " har fått stöd"));
        JsonNode button = confirmData();

        clock.advance(Duration.ofMinutes(31));
        harness.send(cardSubmit(button));

        assertThat(rows()).isEmpty();
        assertThat(lastText()).contains("Det utkastet finns inte kvar", "Skicka uppdateringen igen");
    }

    @Test
    void confirm_unknownOrForgedToken_saysSoAndStoresNothing() {
        harness.send(cardSubmit(json("{\"verb\":\"progress.confirm-held\",\"held\":\"" + UUID.randomUUID() + "\"}")));
        harness.send(cardSubmit(json("{\"verb\":\"progress.confirm-held\",\"held\":\"' OR 1=1 --\"}")));
        harness.send(cardSubmit(json("{\"verb\":\"progress.confirm-held\",\"held\":{\"x\":1}}")));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).hasSize(3).allSatisfy(t -> assertThat(t).contains("finns inte kvar"));
    }

    @Test
    void editedText_isStored_andTheOldWarningCanNoLongerStoreTheFirstVersion() {
        harness.send(channel("uppdatering: vi har stöttat eleven " + mistyped + " i kontakten"));
        JsonNode oldButton = confirmData();

        harness.send(channel("uppdatering: vi har stöttat en elev i kontakten"));
        harness.send(cardSubmit(oldButton));

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.text()).isEqualTo("vi har stöttat en elev i kontakten"));
        assertThat(DatabaseTraces.columnsContaining(jdbc, mistyped)).isEmpty();
        assertThat(lastText()).contains("finns inte kvar");
    }

    @Test
    void editForm_withPersonalData_keepsTheOldTextUntilConfirmed() {
        harness.send(channel("uppdatering: kartläggningen är klar"));
        String id = rows().get(0).id();

        harness.send(cardSubmit(json("{\"verb\":\"progress.save\",\"id\":\"" + id + "\",\"text\":\"klar, kontakt 19850101 9800\"}")));

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.text()).isEqualTo("kartläggningen är klar"));
        harness.send(cardSubmit(confirmData()));
        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.text()).isEqualTo("klar, kontakt 19850101 9800"));
    }

    /** Issue 16 bad input: disguised numbers are held like plain ones. */
    @ParameterizedTest
    @ValueSource(strings = {"850101 1234", "8501\u200B01-12\u200D34", "８５０１０１－１２３４", "٨٥٠١٠١-١٢٣٤", "850101+1234"})
    void record_disguisedNumber_isHeldToo(String number) {
        harness.send(channel("uppdatering: klienten " + number + " har fått stöd"));

        assertThat(rows()).isEmpty();
        assertThat(lastText()).contains("ett personnummer");
    }

    @Test
    void record_tenThousandCharacters_isRefusedAsTooLongAndNothingIsStoredOrHeld() {
        harness.send(channel("uppdatering: " + "a".repeat(5_000) + " 850101-1234 " + "b".repeat(4_987)));

        assertThat(rows()).isEmpty();
        assertThat(lastText()).contains("för lång").doesNotContain("Det är inga personuppgifter");
    }

    @Test
    void record_cleanUpdate_isStoredAtOnceWithoutAWarning() {
        harness.send(channel("uppdatering: möte 2026-12-04 kl 13.00–15.00, dnr KS 2025/123, budget 1 250 000 kr"));

        assertThat(rows()).hasSize(1);
        assertThat(lastText()).contains("Uppdateringen är sparad").doesNotContain("personuppgifter");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private TeamsActivity channel(String text) {
        return inTeam(TeamsActivity.channel(text), team);
    }

    private TeamsActivity cardSubmit(JsonNode value) {
        return inTeam(TeamsActivity.fixture("card-submit").value(value), team);
    }

    /** The data of the warning card's button, as Teams sends it back when pressed. */
    private JsonNode confirmData() {
        List<JsonNode> replies = harness.repliesIn(conversation);
        JsonNode card = replies.get(replies.size() - 1).path("attachments").get(0).path("content");
        JsonNode data = card.at("/actions/0/data");
        assertThat(data.path("verb").asText()).isEqualTo("progress.confirm-held");
        return data;
    }

    private String lastText() {
        List<String> texts = harness.textsIn(conversation);
        assertThat(texts).isNotEmpty();
        return texts.get(texts.size() - 1);
    }

    private List<ProgressUpdate> rows() {
        return progressStore.latest(team, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), List.of(), 100);
    }
}
