package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.reflection.AnswerScreen.Verdict;
import se.vagvisaren.reflection.SessionStore.StoredAnswer;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.safeguarding.HeldDrafts;
import se.vagvisaren.testing.BotTest;

/**
 * The {@link AnswerScreen} hook with a stand-in for safeguarding's guard: flagged free text is never
 * stored, and text flagged later is hidden on the result card.
 */
@BotTest
class AnswerScreeningTest {

    /** Stand-in: phone numbers are personal data, "rädd för" signals distress. */
    private static final AnswerScreen STAND_IN = (text, lang) ->
            text.contains("070-") ? Verdict.PERSONAL_DATA : text.contains("rädd för") ? Verdict.DISTRESS : Verdict.CLEAR;

    @Autowired SessionStore store;
    @Autowired RespondentKeys keys;
    @Autowired LaunchPolicy policy;
    @Autowired ReflectionProperties properties;
    @Autowired ReflectionTimers timers;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ExerciseCatalog catalog;
    @Autowired ExerciseCards cards;
    @Autowired CardTemplates templates;
    @Autowired ReplyTexts texts;
    @Autowired WorkspaceZones zones;
    @Autowired HeldDrafts held;

    ReflectionSessions sessions;
    ReflectionCardActions actions;
    final TeamFixture team = TeamFixture.channel("screen");
    final Person erik = Person.named("Erik Nilsson");
    final Person anna = Person.named("Anna Andersson");
    String session;

    @BeforeEach
    void setUp() {
        sessions = new ReflectionSessions(store, keys, policy, STAND_IN, properties, timers, clock, transactions);
        actions = new ReflectionCardActions(sessions, null, catalog, cards, texts, zones, properties, held, clock);
        session = sessions.launch(catalog.byId("normer-boxen").orElseThrow(), team.message(erik, "kör normer"), false, null)
                .session().id();
    }

    private CardActionResult answer(String freeText) {
        return actions.handle(new CardAction(ExerciseCards.VERB_ANSWER,
                TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", "3", "a_q4", freeText), team.message(anna, ""), null));
    }

    @Test
    void answer_personalDataInFreeText_isHeldNotStored_andTheConfirmButtonStoresItOnce() {
        CardActionResult result = answer("Ring Kalle på 070-123 45 67");

        assertThat(result.outcome()).isEqualTo(CardActionResult.Outcome.REFUSED);
        assertThat(result.toast()).contains("personuppgifter", "inte sparat", "aldrig i databasen");
        assertThat(result.replies()).isEmpty();
        assertThat(store.countAnswers(session)).isZero();
        assertThat(TeamFixture.textOf(result.updatedCard())).as("the presser's own card, to edit or confirm")
                .contains("Ring Kalle på 070-123 45 67", "Det är inga personuppgifter – spara svaret");

        var confirm = result.updatedCard().at("/actions/1/data");
        CardActionResult confirmed = actions.handle(new CardAction(ExerciseCards.VERB_CONFIRM_HELD, confirm,
                team.message(anna, ""), null));
        CardActionResult again = actions.handle(new CardAction(ExerciseCards.VERB_CONFIRM_HELD, confirm,
                team.message(anna, ""), null));

        assertThat(confirmed.outcome()).isEqualTo(CardActionResult.Outcome.DONE);
        assertThat(again.toast()).contains("redan sparat");
        assertThat(store.countAnswers(session)).isEqualTo(1);
    }

    @Test
    void answer_distressInFreeText_showsSupportNumbersToThePresserOnlyAndStoresNothing() {
        CardActionResult result = answer("Jag är rädd för min partner");

        assertThat(result.replies()).as("nothing is posted to the channel").isEmpty();
        assertThat(TeamFixture.textOf(result.updatedCard())).contains("112", "020-50 50 50", "116 111")
                .doesNotContain("rädd för min partner");
        assertThat(store.countAnswers(session)).isZero();
    }

    @Test
    void answer_clearText_isStored() {
        assertThat(answer("Killar ska inte gråta").outcome()).isEqualTo(CardActionResult.Outcome.DONE);
        assertThat(store.countAnswers(session)).isEqualTo(1);
    }

    @Test
    void results_textFlaggedAtShowTime_isHiddenAndCounted() {
        ResultCards results = new ResultCards(templates, texts, properties, STAND_IN, cards);
        Exercise box = catalog.byId("normer-boxen").orElseThrow();
        Tally tally = Tally.of(box, List.of(new StoredAnswer(null, "{\"q4\":\"Ring 070-123 45 67\"}"),
                new StoredAnswer(null, "{\"q4\":\"Killar ska vara tuffa\"}"),
                new StoredAnswer(null, "{\"q4\":\"Tjejer ska vara snälla\"}")), new Random(3));
        ReflectionSession s = store.find(session).orElseThrow();

        String text = TeamFixture.textOf(results.results(s, tally).card());

        assertThat(text).contains("Killar ska vara tuffa", "Tjejer ska vara snälla", "Ett svar visas inte")
                .doesNotContain("070-123");
        assertThat(s.language()).isEqualTo(Language.SV);
    }
}
