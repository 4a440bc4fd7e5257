package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The privacy feature inside the whole bot: a feature registers its table as a {@link PersonalDataStore}
 * bean (here a test table), the erase button is pressed in Teams, and the HTTP endpoints answer.
 */
@BotTest
@Import(PrivacyBotTest.NotesFeature.class)
class PrivacyBotTest {

    static final String ANNA = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e01";
    static final String ERIK = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02";

    /** What a feature adds to take part in retention, export and erasure: one bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NotesFeature {
        @Bean
        PersonalDataStore testNotes(JdbcTemplate jdbc) {
            return JdbcPersonalDataStore.builder("test-notes", jdbc)
                    .table("test_note").createdAt("created_at").owner("tenant_id", "user_id")
                    .exportColumns("created_at", "body").build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataRegistry registry;

    @Autowired
    List<RecurringTask<?>> recurringTasks;

    @Autowired
    CrisisCheck crisisCheck;

    @Autowired
    PersonalDataGuard guard;

    @Autowired
    PrivacyCommands privacyCommands;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        jdbc.execute(TestDatabases.NOTE_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
        jdbc.update("DELETE FROM test_note");
        for (String[] row : new String[][] {{ANNA, "Annas rapport"}, {ANNA, "Annas andra rapport"}, {ERIK, "Eriks rapport"}}) {
            jdbc.update("INSERT INTO test_note (tenant_id, user_id, body, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                    TeamsActivity.TENANT, row[0], row[1]);
        }
    }

    private List<String> bodies() {
        return jdbc.queryForList("SELECT body FROM test_note ORDER BY body", String.class);
    }

    private static JsonNode confirmData() {
        return SafeguardingFixtures.JSON.createObjectNode().put("verb", "privacy.erase_confirm")
                .put("issuedAt", String.valueOf(Instant.now().getEpochSecond()));
    }

    @Test
    void context_wiresTheSafeguardingBeansAndTheDailyTask() {
        assertThat(registry.stores()).extracting(PersonalDataStore::name).containsExactly("conversation-languages", "privacy-audit",
                "progress-updates", "reflection-answers", "team-memberships", "teams-user-ids", "test-notes");
        assertThat(recurringTasks).extracting(t -> t.getName()).contains(RetentionSchedule.TASK_NAME);
        assertThat(crisisCheck.isCrisis("min man slår mig")).isTrue();
        assertThat(guard.containsPersonalData("ring 070-174 06 05")).isTrue();
        assertThat(privacyCommands.privacyCommand("radera mina uppgifter")).contains("privacy_erase");
    }

    @Test
    void eraseButton_pressedInPersonalChat_erasesOnlyAnnasRows() {
        var exchange = harness.send(TeamsActivity.personal("").value(confirmData()));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(bodies()).containsExactly("Eriks rapport");
        assertThat(harness.textsIn(TeamsActivity.PERSONAL_CONVERSATION)).singleElement()
                // Anna's two notes and her Teams user-id mapping (known since she wrote to the bot)
                .satisfies(text -> assertThat(text).contains("raderat 3 uppgifter"));
    }

    @Test
    void eraseButton_forgedDataNamingErik_stillOnlyErasesThePresser() {
        JsonNode forged = ((ObjectNode) confirmData()).put("userId", ERIK);

        harness.send(TeamsActivity.personal("").value(forged));

        assertThat(bodies()).containsExactly("Eriks rapport");
    }

    @Test
    void eraseButton_asExecuteInvokeInAChannel_isRefusedAndNothingDeleted() {
        var exchange = harness.send(TeamsActivity.fixture("adaptive-card-invoke").execute("privacy.erase_confirm", confirmData()));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(bodies()).hasSize(3);
        assertThat(harness.textsIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(text -> assertThat(text).contains("privata chatt"));
    }

    @Test
    void privacyPage_andAdminExport_answerOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/privacy?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/privacy/export?tenantId=" + TeamsActivity.TENANT + "&userId=" + ANNA)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"en\">", "Privacy in Vägvisaren");
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode json = SafeguardingFixtures.JSON.readTree(export.body());
        assertThat(json.at("/stores/test-notes").size()).isEqualTo(2);
        assertThat(export.body()).doesNotContain("Eriks rapport");
    }
}
