package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Progress conversations through {@code /api/messages}, with WireMock as the Bot Connector: recording by
 * chat and by card, redelivery, listing, editing rights and bad input. Each test works in its own team.
 */
@ProgressBotTest
class ProgressConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ERIK = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02";
    static final String SARA = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e03";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TeamRoles roles;

    ConversationHarness harness;
    String team;
    String conversation;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        team = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
        conversation = team + ";messageid=1732525200000";
    }

    // --- recording -------------------------------------------------------------------------------

    @Test
    void record_channelMessage_storesUpdateWithSuggestedStepAndShowsCard() {
        harness.send(channel("uppdatering: vi har genomfört kartläggningen i skolorna"));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.text()).isEqualTo("vi har genomfört kartläggningen i skolorna");
            assertThat(row.steps()).containsExactly(2);
            assertThat(row.authorId()).isEqualTo(ERIK);
            assertThat(row.channelId()).isEqualTo("19:a1b2c3d4e5f6@thread.tacv2");
        });
        JsonNode card = onlyCard();
        assertThat(ConversationHarness.visibleText(harness.repliesIn(conversation).get(0)))
                .contains("Uppdateringen är sparad").contains("Jag gissade steg").contains("Spara steg").contains("Redigera").contains("Ta bort");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(card.path("body").get(2).path("facts").get(0).path("value").asText())
                .isEqualTo("Steg 2 · Beskriv våld som problem");
        assertThat(input(card, "steps").path("value").asText()).isEqualTo("2");
    }

    @Test
    void record_sameActivityDeliveredTwice_isStoredOnce() {
        TeamsActivity message = channel("framsteg: styrgruppen har fattat beslut om handlingsplanen");

        harness.send(message);
        harness.send(message);

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.steps()).containsExactly(1));
    }

    @Test
    void record_stepNamedInText_usesThatStep() {
        harness.send(channel("uppdatering: steg 4 och 5 är igång, vi har träffats tre gånger"));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.steps()).containsExactly(4, 5);
            assertThat(row.stepsConfirmed()).isTrue();
        });
    }

    @Test
    void record_linkInText_isStoredAndOfferedAsButton() {
        harness.send(channel("uppdatering: lägesbilden finns på https://intranat.norsjo.se/lagesbild."));

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.link()).isEqualTo("https://intranat.norsjo.se/lagesbild"));
        assertThat(onlyCard().path("actions").toString()).contains("Action.OpenUrl").contains("https://intranat.norsjo.se/lagesbild");
    }

    @Test
    void record_cardForm_storesChosenStepsAndLink() {
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"MVP-utbildning för lärarna\","
                + "\"steps\":\"4,5\",\"link\":\"https://mvp.example.se/plan\"}")));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.steps()).containsExactly(4, 5);
            assertThat(row.stepsConfirmed()).isTrue();
            assertThat(row.link()).isEqualTo("https://mvp.example.se/plan");
        });
        assertThat(harness.textsIn(conversation)).singleElement().satisfies(t -> assertThat(t).contains("Uppdateringen är sparad"));
    }

    @Test
    void record_cardFormSubmittedTwice_isStoredOnce() {
        TeamsActivity submit = cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"Kartläggning klar\"}"));

        harness.send(submit);
        harness.send(submit);

        assertThat(rows()).hasSize(1);
    }

    @Test
    void record_onlyPrefix_sendsTheFormAndStoresNothing() {
        harness.send(channel("uppdatering:"));

        assertThat(rows()).isEmpty();
        JsonNode card = onlyCard();
        assertThat(input(card, "text").path("isMultiline").asBoolean()).isTrue();
        assertThat(input(card, "steps").path("choices")).hasSize(5);
        assertThat(card.path("actions").get(0).path("data").path("verb").asText()).isEqualTo("progress.record");
    }

    @Test
    void record_emptyFormSubmit_isRefusedClearly() {
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"   \",\"steps\":\"2\"}")));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).singleElement().satisfies(t -> assertThat(t).contains("Uppdateringen är tom"));
    }

    @Test
    void record_tenThousandCharacters_isRefusedAndNothingStored() {
        harness.send(channel("uppdatering: " + "kartläggning ".repeat(770)));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("för lång").contains("högst 2\u00a0000 tecken"));
    }

    @Test
    void record_stepNine_isRefusedAndNothingStored() {
        harness.send(channel("uppdatering: steg 9 är klart"));
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"Klart\",\"steps\":\"2,9\"}")));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).hasSize(2)
                .allSatisfy(t -> assertThat(t).contains("Steg 9 finns inte").contains("1–5"));
    }

    @Test
    void record_htmlAndMarkdownInjection_isShownAsTextInTheCard() {
        String attack = "<script>alert(1)</script> [x](javascript:alert(1)) **fet**";
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":" + JSON.valueToTree(attack) + "}")));

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.text()).isEqualTo(attack));
        String shown = ConversationHarness.visibleText(harness.repliesIn(conversation).get(0));
        assertThat(shown).doesNotContain("<script>").doesNotContain("](javascript")
                .contains("&lt;script&gt;").contains("\\[x\\]\\(javascript:alert\\(1\\)\\)").contains("\\*\\*fet\\*\\*");
        assertThat(onlyCard().path("actions").toString()).doesNotContain("javascript");
    }

    @Test
    void record_javascriptLinkInForm_isRefused() {
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"Plan klar\",\"link\":\"javascript:alert(1)\"}")));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("http:// eller https://"));
    }

    @Test
    void record_malformedCardData_isRefusedNotCrashing() {
        var exchange = harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":{\"a\":1},\"steps\":[\"x\",99]}")));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation)).singleElement().satisfies(t -> assertThat(t).contains("Uppdateringen är tom"));
    }

    @Test
    void record_inPersonalChat_ofSomeoneWithNoTeam_showsTheTextBackAndStoresNothing() {
        // issue 20: the text is not thrown away; someone who never wrote in a team gets it back with the way there
        String conversation = "a:1ProgressNoTeamYet";
        harness.send(TeamsActivity.personal("uppdatering: kartläggningen är klar").conversationId(conversation)
                .from("29:1NoTeamYet", "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e90", "Ny"));
        harness.send(TeamsActivity.personal("visa framsteg").conversationId(conversation)
                .from("29:1NoTeamYet", "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e90", "Ny"));

        assertThat(store().latest(conversation, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                List.of(), 10)).isEmpty();
        List<String> texts = harness.textsIn(conversation);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("kartläggningen är klar").contains("@Vägvisaren uppdatering");
        assertThat(texts.get(1)).contains("Framsteg hör till ett team");
    }

    // --- confirming, editing, deleting ----------------------------------------------------------

    @Test
    void confirmSteps_byAuthor_replacesSuggestedSteps() {
        harness.send(channel("uppdatering: vi har genomfört kartläggningen"));
        String id = rows().get(0).id();

        harness.send(cardSubmit(json("{\"verb\":\"progress.steps\",\"id\":\"" + id + "\",\"steps\":\"2,3\"}")));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.steps()).containsExactly(2, 3);
            assertThat(row.stepsConfirmed()).isTrue();
        });
        assertThat(harness.textsIn(conversation).get(1)).contains("Stegen är sparade");
    }

    @Test
    void confirmSteps_byInvoke_returnsTheUpdatedCard() {
        harness.send(channel("uppdatering: vi har genomfört kartläggningen"));
        String id = rows().get(0).id();

        var exchange = harness.send(invoke("progress.steps", json("{\"id\":\"" + id + "\",\"steps\":\"1\"}")));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.json().path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(exchange.json().path("value").toString()).contains("Steg 1 · Initiera samverkan");
    }

    @Test
    void edit_byAuthor_opensFilledFormAndSaves() {
        harness.send(channel("uppdatering: kartläggning pågår"));
        String id = rows().get(0).id();

        harness.send(cardSubmit(json("{\"verb\":\"progress.edit\",\"id\":\"" + id + "\"}")));
        JsonNode form = harness.repliesIn(conversation).get(1).path("attachments").get(0).path("content");
        harness.send(cardSubmit(json("{\"verb\":\"progress.save\",\"id\":\"" + id + "\",\"text\":\"Kartläggningen är klar\",\"steps\":\"2\",\"link\":\"\"}")));

        assertThat(input(form, "text").path("value").asText()).isEqualTo("kartläggning pågår");
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.text()).isEqualTo("Kartläggningen är klar");
            assertThat(row.editedAt()).isNotNull();
        });
    }

    @Test
    void edit_someoneElsesUpdate_isRefusedAndUnchanged() {
        harness.send(channel("uppdatering: kartläggning pågår"));
        String id = rows().get(0).id();

        harness.send(cardSubmit(json("{\"verb\":\"progress.save\",\"id\":\"" + id + "\",\"text\":\"Kapad\"}")).from("29:1Sara", SARA, "Sara"));
        harness.send(cardSubmit(json("{\"verb\":\"progress.edit\",\"id\":\"" + id + "\"}")).from("29:1Sara", SARA, "Sara"));
        harness.send(cardSubmit(json("{\"verb\":\"progress.steps\",\"id\":\"" + id + "\",\"steps\":\"5\"}")).from("29:1Sara", SARA, "Sara"));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.text()).isEqualTo("kartläggning pågår");
            assertThat(row.steps()).containsExactly(2);
        });
        assertThat(harness.textsIn(conversation).subList(1, 4))
                .allSatisfy(t -> assertThat(t).contains("någon annans uppdatering").contains("Bara den som skrev den"));
    }

    @Test
    void delete_byOtherMember_isRefused_byCoordinator_isAllowed() {
        harness.send(channel("uppdatering: kartläggning pågår"));
        String id = rows().get(0).id();

        harness.send(cardSubmit(json("{\"verb\":\"progress.delete\",\"id\":\"" + id + "\"}")).from("29:1Sara", SARA, "Sara"));
        assertThat(rows()).hasSize(1);
        roles.grant(team, SARA, Role.COORDINATOR, "test");
        harness.send(cardSubmit(json("{\"verb\":\"progress.delete\",\"id\":\"" + id + "\"}")).from("29:1Sara", SARA, "Sara"));

        assertThat(rows()).isEmpty();
        assertThat(harness.textsIn(conversation).get(1)).contains("någon annans uppdatering");
        assertThat(harness.textsIn(conversation).get(2)).contains("Uppdateringen är borttagen");
    }

    @Test
    void delete_updateOfAnotherTeam_isNotFound() {
        harness.send(channel("uppdatering: kartläggning pågår"));
        String id = rows().get(0).id();
        String otherTeam = "19:team-other-" + UUID.randomUUID() + "@thread.tacv2";

        harness.send(inTeam(cardSubmit(json("{\"verb\":\"progress.delete\",\"id\":\"" + id + "\"}")), otherTeam));

        assertThat(rows()).hasSize(1);
        assertThat(harness.textsIn(otherTeam + ";messageid=1732525200000")).singleElement()
                .satisfies(t -> assertThat(t).contains("hittar inte"));
    }

    // --- listing ---------------------------------------------------------------------------------

    @Test
    void list_updatesOfTheTeam_groupedByStep() {
        harness.send(channel("uppdatering: kartläggningen är klar"));
        harness.send(channel("uppdatering: styrgruppen har fattat beslut"));
        harness.send(channel("uppdatering: vi fikade"));

        harness.send(channel("visa framsteg"));

        String list = harness.textsIn(conversation).get(3);
        assertThat(list).contains("Framsteg").contains("3 uppdateringar")
                .contains("Steg 1 · Initiera samverkan").contains("Steg 2 · Beskriv våld som problem").contains("Inget steg valt");
        assertThat(list.indexOf("Steg 1 ·")).isLessThan(list.indexOf("Steg 2 ·"));
        assertThat(list.indexOf("styrgruppen")).isBetween(list.indexOf("Steg 1 ·"), list.indexOf("Steg 2 ·"));
    }

    @Test
    void list_stepAndPeriodFilter_showsOnlyMatchingUpdates() {
        clock.set(Instant.parse("2026-10-15T09:00:00Z"));
        harness.send(channel("uppdatering: gammal kartläggning"));
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        harness.send(channel("uppdatering: ny kartläggning"));
        harness.send(channel("uppdatering: MVP startar"));
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));

        harness.send(channel("visa framsteg steg 2 denna månad"));

        String list = harness.textsIn(conversation).get(3);
        assertThat(list).contains("ny kartläggning").doesNotContain("gammal kartläggning").doesNotContain("MVP")
                .contains("den här månaden, steg 2").contains("1 uppdatering").doesNotContain("1 uppdateringar");
    }

    @Test
    void list_englishThisMonth_answersInEnglish() {
        harness.send(channel("update: we finished the mapping").locale("en-GB"));

        harness.send(channel("what happened this month?").locale("en-GB"));

        assertThat(harness.textsIn(conversation).get(1)).contains("Progress").contains("this month").contains("Step 2 ·");
    }

    @Test
    void list_stepNine_isRefused() {
        harness.send(channel("visa framsteg steg 9"));

        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("Steg 9 finns inte"));
    }

    @Test
    void list_nothingRecorded_saysSoAndHowToRecord() {
        harness.send(channel("visa framsteg"));

        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("inga uppdateringar").contains("uppdatering:"));
    }

    @Test
    void list_injectedText_isEscapedInTheList() {
        harness.send(cardSubmit(json("{\"verb\":\"progress.record\",\"text\":\"[klicka](javascript:alert(1)) <img src=x onerror=alert(1)>\",\"steps\":\"1\"}")));

        harness.send(channel("visa framsteg"));

        assertThat(harness.textsIn(conversation).get(1)).doesNotContain("<img").doesNotContain("](javascript")
                .contains("\\[klicka\\]");
    }

    // --- county board -----------------------------------------------------------------------------

    @Test
    void overview_memberWithoutCountyRole_isRefused() {
        harness.send(channel("visa översikten för alla kommuner"));

        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("till för länsstyrelsen"));
    }

    @Test
    void overview_countyBoardInPersonalChat_getsSummaryWithDeadlinesAndWebButton() {
        harness.send(inTeam(channel("uppdatering: kartläggningen klar"), ProgressTestConfig.DEADLINE_TEAM));

        harness.send(countyOfficer("översikt över kommunerna"));

        List<JsonNode> replies = harness.repliesIn(TeamsActivity.PERSONAL_CONVERSATION);
        String text = ConversationHarness.visibleText(replies.get(0));
        assertThat(text).contains("Översikt: kommunernas arbete").contains("Norsjö").contains("Aktivt steg: 2")
                .contains("Lägesbilden till styrgruppen &lt;b&gt;");
        assertThat(replies.get(0).toString()).contains("Action.OpenUrl").contains("https://vagvisaren.example.se/overview?token=v1.");
    }

    @Test
    void overview_teamNamedByTeams_showsThatName_unnamedTeamGetsAReadableLabel_issue20() {
        String named = "19:team-sorsele-" + System.nanoTime() + "@thread.tacv2";
        String unnamed = "19:team-anon-" + System.nanoTime() + "@thread.tacv2";
        TeamsActivity inNamed = inTeam(channel("uppdatering: vi har bildat en styrgrupp steg 1"), named);
        ((ObjectNode) inNamed.json().path("channelData").path("team")).put("name", "Våldsprevention Sorsele");
        harness.send(inNamed);
        harness.send(inTeam(channel("uppdatering: kartläggning påbörjad steg 2"), unnamed));

        harness.send(countyOfficer("översikt över kommunerna"));

        String text = ConversationHarness.visibleText(harness.repliesIn(TeamsActivity.PERSONAL_CONVERSATION).get(0));
        assertThat(text).contains("Våldsprevention Sorsele").contains("Namnlöst team (rapporterar sedan ")
                .doesNotContain("Team utan namn").doesNotContainPattern("\\([0-9a-f]{6}\\)");
    }

    @Test
    void overviewLink_askedInChannel_isSentOnlyPrivately() {
        harness.send(countyOfficer("länk till översikten").conversationId(conversation)
                .set("conversation", json("{\"isGroup\":true,\"conversationType\":\"channel\",\"tenantId\":\""
                        + TeamsActivity.TENANT + "\",\"id\":\"" + conversation + "\"}")));

        assertThat(harness.textsIn(conversation)).singleElement()
                .satisfies(t -> assertThat(t).contains("privat meddelande").doesNotContain("token"));
        assertThat(harness.connector().allActivities().toString()).contains("/overview?token=v1.");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private TeamsActivity channel(String text) {
        return inTeam(TeamsActivity.channel(text), team);
    }

    private TeamsActivity cardSubmit(JsonNode value) {
        return inTeam(TeamsActivity.fixture("card-submit").value(value), team);
    }

    private TeamsActivity invoke(String verb, JsonNode data) {
        return inTeam(TeamsActivity.fixture("adaptive-card-invoke").execute(verb, data), team);
    }

    private TeamsActivity countyOfficer(String text) {
        return TeamsActivity.personal(text).from("29:1CountyOfficer", ProgressBotTest.COUNTY_OFFICER, "Länsstyrelsen");
    }

    /** Moves an activity into another team (and that team's channel thread). */
    static TeamsActivity inTeam(TeamsActivity activity, String teamId) {
        activity.conversationId(teamId + ";messageid=1732525200000");
        ObjectNode channelData = (ObjectNode) activity.json().path("channelData");
        channelData.put("teamsTeamId", teamId);
        channelData.putObject("team").put("id", teamId);
        return activity;
    }

    private JsonNode onlyCard() {
        List<JsonNode> replies = harness.repliesIn(conversation);
        assertThat(replies).hasSize(1);
        return replies.get(0).path("attachments").get(0).path("content");
    }

    private static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("No input " + id + " in " + card);
    }

    private List<ProgressUpdate> rows() {
        return store().latest(team, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), List.of(), 100);
    }

    @Autowired
    ProgressStore progressStore;

    private ProgressStore store() {
        return progressStore;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
