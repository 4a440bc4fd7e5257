package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.DatabaseTraces;

/**
 * Issue 16: a reflection answer with personal data (here with the real safeguarding guard) is not stored until
 * the writer has sent an edited answer or confirmed on their card that it holds none. Through
 * {@code /api/messages} with WireMock as the Bot Connector; "not stored" is checked in every text column.
 * Expiry of held drafts is shown by the progress feature's test (same {@code HeldDrafts}, movable clock).
 */
@BotTest
class HeldAnswerConversationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ConversationHarness harness;
    final Person erik = Person.named("Erik Nilsson");
    final Person anna = Person.named("Anna Andersson");
    final Person sara = Person.named("Sara Berg");
    TeamFixture team;
    String session;
    /** Letters no other test writes, to find the answer text itself in the database. */
    String marker;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        team = TeamFixture.channel("held");
        harness.send(team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        List<JsonNode> cards = team.cardsPosted(harness);
        session = TeamFixture.sessionIdOf(cards.get(cards.size() - 1));
        harness.connector().reset();
        marker = "elev" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private ConversationHarness.Exchange answer(Person who, String freeText) {
        return harness.send(team.execute(who, ExerciseCards.VERB_ANSWER,
                TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", "3", "a_q4", freeText)));
    }

    private int storedAnswers() {
        return jdbc.sql("SELECT COUNT(*) FROM reflection_answer WHERE session_id = :s").param("s", session)
                .query(Integer.class).single();
    }

    /** The confirm button's data on the presser's card (an Action.Execute). */
    private static JsonNode confirmButton(ConversationHarness.Exchange exchange) {
        JsonNode action = exchange.json().at("/value/actions/1");
        assertThat(action.path("verb").asText()).isEqualTo(ExerciseCards.VERB_CONFIRM_HELD);
        return action.path("data");
    }

    private static String shown(ConversationHarness.Exchange exchange) {
        JsonNode value = exchange.json().path("value");
        return value.isTextual() ? value.asText() : TeamFixture.textOf(value);
    }

    @Test
    void answer_mistypedPersonnummer_isHeldNotStored_theCardSaysHowToGoOn() {
        var exchange = answer(anna, "Vi borde ha reagerat när " + marker + " 120229-4477 slutade komma");

        assertThat(storedAnswers()).isZero();
        assertThat(DatabaseTraces.columnsContaining(jdbc, marker)).as("no table holds the answer").isEmpty();
        assertThat(shown(exchange)).contains("inte sparat", "tagit bort uppgifterna", "bekräftat med knappen",
                "aldrig i databasen", "Det är inga personuppgifter – spara svaret");
        assertThat(shown(exchange)).as("the presser's own card keeps their text to edit").contains(marker);
        assertThat(harness.repliesIn(team.conversationId)).as("nothing posted to the channel").isEmpty();
    }

    @Test
    void confirm_byWriter_storesOnce_secondPressSaysAlreadySaved() {
        JsonNode button = confirmButton(answer(anna, "Ring " + marker + " på 070-174 06 05"));

        var first = harness.send(team.execute(anna, ExerciseCards.VERB_CONFIRM_HELD, button));
        var second = harness.send(team.execute(anna, ExerciseCards.VERB_CONFIRM_HELD, button));

        assertThat(storedAnswers()).isEqualTo(1);
        assertThat(shown(first)).contains("Ditt svar är sparat", "1 svar");
        assertThat(shown(second)).contains("redan sparat", "inte en gång till");
        assertThat(DatabaseTraces.columnsContaining(jdbc, marker)).as("stored once, in the answers table only")
                .singleElement().satisfies(column -> assertThat(column).startsWithIgnoringCase("reflection_answer."));
    }

    @Test
    void confirm_byAnotherPerson_isRefusedAndStoresNothing() {
        JsonNode button = confirmButton(answer(anna, "Ring " + marker + " på 070-174 06 05"));

        var stranger = harness.send(team.execute(sara, ExerciseCards.VERB_CONFIRM_HELD, button));

        assertThat(shown(stranger)).contains("Bara den som skrev svaret");
        assertThat(storedAnswers()).isZero();
    }

    @Test
    void confirm_unknownOrMalformedToken_saysSoAndStoresNothing() {
        for (String token : List.of(UUID.randomUUID().toString(), "../../etc", "")) {
            var exchange = harness.send(team.execute(anna, ExerciseCards.VERB_CONFIRM_HELD,
                    TeamFixture.data(ExerciseCards.SESSION, session, ExerciseCards.HELD, token)));

            assertThat(exchange.status()).isEqualTo(200);
            assertThat(shown(exchange)).contains("finns inte kvar");
        }
        assertThat(storedAnswers()).isZero();
    }

    @Test
    void editedAnswer_isStored_andTheOldButtonNoLongerWorks() {
        JsonNode oldButton = confirmButton(answer(anna, "Ring " + marker + " på 070-174 06 05"));

        var edited = answer(anna, "Vi borde fråga oftare");
        var old = harness.send(team.execute(anna, ExerciseCards.VERB_CONFIRM_HELD, oldButton));

        assertThat(shown(edited)).contains("Ditt svar är sparat");
        assertThat(shown(old)).contains("finns inte kvar");
        assertThat(storedAnswers()).isEqualTo(1);
        assertThat(DatabaseTraces.columnsContaining(jdbc, marker)).isEmpty();
    }

    @Test
    void submitFallback_warningGoesPrivately_andItsButtonConfirms() {
        harness.send(team.submit(anna, ExerciseCards.VERB_ANSWER,
                TeamFixture.data(ExerciseCards.SESSION, session, "a_q4", marker + " ８５０１０１－１２３４")));

        assertThat(storedAnswers()).isZero();
        assertThat(harness.repliesIn(team.conversationId)).isEmpty();
        JsonNode privateCard = harness.connector().allActivities().get(0).path("attachments").get(0).path("content");
        assertThat(TeamFixture.textOf(privateCard)).contains("inte sparat");
        JsonNode fallback = privateCard.at("/actions/1/fallback/data");

        harness.send(team.submit(anna, ExerciseCards.VERB_CONFIRM_HELD, fallback));

        assertThat(storedAnswers()).isEqualTo(1);
    }

    @Test
    void disclosureInsideTheAnswer_isNeverHeldForConfirmation_theCrisisReplyComesFirst() {
        var exchange = answer(anna, "Min man slår mig, hans nummer är 070-174 06 05");

        assertThat(shown(exchange)).contains("112").doesNotContain("Det är inga personuppgifter");
        assertThat(storedAnswers()).isZero();
    }
}
