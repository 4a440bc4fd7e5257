package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The weekly digest's content at a fixed time, the admin export over HTTP and the protection of the
 * overview page. Shares the {@link ProgressBotTest} context with the conversation tests.
 */
@ProgressBotTest
class ProgressDigestAndExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Monday 30 November 2026, 08:00 in Stockholm. */
    private static final Instant SLOT = Instant.parse("2026-11-30T07:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    WeeklyDigest digest;
    @Autowired
    OverviewLinks links;

    ConversationHarness harness;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void digest_fixedClock_listsNewUpdatesByStepDeadlinesAndQuietSteps() {
        String team = ProgressTestConfig.DEADLINE_TEAM_PREFIX + UUID.randomUUID() + "@thread.tacv2";
        String conversation = team + ";messageid=1732525200000";
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        send(team, "uppdatering: workshop om riskfaktorer och skyddsfaktorer");  // step 3, 8 weeks before the digest
        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        send(team, "uppdatering: kartläggningen i skolorna har startat");        // step 2, week before: not in digest
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        send(team, "uppdatering: styrgruppen har fattat beslut om mandatet");    // step 1, in the digest week
        clock.set(Instant.parse("2026-11-26T15:00:00Z"));
        send(team, "uppdatering: lägesbilden är klar <b>fet</b>");               // step 2, in the digest week
        harness.connector().reset();
        clock.set(SLOT);

        digest.postAll(SLOT);

        String text = ConversationHarness.visibleText(harness.repliesIn(conversation).get(0));
        assertThat(text).contains("Veckans framsteg").contains("Vecka 48: 2026-11-23 – 2026-11-29")
                .contains("Nytt den här veckan (2 uppdateringar)")
                .contains("Steg 1 · Initiera samverkan").contains("styrgruppen har fattat beslut")
                .contains("Steg 2 · Beskriv våld som problem").contains("lägesbilden är klar")
                .doesNotContain("kartläggningen i skolorna")
                .contains("Kommande deadlines").contains("2026-12-05 08:00 – Lägesbilden till styrgruppen &lt;b&gt;")
                .contains("Tysta steg").contains("Inget nytt i steg 3 på 8 veckor.")
                .contains("Inget rapporterat i steg 4 ännu.").contains("Inget rapporterat i steg 5 ännu.")
                .doesNotContain("Inget nytt i steg 1").doesNotContain("Inget nytt i steg 2");
        assertThat(text.indexOf("Steg 1 ·")).isLessThan(text.indexOf("Steg 2 ·"));
    }

    @Test
    void digest_runTwiceForTheSameWeek_isPostedOnce() {
        String team = "19:team-digest-" + UUID.randomUUID() + "@thread.tacv2";
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        send(team, "uppdatering: MVP-lektionerna har börjat");
        harness.connector().reset();
        Instant nextSlot = SLOT.plusSeconds(7 * 86_400);
        clock.set(nextSlot);

        digest.postAll(nextSlot);
        digest.postAll(nextSlot);

        assertThat(harness.repliesIn(team + ";messageid=1732525200000")).hasSize(1)
                .allSatisfy(a -> assertThat(ConversationHarness.visibleText(a)).contains("Inga nya uppdateringar den här veckan"));
    }

    @Test
    void export_withoutOrWithWrongKey_is401() throws Exception {
        assertThat(get("/api/progress/export?format=csv", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/progress/export?format=csv", "wrong-key").statusCode()).isEqualTo(401);
    }

    @Test
    void export_csvWithKey_hasHeaderPseudonymsAndFormulaGuard() throws Exception {
        String team = "19:team-export-" + UUID.randomUUID() + "@thread.tacv2";
        send(team, "uppdatering: =SUMMA(A1:A9) kartläggning");

        HttpResponse<String> response = get("/api/progress/export?format=csv", ProgressBotTest.API_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("progress-export-"));
        assertThat(response.body()).startsWith("id,workspace_id,municipality,channel_id,author,created_at,")
                .contains("'=SUMMA(A1:A9) kartläggning").doesNotContain(ProgressConversationTest.ERIK)
                .containsPattern(",p-[0-9a-f]{16},");
    }

    @Test
    void export_jsonWithKey_isAnArrayOfUpdates() throws Exception {
        String team = "19:team-export-json-" + UUID.randomUUID() + "@thread.tacv2";
        send(team, "uppdatering: styrgruppen har mandat");

        HttpResponse<String> response = get("/api/progress/export?format=json", ProgressBotTest.API_KEY);

        JsonNode array = JSON.readTree(response.body());
        assertThat(array.isArray()).isTrue();
        JsonNode row = null;
        for (JsonNode r : array) {
            if (r.path("workspace_id").asText().equals(team)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("steps").toString()).isEqualTo("[1]");
        assertThat(row.path("author").asText()).matches("p-[0-9a-f]{16}");
        assertThat(row.toString()).doesNotContain(ProgressConversationTest.ERIK);
    }

    @Test
    void export_unknownFormat_is400() throws Exception {
        assertThat(get("/api/progress/export?format=xlsx", ProgressBotTest.API_KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void overview_withoutOrWithForgedToken_is403WithoutData() throws Exception {
        HttpResponse<String> none = get("/overview", null);
        HttpResponse<String> forged = get("/overview?token=v1.9999999999.abc.def", null);

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("lang=\"sv\"").contains("ogiltig eller har gått ut").doesNotContain("<table");
    }

    @Test
    void overview_tokenOfSomeoneNoLongerCountyBoard_is403() throws Exception {
        HttpResponse<String> response = get("/overview?token=" + links.token("former-officer"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("gäller inte längre");
    }

    @Test
    void overview_validToken_servesHtmlFrameableOnlyByTeams() throws Exception {
        HttpResponse<String> response = get("/overview?token=" + links.token(ProgressBotTest.COUNTY_OFFICER), null);

        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com")
                .contains("default-src 'none'").doesNotContain("unsafe-inline")
                // Scripts only from the bot itself (the tab's Teams library and tab.js); the plain page loads none.
                .contains("script-src 'self';").doesNotContain("script-src 'self' ");
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\"").doesNotContain("<script");
    }

    private void send(String team, String text) {
        harness.send(ProgressConversationTest.inTeam(TeamsActivity.channel(text), team));
    }

    private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
