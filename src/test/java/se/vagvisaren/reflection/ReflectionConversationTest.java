package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.admin.Role;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.reflection.TeamFixture.Person;
import se.vagvisaren.safeguarding.PrivacyCommands;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Exercises in a channel through {@code /api/messages}, with WireMock as the Bot Connector: launch, answer
 * on the card, close, results. Every test uses its own team and channel.
 */
@BotTest
class ReflectionConversationTest extends ConversationFixture {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TeamRoles roles;

    @Autowired
    ReflectionIntents intents;

    @Autowired
    PersonalAnswers personalAnswers;

    @Autowired
    PrivacyCommands privacyCommands;

    @Autowired
    AnswerErasureCommand answerErasure;

    final Person erik = Person.named("Erik Nilsson");
    final Person anna = Person.named("Anna Andersson");
    final Person sara = Person.named("Sara Berg");
    final Person omar = Person.named("Omar Haddad");

    /** Erik launches the box exercise from the picker; returns the session id on the posted card. */
    private String launch(TeamFixture team, Person who, String exerciseId) {
        var exchange = harness.send(team.execute(who, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, exerciseId)));
        assertThat(exchange.status()).isEqualTo(200);
        List<JsonNode> cards = team.cardsPosted(harness);
        assertThat(cards).isNotEmpty();
        return TeamFixture.sessionIdOf(cards.get(cards.size() - 1));
    }

    private ConversationHarness.Exchange answer(TeamFixture team, Person who, String session, String... inputs) {
        var data = TeamFixture.data(inputs);
        data.put(ExerciseCards.SESSION, session);
        return harness.send(team.execute(who, ExerciseCards.VERB_ANSWER, data));
    }

    private ConversationHarness.Exchange close(TeamFixture team, Person who, String session) {
        return harness.send(team.execute(who, ExerciseCards.VERB_CLOSE, TeamFixture.data(ExerciseCards.SESSION, session)));
    }

    private int storedAnswers(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM reflection_answer WHERE session_id = :s").param("s", session)
                .query(Integer.class).single();
    }

    private String status(String session) {
        return jdbc.sql("SELECT status FROM reflection_session WHERE id = :s").param("s", session).query(String.class).single();
    }

    /** What the presser sees: the updated card or the message in the invoke response. */
    private static String shown(ConversationHarness.Exchange exchange) {
        JsonNode value = exchange.json().path("value");
        return value.isTextual() ? value.asText() : TeamFixture.textOf(value);
    }

    // ---- the happy path ---------------------------------------------------------------------------

    @Test
    void launchAnswerClose_threeUsers_postsResultCardWithExactCounts() {
        TeamFixture team = TeamFixture.channel("three");
        String session = launch(team, erik, "normer-boxen");
        JsonNode exerciseCard = team.cardsPosted(harness).get(0);
        assertThat(exerciseCard.path("version").asText()).isEqualTo("1.5");
        assertThat(TeamFixture.textOf(exerciseCard)).contains("Boxen", "Anonymt", "Inga svar än", "Skicka svar");

        var first = answer(team, anna, session, "a_q1", "4", "a_q2", "friends,media", "a_q3", "jokes", "a_q4", "Killar ska vara **tuffa**");
        var second = answer(team, sara, session, "a_q1", "4", "a_q2", "friends", "a_q3", "excluded");
        var third = answer(team, omar, session, "a_q1", "2", "a_q4", "Tjejer ska vara <at>snälla</at>");

        assertThat(shown(first)).contains("Tack! Ditt svar är sparat", "1 svar");
        assertThat(shown(second)).contains("2 svar");
        assertThat(shown(third)).contains("3 svar").doesNotContain("Omar", "Sara", "Anna");
        assertThat(first.json().path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");

        harness.connector().reset();
        var closed = close(team, erik, session);

        assertThat(shown(closed)).contains("Övningen är avslutad", "3 svar");
        String results = TeamFixture.textOf(team.cardsPosted(harness).get(0));
        assertThat(results).contains("Resultat: Boxen", "3 svar · anonyma svar")
                .contains("4 ▇▇▇▇▇▇▇▇▇▇ 2", "2 ▇▇▇▇▇▁▁▁▁▁ 1", "1 ▁▁▁▁▁▁▁▁▁▁ 0", "Medelvärde 3,3 av 5 · 3 svar")
                .contains("▇▇▇▇▇▇▇▇▇▇ 2  Kompisar", "▇▇▇▇▇▁▁▁▁▁ 1  Medier och sociala medier", "▁▁▁▁▁▁▁▁▁▁ 0  Familjen")
                .contains("• Killar ska vara \\*\\*tuffa\\*\\*", "• Tjejer ska vara &lt;at&gt;snälla&lt;/at&gt;")
                .contains("Att prata om", "Vilka ord hamnade i boxarna")
                .doesNotContain("Anna", "Sara", "Omar", "Erik");
        assertThat(status(session)).isEqualTo("CLOSED");
    }

    @Test
    void close_anonymousSession_storesNoUserIdsOrNamesAndErasesTheSalt() {
        TeamFixture team = TeamFixture.channel("privacy");
        String session = launch(team, erik, "valdspyramiden");
        answer(team, anna, session, "a_q2", "3");
        answer(team, sara, session, "a_q2", "5");

        close(team, erik, session);

        List<String> rows = jdbc.sql("SELECT respondent_key || '|' || COALESCE(respondent_name, '') || '|' || answers_json "
                + "FROM reflection_answer WHERE session_id = :s").param("s", session).query(String.class).list();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row)
                .doesNotContain(anna.aadId(), anna.teamsId(), anna.name(), sara.aadId(), sara.name()));
        assertThat(jdbc.sql("SELECT salt FROM reflection_session WHERE id = :s").param("s", session)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void close_twoAnswers_saysTooFewAndShowsNoResults() {
        TeamFixture team = TeamFixture.channel("two");
        String session = launch(team, erik, "normer-boxen");
        answer(team, anna, session, "a_q1", "5", "a_q4", "hemligt svar");
        answer(team, sara, session, "a_q1", "1");
        harness.connector().reset();

        close(team, erik, session);

        String results = TeamFixture.textOf(team.cardsPosted(harness).get(0));
        assertThat(results).contains("för få svar för att visa resultat", "minst 3", "2 svar")
                .doesNotContain("hemligt svar", "▇", "Medelvärde");
    }

    @Test
    void answer_sameUserTwice_replacesTheEarlierAnswer() {
        TeamFixture team = TeamFixture.channel("twice");
        String session = launch(team, erik, "normer-boxen");
        answer(team, anna, session, "a_q1", "1");

        var again = answer(team, anna, session, "a_q1", "5");
        answer(team, sara, session, "a_q1", "5");
        answer(team, omar, session, "a_q1", "5");
        harness.connector().reset();
        close(team, erik, session);

        assertThat(shown(again)).contains("ersatt det förra", "1 svar");
        assertThat(storedAnswers(session)).isEqualTo(3);
        assertThat(TeamFixture.textOf(team.cardsPosted(harness).get(0)))
                .contains("5 ▇▇▇▇▇▇▇▇▇▇ 3", "1 ▁▁▁▁▁▁▁▁▁▁ 0", "Medelvärde 5,0 av 5");
    }

    @Test
    void answer_viaSubmitFallback_confirmsPrivatelyAndPostsNothingInTheChannel() {
        TeamFixture team = TeamFixture.channel("submit");
        String session = launch(team, erik, "normer-boxen");
        harness.connector().reset();

        var exchange = harness.send(team.submit(anna, ExerciseCards.VERB_ANSWER,
                TeamFixture.data(ExerciseCards.SESSION, session, "a_q1", "3")));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(harness.repliesIn(team.conversationId)).isEmpty();
        assertThat(harness.connector().allActivities()).singleElement()
                .satisfies(reply -> assertThat(ConversationHarness.visibleText(reply)).contains("Ditt svar är sparat", "1 svar"));
        assertThat(storedAnswers(session)).isEqualTo(1);
    }

    @Test
    void answer_fiftyAtOnce_counterAndResultsAreExact() throws Exception {
        TeamFixture team = TeamFixture.channel("fifty");
        String session = launch(team, erik, "normer-boxen");
        int people = 50;
        List<Person> everyone = java.util.stream.IntStream.range(0, people).mapToObj(i -> Person.named("Person " + i)).toList();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(people);
        List<java.util.concurrent.Future<String>> shownToEach = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            Person who = everyone.get(i);
            String value = Integer.toString(i % 5 + 1);
            shownToEach.add(pool.submit(() -> {
                start.await();
                return shown(answer(team, who, session, "a_q1", value, "a_q3", "jokes"));
            }));
        }
        start.countDown();
        java.util.Set<Integer> counters = new java.util.TreeSet<>();
        for (var future : shownToEach) {
            var matcher = java.util.regex.Pattern.compile("Nu finns (\\d+) svar").matcher(future.get());
            assertThat(matcher.find()).isTrue();
            counters.add(Integer.parseInt(matcher.group(1)));
        }
        pool.shutdown();
        harness.connector().reset();

        close(team, erik, session);

        assertThat(counters).hasSize(people).first().isEqualTo(1);
        assertThat(counters).last().isEqualTo(people);
        assertThat(storedAnswers(session)).isEqualTo(people);
        assertThat(TeamFixture.textOf(team.cardsPosted(harness).get(0)))
                .contains("50 svar · anonyma svar", "1 ▇▇▇▇▇▇▇▇▇▇ 10", "3 ▇▇▇▇▇▇▇▇▇▇ 10", "5 ▇▇▇▇▇▇▇▇▇▇ 10",
                        "Medelvärde 3,0 av 5 · 50 svar", "▇▇▇▇▇▇▇▇▇▇ 50  Hen får höra skämt eller kommentarer");
    }

    // ---- bad input ---------------------------------------------------------------------------------

    @Test
    void answer_afterClose_isRefusedPolitelyAndNotStored() {
        TeamFixture team = TeamFixture.channel("late");
        String session = launch(team, erik, "normer-boxen");
        answer(team, anna, session, "a_q1", "2");
        close(team, erik, session);

        var late = answer(team, sara, session, "a_q1", "4");

        assertThat(late.status()).isEqualTo(200);
        assertThat(shown(late)).contains("redan avslutad", "svaret sparades inte");
        assertThat(storedAnswers(session)).isEqualTo(1);
    }

    @Test
    void answer_unknownOrMalformedSession_isRefusedAndNothingStored() {
        TeamFixture team = TeamFixture.channel("unknown");
        int before = jdbc.sql("SELECT COUNT(*) FROM reflection_answer").query(Integer.class).single();

        var unknown = answer(team, anna, UUID.randomUUID().toString(), "a_q1", "2");
        var injected = answer(team, anna, "x' OR '1'='1", "a_q1", "2");
        var missing = harness.send(team.execute(anna, ExerciseCards.VERB_ANSWER, TeamFixture.data("a_q1", "2")));

        assertThat(List.of(unknown, injected, missing)).allSatisfy(exchange -> {
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(shown(exchange)).contains("Den här övningen hittar jag inte");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_answer").query(Integer.class).single()).isEqualTo(before);
        assertThat(harness.repliesIn(team.conversationId)).isEmpty();
    }

    @Test
    void answer_sessionIdOfAnotherConversation_isTreatedAsUnknown() {
        TeamFixture other = TeamFixture.channel("other");
        String othersSession = launch(other, erik, "normer-boxen");
        TeamFixture mine = TeamFixture.channel("mine");

        var tampered = answer(mine, anna, othersSession, "a_q1", "5");

        assertThat(shown(tampered)).contains("hittar jag inte");
        assertThat(storedAnswers(othersSession)).isZero();
    }

    @Test
    void answer_scaleValue99_isRefusedAndNothingStored() {
        TeamFixture team = TeamFixture.channel("ninetynine");
        String session = launch(team, erik, "normer-boxen");

        var exchange = answer(team, anna, session, "a_q1", "99", "a_q3", "jokes");

        assertThat(shown(exchange)).contains("fråga 1 gick inte att läsa", "inget sparades");
        assertThat(exchange.json().path("value").isTextual()).as("the card stays as the user filled it").isTrue();
        assertThat(storedAnswers(session)).isZero();
    }

    @Test
    void answer_twentyThousandCharacters_isRefusedAndNothingStored() {
        TeamFixture team = TeamFixture.channel("long");
        String session = launch(team, erik, "normer-boxen");

        var exchange = answer(team, anna, session, "a_q4", "å".repeat(20_000));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(shown(exchange)).contains("fråga 4 är för långt", "högst 1\u00a0000 tecken");
        assertThat(storedAnswers(session)).isZero();
    }

    @Test
    void close_byParticipantWhoIsNotLauncherOrFacilitator_isRefusedAndSessionStaysOpen() {
        TeamFixture team = TeamFixture.channel("noclose");
        String session = launch(team, erik, "normer-boxen");
        harness.connector().reset();

        var exchange = close(team, sara, session);

        assertThat(shown(exchange)).contains("den som startade övningen, en utbildare eller en samordnare");
        assertThat(status(session)).isEqualTo("OPEN");
        assertThat(harness.repliesIn(team.conversationId)).isEmpty();
    }

    @Test
    void close_byFacilitatorWhoDidNotLaunch_isAllowed() {
        TeamFixture team = TeamFixture.channel("facilitator");
        String session = launch(team, erik, "normer-boxen");
        roles.grant(team.teamId, sara.aadId(), Role.FACILITATOR, "test");

        close(team, sara, session);

        assertThat(status(session)).isEqualTo("CLOSED");
    }

    @Test
    void close_twiceAtOnce_postsResultsOnce() {
        TeamFixture team = TeamFixture.channel("double-close");
        String session = launch(team, erik, "normer-boxen");
        harness.connector().reset();

        close(team, erik, session);
        var second = close(team, erik, session);

        assertThat(shown(second)).contains("redan avslutad");
        assertThat(team.cardsPosted(harness)).hasSize(1);
    }

    @Test
    void unknownReflectionVerb_isUnknownActionNot500() {
        TeamFixture team = TeamFixture.channel("verb");

        var exchange = harness.send(team.execute(anna, "reflection.drop-tables", TeamFixture.data()));

        assertThat(exchange.status()).isEqualTo(400);
    }

    // ---- launching -----------------------------------------------------------------------------------

    @Test
    void launch_restrictedToFacilitators_refusesOthersAndLetsFacilitatorsLaunch() {
        TeamFixture team = TeamFixture.channel("restricted");
        roles.grant(team.teamId, erik.aadId(), Role.COORDINATOR, "test");
        roles.grant(team.teamId, sara.aadId(), Role.FACILITATOR, "test");

        List<Reply> byAnna = intents.handle(team.message(anna, "endast utbildare får starta övningar"), RecognizedIntent.of("reflection_start"));
        List<Reply> byErik = intents.handle(team.message(erik, "endast utbildare får starta övningar"), RecognizedIntent.of("reflection_start"));
        var refused = harness.send(team.execute(anna, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        assertThat(team.cardsPosted(harness)).isEmpty();
        var allowed = harness.send(team.execute(sara, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));

        assertThat(byAnna).singleElement().satisfies(r -> assertThat(r.text()).contains("bara en samordnare"));
        assertThat(byErik).singleElement().satisfies(r -> assertThat(r.text()).contains("bara utbildare och samordnare"));
        assertThat(shown(refused)).contains("utbildare och samordnare som startar övningar");
        assertThat(shown(allowed)).contains("Övningen är startad");
        assertThat(team.cardsPosted(harness)).hasSize(1);
    }

    @Test
    void launch_settingsCard_savedByCoordinatorOnly() {
        TeamFixture team = TeamFixture.channel("settings");
        roles.grant(team.teamId, erik.aadId(), Role.COORDINATOR, "test");

        var byAnna = harness.send(team.execute(anna, PickerCards.VERB_SETTINGS, TeamFixture.data("launch", "facilitators")));
        var byErik = harness.send(team.execute(erik, PickerCards.VERB_SETTINGS, TeamFixture.data("launch", "facilitators")));
        var forged = harness.send(team.execute(erik, PickerCards.VERB_SETTINGS, TeamFixture.data("launch", "nobody")));

        assertThat(shown(byAnna)).contains("bara en samordnare");
        assertThat(shown(byErik)).contains("bara utbildare och samordnare");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT setting_value FROM workspace_setting WHERE workspace_id = :w AND name = 'reflection.launch'")
                .param("w", team.teamId).query(String.class).single()).isEqualTo("facilitators");
    }

    @Test
    void launch_namedMode_onlyByFacilitator_andShownOnCardAndResults() {
        TeamFixture team = TeamFixture.channel("named");
        roles.grant(team.teamId, sara.aadId(), Role.FACILITATOR, "test");
        var data = TeamFixture.data(PickerCards.EXERCISE, "steg4-insatser", PickerCards.NAMED, "true");

        var byAnna = harness.send(team.execute(anna, PickerCards.VERB_LAUNCH, data));
        String session = launch(team, sara, "steg4-insatser");
        assertThat(status(session)).isEqualTo("OPEN");
        close(team, sara, session);
        harness.connector().reset();
        harness.send(team.execute(sara, PickerCards.VERB_LAUNCH, data));
        String named = TeamFixture.sessionIdOf(team.cardsPosted(harness).get(0));
        String card = TeamFixture.textOf(team.cardsPosted(harness).get(0));
        answer(team, anna, named, "a_q4", "Brist på tid → utbildning → fler vågar agera");
        answer(team, omar, named, "a_q1", "basic");
        answer(team, erik, named, "a_q1", "basic");
        harness.connector().reset();
        close(team, sara, named);

        assertThat(shown(byAnna)).contains("Bara utbildare och samordnare kan välja svar med namn");
        assertThat(card).contains("Med namn");
        assertThat(TeamFixture.textOf(team.cardsPosted(harness).get(0)))
                .contains("svar med namn", "**Anna Andersson:** Brist på tid → utbildning → fler vågar agera");
    }

    @Test
    void launch_secondWhileOneIsOpen_isRefused() {
        TeamFixture team = TeamFixture.channel("busy");
        launch(team, erik, "normer-boxen");

        var second = harness.send(team.execute(anna, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "valdspyramiden")));

        assertThat(shown(second)).contains("”Boxen – förväntningarna vi växte upp med” pågår redan här");
        assertThat(team.cardsPosted(harness)).hasSize(1);
    }

    @Test
    void launch_redeliveredActivity_launchesOnce() {
        TeamFixture team = TeamFixture.channel("redelivery");
        TeamsActivity press = team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen"));

        harness.send(press);
        harness.send(press);

        assertThat(team.cardsPosted(harness)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_session WHERE conversation_id = :c")
                .param("c", team.conversationId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void launch_unknownExerciseId_isRefused() {
        TeamFixture team = TeamFixture.channel("forged-exercise");

        var exchange = harness.send(team.execute(erik, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "../../etc/passwd")));

        assertThat(shown(exchange)).contains("hittar jag inte längre");
        assertThat(team.cardsPosted(harness)).isEmpty();
    }

    // ---- chat commands (called directly until the NLU routes them) -----------------------------------

    @Test
    void handle_startWithExerciseName_postsThatExercise_andAvslutaClosesIt() {
        TeamFixture team = TeamFixture.channel("text");
        List<Reply> started = intents.handle(team.message(erik, "kör övningen om normer"), RecognizedIntent.of("reflection_start"));
        List<Reply> byOther = intents.handle(team.message(anna, "avsluta övningen"), RecognizedIntent.of("reflection_start"));
        List<Reply> closed = intents.handle(team.message(erik, "avsluta övningen"), RecognizedIntent.of("reflection_start"));
        List<Reply> nothingOpen = intents.handle(team.message(erik, "avsluta övningen"), RecognizedIntent.of("reflection_list"));

        assertThat(started).singleElement().satisfies(r -> assertThat(TeamFixture.textOf(r.card())).contains("Boxen"));
        assertThat(byOther).singleElement().satisfies(r -> assertThat(r.text()).contains("den som startade"));
        assertThat(closed).singleElement().satisfies(r -> assertThat(TeamFixture.textOf(r.card()))
                .contains("Resultat: Boxen", "för få svar"));
        assertThat(nothingOpen).singleElement().satisfies(r -> assertThat(r.text()).contains("Det pågår ingen övning"));
    }

    @Test
    void visaResultatet_afterTheExerciseClosed_showsItsResultsAgainInTheChannel() {
        TeamFixture team = TeamFixture.channel("again");
        String session = launch(team, erik, "normer-boxen");
        answer(team, anna, session, "a_q1", "4");
        answer(team, sara, session, "a_q1", "4");
        answer(team, omar, session, "a_q1", "2");
        close(team, erik, session);
        harness.connector().reset();

        harness.send(TeamsActivity.channel("visa resultatet").conversationId(team.conversationId));

        List<String> shown = harness.textsIn(team.conversationId);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).contains("Här är resultatet från den senaste övningen, Boxen", "(avslutad ");
        assertThat(TeamFixture.textOf(team.cardsPosted(harness).get(0)))
                .contains("Resultat: Boxen", "3 svar · anonyma svar", "4 ▇▇▇▇▇▇▇▇▇▇ 2", "2 ▇▇▇▇▇▁▁▁▁▁ 1");
        assertThat(status(session)).isEqualTo("CLOSED");
    }

    @Test
    void visaResultatet_namedExerciseClosed_onlyThoseWhoMayCloseItSeeTheNamesAgain() {
        TeamFixture team = TeamFixture.channel("named-again");
        roles.grant(team.teamId, erik.aadId(), Role.FACILITATOR, "test");
        var launched = harness.send(team.execute(erik, PickerCards.VERB_LAUNCH,
                TeamFixture.data(PickerCards.EXERCISE, "normer-boxen", PickerCards.NAMED, "true")));
        assertThat(launched.status()).isEqualTo(200);
        String session = TeamFixture.sessionIdOf(team.cardsPosted(harness).get(0));
        answer(team, anna, session, "a_q1", "4", "a_q4", "Killar ska inte gråta");
        answer(team, sara, session, "a_q1", "4");
        answer(team, omar, session, "a_q1", "2");
        close(team, erik, session);

        List<Reply> byMember = intents.handle(team.message(anna, "visa resultatet"), RecognizedIntent.of("reflection_start"));
        List<Reply> byFacilitator = intents.handle(team.message(erik, "visa resultatet"), RecognizedIntent.of("reflection_start"));

        assertThat(byMember).singleElement().satisfies(r -> assertThat(r.text()).contains("svar med namn")
                .doesNotContain("Anna", "gråta"));
        assertThat(byFacilitator).hasSize(2);
        assertThat(TeamFixture.textOf(byFacilitator.get(1).card())).contains("Resultat: Boxen", "Anna Andersson");
    }

    @Test
    void visaResultatet_noExerciseClosedHere_saysThereIsNothingToShow() {
        TeamFixture team = TeamFixture.channel("no-results");

        harness.send(TeamsActivity.channel("visa resultatet").conversationId(team.conversationId));

        assertThat(harness.textsIn(team.conversationId)).singleElement().asString()
                .contains("Ingen övning har avslutats här de senaste 14 dagarna");
    }

    @Test
    void visaResultatet_exerciseStillOpen_closesItLikeAvsluta() {
        TeamFixture team = TeamFixture.channel("show-open");
        intents.handle(team.message(erik, "kör övningen om normer"), RecognizedIntent.of("reflection_start"));

        List<Reply> byOther = intents.handle(team.message(anna, "visa resultatet"), RecognizedIntent.of("reflection_start"));
        List<Reply> byLauncher = intents.handle(team.message(erik, "visa resultatet"), RecognizedIntent.of("reflection_start"));

        assertThat(byOther).singleElement().satisfies(r -> assertThat(r.text())
                .contains("Övningen pågår fortfarande", "när tiden är ute"));
        assertThat(byLauncher).singleElement().satisfies(r -> assertThat(TeamFixture.textOf(r.card()))
                .contains("Resultat: Boxen", "för få svar"));
    }

    @Test
    void handle_startWithoutName_orList_givesNumberedPicker() {
        TeamFixture team = TeamFixture.channel("picker");

        List<Reply> start = intents.handle(team.message(anna, "starta reflektion"), RecognizedIntent.of("reflection_start"));
        List<Reply> list = intents.handle(team.message(anna, "vilka övningar finns"), RecognizedIntent.of("reflection_list"));
        List<Reply> ambiguous = intents.handle(team.message(anna, "kör en övning om aktiv åskådare"), RecognizedIntent.of("reflection_start"));

        assertThat(TeamFixture.textOf(start.get(0).card())).contains("Reflektionsövningar", "1. Steg 1", "Starta", "Svar med namn");
        assertThat(start.get(0).card().path("version").asText()).isEqualTo("1.5");
        assertThat(TeamFixture.textOf(list.get(0).card())).contains("12. ");
        // issue 20: twelve exercises are not one long card: five rows, the rest behind "Visa 7 övningar till"
        JsonNode exercises = list.get(0).card().path("body").get(3).path("items");
        assertThat(exercises).filteredOn(e -> e.path("type").asText().equals("Container") && !e.has("id")).hasSize(PickerCards.FIRST_PAGE);
        assertThat(list.get(0).card().toString()).contains("Visa 7 övningar till").contains("\"isVisible\":false");
        assertThat(TeamFixture.textOf(ambiguous.get(0).card())).contains("flera övningar", "Aktiv åskådare")
                .doesNotContain("Våldspyramiden");
    }

    @Test
    void handle_scheduleWhileSchedulerOff_saysSoAndPlansNothing() {
        TeamFixture team = TeamFixture.channel("schedule-off");

        List<Reply> replies = intents.handle(team.message(erik, "kör övningen om normer varje måndag kl 9 i fyra veckor"),
                RecognizedIntent.of("reflection_start"));
        List<Reply> noCount = intents.handle(team.message(erik, "kör övningen om normer varje måndag kl 9"),
                RecognizedIntent.of("reflection_start"));

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.text()).contains("Schemaläggning är avstängd"));
        assertThat(noCount).singleElement().satisfies(r -> assertThat(r.text()).contains("Hur många gånger"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_schedule WHERE conversation_id = :c")
                .param("c", team.conversationId).query(Integer.class).single()).isZero();
    }

    // ---- personal mode -----------------------------------------------------------------------------

    @Test
    void personalMode_answersArePrivateAndRaderaMinaSvarDeletesThem() {
        TeamFixture chat = TeamFixture.personal(anna);
        var launched = harness.send(chat.execute(anna, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        JsonNode card = chat.cardsPosted(harness).get(0);
        String session = TeamFixture.sessionIdOf(card);
        assertThat(launched.status()).isEqualTo(200);
        assertThat(TeamFixture.textOf(card)).contains("Bara för dig", "Radera mina svar").doesNotContain("Avsluta");

        var answered = answer(chat, anna, session, "a_q1", "3", "a_q4", "Mina egna tankar");
        TeamFixture strangersChat = TeamFixture.personal(omar);
        var stranger = answer(strangersChat, omar, session, "a_q1", "1");
        assertThat(personalAnswers.export(TeamsActivity.TENANT, anna.aadId())).singleElement()
                .satisfies(a -> assertThat(a.answersJson()).contains("Mina egna tankar"));
        List<Reply> deleted = intents.handle(chat.message(anna, "radera mina svar"), RecognizedIntent.of("reflection_start"));

        assertThat(shown(answered)).contains("Bara du ser dina svar", "Mina egna tankar", "Vilka ord hamnade i boxarna");
        assertThat(shown(stranger)).contains("hittar jag inte");
        assertThat(deleted).singleElement().satisfies(r -> assertThat(r.text()).contains("raderat ett sparat svar"));
        assertThat(personalAnswers.export(TeamsActivity.TENANT, anna.aadId())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection_session WHERE id = :s").param("s", session)
                .query(Integer.class).single()).isZero();
        assertThat(storedAnswers(session)).isZero();
    }

    /**
     * Issue 17: "radera mina svar" is a privacy phrase too (the privacy words no longer leave "svar" out); the
     * routing order, reflection's own answers before the privacy commands, gives it to the exercises.
     */
    @Test
    void raderaMinaSvar_sentAsChat_theRoutingOrderGivesItToTheExercisesNotThePrivacyErase() {
        TeamFixture chat = TeamFixture.personal(sara);
        harness.send(chat.execute(sara, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        String session = TeamFixture.sessionIdOf(chat.cardsPosted(harness).get(0));
        answer(chat, sara, session, "a_q1", "3");
        harness.connector().reset();

        var erased = harness.send(chat.say(sara, "radera mina svar"));

        assertThat(privacyCommands.privacyCommand("radera mina svar")).contains("privacy_erase");
        assertThat(erased.status()).isEqualTo(200);
        assertThat(harness.repliesIn(chat.conversationId)).singleElement().satisfies(reply -> {
            assertThat(ConversationHarness.visibleText(reply)).contains("raderat ett sparat svar");
            assertThat(reply.path("attachments").size()).isZero();
        });
        assertThat(personalAnswers.export(TeamsActivity.TENANT, sara.aadId())).isEmpty();
    }

    /** Only a message the model reads as a reflection request erases answers at once; otherwise privacy asks first. */
    @Test
    void answerErasure_otherIntentOrOtherWords_leavesTheMessageToLaterSteps() {
        TeamFixture chat = TeamFixture.personal(sara);

        assertThat(answerErasure.answer(chat.message(sara, "radera mina svar"), RecognizedIntent.of("out_of_scope"))).isEmpty();
        assertThat(answerErasure.answer(chat.message(sara, "avsluta övningen"), RecognizedIntent.of("reflection_start"))).isEmpty();
        assertThat(answerErasure.answer(chat.message(sara, "delete my answers"), RecognizedIntent.of("reflection_list"))).isPresent();
    }

    /** The counterpart: the general words still reach the privacy erase, which asks first and keeps the answers. */
    @Test
    void raderaMinaUppgifter_sentAsChat_asksToConfirmThePrivacyEraseAndKeepsTheAnswers() {
        TeamFixture chat = TeamFixture.personal(omar);
        harness.send(chat.execute(omar, PickerCards.VERB_LAUNCH, TeamFixture.data(PickerCards.EXERCISE, "normer-boxen")));
        String session = TeamFixture.sessionIdOf(chat.cardsPosted(harness).get(0));
        answer(chat, omar, session, "a_q1", "2");
        harness.connector().reset();

        harness.send(chat.say(omar, "radera mina uppgifter"));

        assertThat(TeamFixture.textOf(chat.cardsPosted(harness).get(0))).contains("Ja, radera");
        assertThat(personalAnswers.export(TeamsActivity.TENANT, omar.aadId())).hasSize(1);
    }

    @Test
    void raderaMinaSvar_inChannel_removesOwnAnswerFromOpenSessionAndRepliesPrivately() {
        TeamFixture team = TeamFixture.channel("erase");
        String session = launch(team, erik, "normer-boxen");
        answer(team, anna, session, "a_q1", "2");
        answer(team, sara, session, "a_q1", "4");

        assertThat(personalAnswers.export(TeamsActivity.TENANT, anna.aadId())).singleElement()
                .satisfies(a -> assertThat(a.answersJson()).isEqualTo("{\"q1\":2}"));

        List<Reply> replies = intents.handle(team.message(anna, "radera mina svar"), RecognizedIntent.of("reflection_start"));

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.privateToSender()).isTrue());
        assertThat(storedAnswers(session)).isEqualTo(1);
        assertThat(personalAnswers.export(TeamsActivity.TENANT, anna.aadId())).isEmpty();
        assertThat(personalAnswers.export(TeamsActivity.TENANT, sara.aadId())).hasSize(1);
    }

    @Test
    void refresh_afterClose_showsClosedCardWithoutInputs() {
        TeamFixture team = TeamFixture.channel("refresh");
        String session = launch(team, erik, "normer-boxen");
        close(team, erik, session);

        var refreshed = harness.send(team.execute(anna, ExerciseCards.VERB_REFRESH, TeamFixture.data(ExerciseCards.SESSION, session)));

        assertThat(shown(refreshed)).contains("Övningen är avslutad");
        assertThat(refreshed.json().path("value").toString()).doesNotContain("Input.");
    }
}
