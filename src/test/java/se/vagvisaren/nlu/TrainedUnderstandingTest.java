package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.conversation.Language;

class TrainedUnderstandingTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
    private static final Set<String> INVENTORY = Set.of("greeting", "help", "handbook_question", "reflection_start",
            "reflection_list", "deadline_create", "deadline_list", "deadline_cancel", "progress_record",
            "progress_list", "urgent_help", "thanks", "out_of_scope");

    private final TrainedUnderstanding understanding = ShippedDialogs.understanding();

    @Test
    void intents_shippedData_areExactlyTheInventory() {
        assertThat(understanding.intents()).containsExactlyInAnyOrderElementsOf(INVENTORY);
    }

    /** Issue 15/17: greetings and sign-offs around a question made the model answer "Varsågod" or "Hej". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vad är våldspyramiden? tack på förhand /Anna | handbook_question",
            "Hejsan! Snabb fråga: vad är våldspyramiden? | handbook_question",
            "what is the violence pyramid? thanks in advance, cheers | handbook_question",
            "Hi there, quick question: what is the violence pyramid? | handbook_question",
            "Jag skulle vilja veta vad våldspyramiden är | handbook_question",
            "påminn oss om styrgruppsmötet på fredag kl 10, tack! | deadline_create",
            "tack så mycket! | thanks",
            "hej hej | greeting"})
    void understand_courtesyAroundARequest_isTheRequest(String text, String intent) {
        assertThat(understanding.understand(text, "sv-SE", NOW).intent().name()).isEqualTo(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jag hör hur grannen skriker och slår", "min kollega säger att hennes man hotar henne",
            "my colleague says her husband threatens her", "I can hear the neighbours fighting and he is hitting her",
            "jag tror att min granne slår sina barn", "en elev berättade att hennes pappa slår henne",
            "han hotar att döda mig", "jag ar radd for min sambo", "someone is being beaten next door"})
    void understand_disclosureOfViolence_isUrgentHelp(String text) {
        assertThat(understanding.understand(text, "sv-SE", NOW).intent().name()).isEqualTo("urgent_help");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hej!                                              | greeting
            god morgon vägvisaren                             | greeting
            vad kan du göra?                                  | help
            vad säger handboken om riskfaktorer               | handbook_question
            vad är våldspyramiden                             | handbook_question
            starta en reflektion om normer                    | reflection_start
            vilka övningar finns                              | reflection_list
            påminn oss om styrgruppsmötet på fredag kl 14     | deadline_create
            vilka deadlines har vi                            | deadline_list
            ta bort påminnelsen om styrgruppen                | deadline_cancel
            uppdatering: lägesbilden är klar                  | progress_record
            hur långt har vi kommit                           | progress_list
            tack så mycket                                    | thanks
            hur blir vädret imorgon                           | out_of_scope
            min skrivare fungerar inte                        | out_of_scope
            remind us next Tuesday at 9                       | deadline_create
            what can you do                                   | help
            thanks a lot                                      | thanks
            """)
    void understand_typicalMessage_getsItsIntent(String text, String intent) {
        assertThat(understanding.understand(text, null, NOW).intent().name()).isEqualTo(intent);
    }

    @Test
    void understand_deadlineWithDate_carriesDatetimeEntity() {
        Understanding result = understanding.understand("påminn oss på fredag kl 14 om styrgruppen", "sv-SE", NOW);

        assertThat(result.intent().name()).isEqualTo("deadline_create");
        assertThat(result.intent().entities()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("datetime");
            assertThat(e.value()).isEqualTo("2026-11-27T14:00");
            assertThat(e.grain()).isEqualTo("minute");
            assertThat(e.text()).isEqualTo("på fredag kl 14");
        });
    }

    @Test
    void understand_withoutNow_hasNoEntitiesButAnIntent() {
        Understanding result = understanding.understand("påminn oss imorgon", "sv-SE", null);

        assertThat(result.intent().entities()).isEmpty();
        assertThat(result.intent().name()).isEqualTo("deadline_create");
    }

    @Test
    void understand_ranking_coversAllIntentsBestFirstAndSumsToOne() {
        Understanding result = understanding.understand("vilka deadlines har vi", "sv-SE", NOW);

        assertThat(result.ranking()).extracting(Understanding.IntentScore::name)
                .containsExactlyInAnyOrderElementsOf(INVENTORY);
        assertThat(result.ranking().get(0).name()).isEqualTo(result.intent().name());
        assertThat(result.ranking().stream().mapToDouble(Understanding.IntentScore::confidence).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            what deadlines do we have   | sv-SE | EN
            vilka deadlines har vi      | en-US | SV
            tack                        | NULL  | SV
            thanks                      | NULL  | EN
            🙂                          | en-US | EN
            🙂                          | NULL  | SV
            ok                          | en-GB | EN
            """)
    void understand_language_followsTextThenLocale(String text, String locale, Language expected) {
        assertThat(understanding.understand(text, locale, NOW).language()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "🙂🙂🙂", "👍", "!!!???", "...", "\u0000\u0001", "\uD83D"})
    void understand_textWithoutWords_fallsBackToOutOfScope(String text) {
        Understanding result = understanding.understand(text, "sv-SE", NOW);

        assertThat(result.intent().name()).isEqualTo("out_of_scope");
        assertThat(result.intent().entities()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mikä on huomisen sää?", "Hyvää huomenta, tarvitsen apua tietokoneen kanssa",
            "ما هو موعد الاجتماع القادم؟", "'; DROP TABLE users; --", "<script>alert('x')</script>",
            "{\"text\": \"json\"}", "ääääää öööö åååå"})
    void understand_foreignOrHostileText_fallsBackToOutOfScope(String text) {
        assertThat(understanding.understand(text, null, NOW).intent().name()).isEqualTo("out_of_scope");
    }

    @Test
    void understand_onlyTheBotName_isHelpOrGreeting() {
        // Teams strips the mention; a message that is only the bot's name should offer help, not a crisis reply.
        assertThat(understanding.understand("Vägvisaren", "sv-SE", NOW).intent().name()).isIn("help", "greeting");
    }

    @Test
    void understand_nullText_fallsBackWithoutError() {
        assertThat(understanding.understand(null, null, null).intent().name()).isEqualTo("out_of_scope");
    }

    @Test
    void understand_tenThousandCharacters_givesAnIntentInTheInventory() {
        String text = "vi har haft ett långt möte om lägesbilden och ".repeat(220).substring(0, 10_000);

        assertThatCode(() -> understanding.understand(text, "sv-SE", NOW)).doesNotThrowAnyException();
        assertThat(understanding.understand(text, "sv-SE", NOW).intent().name()).isIn(INVENTORY);
    }

    @Test
    void understand_fromManyThreads_givesSameAnswersAsOneThread() throws Exception {
        List<String> texts = List.of("hej", "vilka deadlines har vi", "påminn oss på fredag", "tack", "vad är våldspyramiden");
        List<String> expected = texts.stream().map(t -> understanding.understand(t, "sv", NOW).intent().name()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> texts.stream()
                        .map(t -> understanding.understand(t, "sv", NOW).intent().name()).toList()));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onContentChanged_newExamplesOnDisk_areLearntWithoutRestart(@TempDir Path dir) throws IOException {
        writeIntents(dir, "greeting: [hej, hallå, god morgon, tjena]\n  thanks: [tack, tusen tack, tackar]\n");
        TrainedUnderstanding small = new TrainedUnderstanding(new ContentSource("dialogs", dir),
                NluProperties.defaults(), new DateParser());
        assertThat(small.intents()).containsExactlyInAnyOrder("greeting", "thanks");

        writeIntents(dir, "greeting: [hej, hallå, god morgon, tjena]\n  thanks: [tack, tusen tack, tackar]\n"
                + "  deadline_list: [vilka deadlines har vi, visa deadlines, lista deadlines]\n");
        small.onContentChanged(new ContentChanged("dialogs"));

        assertThat(small.intents()).contains("deadline_list");
        assertThat(small.understand("visa deadlines", "sv", NOW).intent().name()).isEqualTo("deadline_list");
    }

    @Test
    void onContentChanged_otherArea_doesNotRetrain(@TempDir Path dir) throws IOException {
        writeIntents(dir, "greeting: [hej, hallå]\n  thanks: [tack, tackar]\n");
        TrainedUnderstanding small = new TrainedUnderstanding(new ContentSource("dialogs", dir),
                NluProperties.defaults(), new DateParser());
        writeIntents(dir, "greeting: [hej]\n  thanks: [tack]\n  help: [hjälp]\n");

        small.onContentChanged(new ContentChanged("knowledge"));

        assertThat(small.intents()).containsExactlyInAnyOrder("greeting", "thanks");
    }

    @Test
    void reload_brokenFile_keepsPreviousModel(@TempDir Path dir) throws IOException {
        writeIntents(dir, "greeting: [hej, hallå, tjena]\n  thanks: [tack, tackar]\n");
        TrainedUnderstanding small = new TrainedUnderstanding(new ContentSource("dialogs", dir),
                NluProperties.defaults(), new DateParser());
        Files.writeString(dir.resolve("intents/sv.yaml"), "intents: [this is: not: valid");

        assertThat(small.reload()).isFalse();
        assertThat(small.understand("hej", "sv", NOW).intent().name()).isEqualTo("greeting");
    }

    @Test
    void understand_noTrainingDataAtAll_fallsBackToOutOfScope(@TempDir Path dir) {
        TrainedUnderstanding empty = new TrainedUnderstanding(new ContentSource("dialogs", dir),
                NluProperties.defaults(), new DateParser());

        Understanding result = empty.understand("påminn oss imorgon", "sv", NOW);

        assertThat(result.intent().name()).isEqualTo("out_of_scope");
        assertThat(result.intent().entities()).extracting(e -> e.value()).containsExactly("2026-11-26");
    }

    private static void writeIntents(Path dir, String intents) throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/sv.yaml"), "language: sv\nintents:\n  " + intents);
    }
}
