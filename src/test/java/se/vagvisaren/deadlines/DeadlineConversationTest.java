package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Deadlines in a channel, as people would use them. Chat messages go straight to the handler (the NLU is
 * built elsewhere); card presses go through {@code /api/messages} as Teams sends them. The clock stands
 * at Wednesday 25 November 2026, 10:00 in Stockholm.
 */
@BotTest
@Import(MutableClock.Config.class)
class DeadlineConversationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ERIK = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02";
    static final String ANNA = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01";
    static final String SARA = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e03";

    @LocalServerPort
    int port;
    @Autowired
    DeadlineIntents intents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TeamRoles roles;
    @Autowired
    MutableClock clock;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        jdbc.sql("DELETE FROM deadline").update();
        jdbc.sql("DELETE FROM team_role WHERE workspace_id = :w").param("w", TeamsActivity.TEAM_ID).update();
    }

    static IncomingMessage channel(String text, String userId) {
        return new IncomingMessage("1", new ConversationKey(TeamsActivity.TENANT, TeamsActivity.CHANNEL_CONVERSATION),
                Scope.CHANNEL, TeamsActivity.TEAM_ID, "19:a1b2c3d4e5f6@thread.tacv2", new Sender(userId, "29:x", "Erik"),
                text, Language.SV, Instant.now());
    }

    static RecognizedIntent create(String value, String grain, String text) {
        return new RecognizedIntent("deadline_create", 0.9, List.of(DeadlineRequestReaderTest.dated(value, grain, text)));
    }

    /** Presses a card button (Action.Execute) as {@code userId}; returns the invoke response body. */
    JsonNode press(String verb, JsonNode data, String userId) {
        TeamsActivity invoke = TeamsActivity.fixture("adaptive-card-invoke").execute(verb, data)
                .from("29:user-" + userId.substring(30), userId, "Someone");
        ConversationHarness.Exchange exchange = harness.send(invoke);
        assertThat(exchange.status()).isEqualTo(200);
        return exchange.json();
    }

    static String text(JsonNode invokeBody) {
        return invokeBody.path("value").isTextual() ? invokeBody.path("value").asText()
                : ConversationHarness.visibleText(JSON.createObjectNode().set("attachments",
                JSON.createArrayNode().add(JSON.createObjectNode().set("content", invokeBody.path("value")))));
    }

    /** The form's inputs as Teams would submit them, with the action data. */
    static ObjectNode submitted(Reply form) {
        ObjectNode data = ((ObjectNode) form.card().path("actions").get(0).path("data")).deepCopy();
        for (String id : List.of("title", "date", "time", "target", "leads", "recurrence")) {
            JsonNode input = DeadlineCards.find(form.card(), id);
            if (input != null) {
                data.put(id, input.path("value").asText(""));
            }
        }
        return data;
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    long saveSituationReport(String userId) {
        Reply form = intents.handle(channel("påminn styrgruppen om lägesbilden 15 mars kl 10", userId),
                create("2027-03-15T10:00", "minute", "15 mars kl 10")).get(0);
        press("deadlines.save", submitted(form), userId);
        return jdbc.sql("SELECT id FROM deadline").query(Long.class).single();
    }

    @Test
    void create_situationReport_formFirstThenSavedWithPlannedNudges() {
        List<Reply> replies = intents.handle(channel("påminn styrgruppen om lägesbilden 15 mars kl 10", ERIK),
                create("2027-03-15T10:00", "minute", "15 mars kl 10"));

        Reply form = replies.get(0);
        assertThat(DeadlineCards.find(form.card(), "title").path("value").asText()).isEqualTo("Lägesbilden");
        assertThat(DeadlineCards.find(form.card(), "date").path("value").asText()).isEqualTo("2027-03-15");
        assertThat(DeadlineCards.find(form.card(), "time").path("value").asText()).isEqualTo("10:00");
        assertThat(DeadlineCards.find(form.card(), "leads").path("value").asText()).isEqualTo("7d,1d,0");
        assertThat(form.card().path("version").asText()).isEqualTo("1.5");
        assertThat(count("SELECT COUNT(*) FROM deadline")).isZero();

        JsonNode saved = press("deadlines.save", submitted(form), ERIK);

        assertThat(text(saved)).contains("Klart!").contains("Lägesbilden").contains("måndag 15 mars 2027 kl. 10:00")
                .contains("måndag 8 mars 2027 kl. 09:00");
        assertThat(count("SELECT COUNT(*) FROM deadline_nudge WHERE status = 'PLANNED'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'deadline-nudge'")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void save_sameCardPressedTwice_onlyOneDeadline() {
        Reply form = intents.handle(channel("påminn oss om åtgärdsplanen 3 mars", ERIK), create("2027-03-03", "day", "3 mars")).get(0);

        press("deadlines.save", submitted(form), ERIK);
        JsonNode second = press("deadlines.save", submitted(form), ERIK);

        assertThat(text(second)).contains("redan sparad");
        assertThat(count("SELECT COUNT(*) FROM deadline")).isEqualTo(1);
    }

    @Test
    void create_noDate_botAsksWithEmptyDateField() {
        Reply reply = intents.handle(channel("påminn oss om åtgärdsplanen", ERIK), RecognizedIntent.of("deadline_create")).get(0);

        assertThat(reply.text()).contains("När ska **Åtgärdsplanen** vara klart?");
        assertThat(DeadlineCards.find(reply.card(), "date").path("value").asText()).isEmpty();
    }

    @Test
    void create_twoDates_botAsksWhichWithAButtonEach() {
        Reply reply = intents.handle(channel("påminn oss om rapporten 3 mars eller 10 mars", ERIK), new RecognizedIntent("deadline_create", 0.9,
                List.of(DeadlineRequestReaderTest.dated("2027-03-03", "day", "3 mars"),
                        DeadlineRequestReaderTest.dated("2027-03-10", "day", "10 mars")))).get(0);

        assertThat(reply.text()).contains("flera tider");
        assertThat(reply.card().path("actions")).hasSize(2);
        assertThat(reply.card().path("actions").get(1).path("title").asText()).isEqualTo("Onsdag 10 mars 2027");
    }

    @Test
    void create_badDates_clearAnswers() {
        assertThat(intents.handle(channel("påminn oss om lägesbilden 31 februari", ERIK), RecognizedIntent.of("deadline_create")).get(0).text())
                .isEqualTo("Datumet ”31 februari” finns inte – februari har bara 29 dagar. Vilket datum menar du?");
        assertThat(intents.handle(channel("påminn oss om rapporten vecka 60", ERIK), RecognizedIntent.of("deadline_create")).get(0).text())
                .startsWith("Vecka 60 finns inte");
        assertThat(intents.handle(channel("påminn oss om budgeten 3 mars 2025", ERIK), create("2025-03-03", "day", "3 mars 2025")).get(0).text())
                .isEqualTo("Måndag 3 mars 2025 har redan varit. Välj en tid framåt i kortet.");
        assertThat(intents.handle(channel("påminn oss om uppföljningen 2076-11-25", ERIK), create("2076-11-25", "day", "2076-11-25")).get(0).text())
                .startsWith("Det är mer än 5 år dit");
    }

    @Test
    void create_titleOf5000Characters_explainsAndShortensInTheForm() {
        String title = "lägesbild ".repeat(500);
        Reply reply = intents.handle(channel("påminn oss om " + title + " 15 mars", ERIK), create("2027-03-15", "day", "15 mars")).get(0);

        assertThat(reply.text()).contains("4\u00a0999 tecken").contains("högst 200");
        assertThat(DeadlineCards.find(reply.card(), "title").path("value").asText()).hasSizeLessThanOrEqualTo(200);

        ObjectNode forged = submitted(reply).put("title", "x".repeat(5000));
        assertThat(text(press("deadlines.save", forged, ERIK))).contains("5\u00a0000 tecken");
        assertThat(count("SELECT COUNT(*) FROM deadline")).isZero();
    }

    @Test
    void save_malformedCardData_politeRefusalAndNothingSaved() {
        ObjectNode forged = JSON.createObjectNode().put("title", "<at>x</at>'; DROP TABLE deadline;--")
                .put("date", "2027-02-31").put("time", "25:99").put("leads", "7d;DROP").put("deadlineId", "");

        assertThat(text(press("deadlines.save", forged, ERIK))).contains("Datumet i kortet gick inte att läsa");
        assertThat(count("SELECT COUNT(*) FROM deadline")).isZero();
    }

    @Test
    void cancel_someoneElsesDeadline_refusedButCoordinatorMay() {
        long id = saveSituationReport(ERIK);
        ObjectNode data = JSON.createObjectNode().put("deadlineId", Long.toString(id));

        assertThat(text(press("deadlines.cancelConfirmed", data, SARA))).contains("Bara den som skapade deadlinen");
        assertThat(jdbc.sql("SELECT status FROM deadline").query(String.class).single()).isEqualTo("OPEN");

        roles.grant(TeamsActivity.TEAM_ID, SARA, Role.COORDINATOR, "test");
        assertThat(text(press("deadlines.cancelConfirmed", data, SARA))).contains("är borttagen");
        assertThat(jdbc.sql("SELECT status FROM deadline").query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(count("SELECT COUNT(*) FROM deadline_nudge WHERE status = 'PLANNED'")).isZero();
    }

    @Test
    void done_twoPeoplePressAtOnce_oneWinsOtherToldItIsAlreadyDone() throws Exception {
        long id = saveSituationReport(ERIK);
        roles.grant(TeamsActivity.TEAM_ID, ANNA, Role.COORDINATOR, "test");
        ObjectNode data = JSON.createObjectNode().put("deadlineId", Long.toString(id));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> answers = new ArrayList<>();
        for (String user : List.of(ERIK, ANNA)) {
            Callable<String> press = () -> {
                start.await();
                return text(press("deadlines.done", data, user));
            };
            answers.add(pool.submit(press));
        }
        start.countDown();
        List<String> texts = new ArrayList<>();
        for (Future<String> answer : answers) {
            texts.add(answer.get());
        }
        pool.shutdown();

        assertThat(texts).filteredOn(t -> t.contains("är markerad som klar. Bra jobbat")).hasSize(1);
        assertThat(texts).filteredOn(t -> t.contains("är redan markerad som klar")).hasSize(1);
        assertThat(jdbc.sql("SELECT version FROM deadline").query(Long.class).single()).isEqualTo(1L);
        assertThat(count("SELECT COUNT(*) FROM deadline_nudge WHERE status = 'PLANNED'")).isZero();
    }

    @Test
    void list_whatDeadlinesDoWeHave_cardWithButtonsOnEachItem() {
        saveSituationReport(ERIK);

        Reply list = intents.handle(channel("vilka deadlines har vi?", ANNA), RecognizedIntent.of("deadline_list")).get(0);

        String shown = ConversationHarness.visibleText(JSON.createObjectNode().set("attachments",
                JSON.createArrayNode().add(JSON.createObjectNode().set("content", list.card()))));
        assertThat(shown).contains("Kommande deadlines").contains("Lägesbilden").contains("Måndag 15 mars 2027 kl. 10:00")
                .contains("Nästa påminnelse: måndag 8 mars 2027 kl. 09:00").contains("Klar").contains("Ta bort");
    }

    @Test
    void cancelByText_severalMatches_asksWithAButtonEach() {
        saveSituationReport(ERIK);
        Reply other = intents.handle(channel("påminn oss om lägesbilden till länsstyrelsen 2 april", ERIK),
                create("2027-04-02", "day", "2 april")).get(0);
        press("deadlines.save", submitted(other), ERIK);

        Reply ask = intents.handle(channel("ta bort påminnelsen om lägesbilden", ERIK), RecognizedIntent.of("deadline_cancel")).get(0);
        Reply one = intents.handle(channel("ta bort påminnelsen om lägesbild länsstyrelsen", ERIK), RecognizedIntent.of("deadline_cancel")).get(0);

        assertThat(ask.text()).contains("Flera deadlines passar in");
        assertThat(ask.card().path("actions")).hasSize(2);
        assertThat(one.text()).contains("Vill du ta bort **Lägesbilden till länsstyrelsen**");
    }

    @Test
    void calendar_linkFromChat_servesIcsAndRefusesWrongToken() throws Exception {
        saveSituationReport(ERIK);
        String reply = intents.handle(channel("ge mig kalenderlänken", ERIK), RecognizedIntent.of("deadline_list")).get(0).text();
        String url = reply.lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow(() -> new AssertionError(reply));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url.replaceAll("token=.*", "token=abc"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherTeam = http.send(HttpRequest.newBuilder(URI.create(url.replace("teamNorsjo42", "teamSorsele1"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).contains("BEGIN:VCALENDAR").contains("SUMMARY:Lägesbilden")
                .contains("DTSTART:20270315T090000Z").contains("UID:deadline-");
        // issue 20: the served feed passes ical4j's RFC 5545 validation (it had DTSTAMP twice per event)
        assertThat(new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(feed.body()))
                .validate(true).getEntries()).isEmpty();
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).isEqualTo("Kalenderlänken gäller inte (fel eller gammal länk). Be Vägvisaren i teamet om en ny kalenderlänk.\n");
        assertThat(otherTeam.statusCode()).isEqualTo(403);
        assertThat(otherTeam.body()).doesNotContain("teamSorsele1").doesNotContain("BEGIN:VCALENDAR");
    }
}
