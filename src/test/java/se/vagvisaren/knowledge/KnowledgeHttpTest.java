package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.Language;

/** The HTTP contract, admin endpoints and hot reload in a running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:knowledgehttp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "db-scheduler.enabled=false",
        "vagvisaren.content.reload-interval=0s"})
@AutoConfigureTestRestTemplate
class KnowledgeHttpTest {

    static final Path KNOWLEDGE;

    static {
        try {
            KNOWLEDGE = KnowledgeFixtures.smallBase(Files.createTempDirectory("knowledge-http"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void knowledgeDir(DynamicPropertyRegistry registry) {
        registry.add("vagvisaren.content.knowledge-dir", KNOWLEDGE::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    QuestionLog questions;

    private ResponseEntity<JsonNode> query(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/knowledge/query", new HttpEntity<>(json, headers), JsonNode.class);
    }

    @Test
    void query_question_returnsTheAskContractWithNullPage() {
        ResponseEntity<JsonNode> response = query("{\"q\": \"Vad visar våldspyramiden?\", \"lang\": \"sv\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode first = response.getBody().path("answers").get(0);
        assertThat(response.getBody().path("fallback").asBoolean()).isFalse();
        assertThat(first.path("id").asText()).isEqualTo("pyramiden");
        assertThat(first.has("title") && first.has("text") && first.path("score").isNumber()).isTrue();
        assertThat(first.path("source").path("document").asText()).isEqualTo("Testdokument");
        assertThat(first.path("source").has("page")).isTrue();
        assertThat(first.path("source").path("page").isNull()).isTrue();
        assertThat(first.path("source").has("url")).as("url is part of the contract, null when unknown").isTrue();
    }

    @Test
    void query_luceneSyntaxAndHugeText_answerCleanly() {
        assertThat(query("{\"q\": \"title:* OR \\\"\", \"lang\": \"sv\"}").getBody().path("fallback").asBoolean()).isTrue();
        ResponseEntity<JsonNode> huge = query("{\"q\": \"" + "våld ".repeat(1000) + "\"}");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void query_missingOrBrokenBody_is400() {
        assertThat(query("{\"lang\": \"sv\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(query("{not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void gaps_fromLoopbackWithoutKey_listsStoredQuestions() {
        questions.unanswered("Hur söker vi pengar för MVP?", Language.SV);
        questions.unanswered("hur söker vi pengar för mvp", Language.SV);

        ResponseEntity<JsonNode> response = http.getForEntity("/api/knowledge/gaps", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode top = response.getBody().path("gaps").get(0);
        assertThat(top.path("count").asInt()).isEqualTo(2);
        assertThat(top.path("question").asText()).containsIgnoringCase("pengar för mvp");
    }

    @Test
    void status_brokenFileAndReloadOnContentChanged_withoutRestart() {
        KnowledgeFixtures.write(KNOWLEDGE.resolve("trasig.md"), "ingen front matter");
        KnowledgeFixtures.passage(KNOWLEDGE, "nytt", "machofabriken", "sv", "Machofabriken", "normer",
                "Machofabriken är ett material för att samtala om normer med unga.");

        events.publishEvent(new ContentChanged("knowledge"));

        JsonNode status = http.getForEntity("/api/knowledge/status", JsonNode.class).getBody();
        assertThat(status.path("passages").asInt()).isEqualTo(7);
        assertThat(status.path("problems").get(0).path("file").asText()).isEqualTo("trasig.md");
        assertThat(query("{\"q\": \"Vad är Machofabriken?\"}").getBody().path("answers").get(0).path("id").asText())
                .isEqualTo("machofabriken");
        assertThat(knowledge.size()).isEqualTo(7);
    }

    @Test
    void query_emojiOnlyAndFiveThousandCharacters_answerWithFallbackOrPassageNever500() {
        ResponseEntity<JsonNode> emoji = query("{\"q\": \"😱🙏💔\", \"lang\": \"sv\"}");
        String longQuestion = "Vad visar våldspyramiden om vardagliga kränkningar? ".repeat(100).substring(0, 5000);
        ResponseEntity<JsonNode> huge = query("{\"q\": \"" + longQuestion + "\", \"lang\": \"sv\"}");
        ResponseEntity<JsonNode> syntax = query("{\"q\": \"pyramiden~ AND (title:* OR \\\"\", \"lang\": \"sv\"}");

        assertThat(emoji.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(emoji.getBody().path("fallback").asBoolean()).isTrue();
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(huge.getBody().path("answers").get(0).path("id").asText()).isEqualTo("pyramiden");
        assertThat(syntax.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(syntax.getBody().has("answers")).isTrue();
    }

    @Test
    void health_knowledgeComponent_isUpWithPassageCount() {
        // The index is built in the background at start; health says "loading" (OUT_OF_SERVICE) until it is done.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(knowledge::loaded);
        JsonNode health = http.getForEntity("/actuator/health", JsonNode.class).getBody();

        JsonNode component = health.path("components").path("knowledge");
        assertThat(component.path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("passages").asInt()).isEqualTo(knowledge.size()).isPositive();
        assertThat(component.path("details").has("problems")).isTrue();
    }
}
