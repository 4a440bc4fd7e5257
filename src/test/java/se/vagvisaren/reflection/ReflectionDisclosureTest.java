package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;

/**
 * Issue 16: a disclosure typed into a reflection answer — with look-alike letters and a zero-width space, as
 * people really type — gets the crisis reply first, privately, with the line that fits the writer, and the
 * answer is not stored. Through {@code /api/messages}, WireMock as the Bot Connector.
 */
@BotTest
class ReflectionDisclosureTest extends ConversationFixture {

    @Autowired
    JdbcClient jdbc;

    final Person erik = Person.named("Erik Nilsson");
    final Person anna = Person.named("Anna Andersson");

    private String launch(TeamFixture team) {
        var exchange = harness.send(team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        assertThat(exchange.status()).isEqualTo(200);
        List<JsonNode> cards = team.cardsPosted(harness);
        return TeamFixture.sessionIdOf(cards.get(cards.size() - 1));
    }

    private int storedAnswers(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM reflection_answer WHERE session_id = :s").param("s", session)
                .query(Integer.class).single();
    }

    @Test
    void answer_disclosureFromAChildInFreeText_getsBrisFirstPrivatelyAndNothingIsStored() {
        TeamFixture team = TeamFixture.channel("disclosure");
        String session = launch(team);
        harness.connector().reset();
        var data = TeamFixture.data("a_q1", "3", "a_q4", "jаg går i sjuаn och pаppа sl\u200Bår mig när han druckit");
        data.put(ExerciseCards.SESSION, session);

        var exchange = harness.send(team.execute(anna, ExerciseCards.VERB_ANSWER, data));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(storedAnswers(session)).isZero();
        assertThat(exchange.body()).contains("112");
        assertThat(harness.repliesIn(team.conversationId)).as("nothing is posted in the channel").isEmpty();
        String privately = String.join("\n", harness.connector().allActivities().stream()
                .map(ConversationHarness::visibleText).toList());
        assertThat(privately).contains("112", "BRIS 116 111").doesNotContain("sjuan", "druckit");
        assertThat(privately.indexOf("BRIS 116 111")).isLessThan(privately.indexOf("Kvinnofridslinjen"));
    }

    @Test
    void answer_ordinaryFreeText_isStillStored() {
        TeamFixture team = TeamFixture.channel("ordinary");
        String session = launch(team);
        var data = TeamFixture.data("a_q1", "3", "a_q4", "Det slår mig att killar förväntas vara tuffa");
        data.put(ExerciseCards.SESSION, session);

        assertThat(harness.send(team.execute(anna, ExerciseCards.VERB_ANSWER, data)).status()).isEqualTo(200);
        assertThat(storedAnswers(session)).isEqualTo(1);
    }
}
