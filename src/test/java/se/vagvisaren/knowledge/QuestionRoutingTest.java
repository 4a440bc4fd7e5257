package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagvisaren.conversation.Language;

/** The knowledge search gives a question the passage of the shape it asks for (AnswerRouter, QuestionReader). */
class QuestionRoutingTest {

    @TempDir
    static Path dir;
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeFixtures.open(RoutingFixtures.base(dir));
    }

    private static String best(String question, String lang) {
        QueryResult result = kb.ask(question, Language.fromCode(lang));
        assertThat(result.fallback()).as("fallback for '" + question + "'").isFalse();
        return result.best().id();
    }

    @Test
    void fixtureLoadsWithoutProblems() {
        assertThat(kb.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vilka steg finns|sv|fem-stegen",
            "kan du gå igenom stegen kort|sv|fem-stegen",
            "hur manga steg ar det|sv|fem-stegen",
            "Hur många steg har handboken?|sv|fem-stegen",
            "stegen?|sv|fem-stegen",
            "how many steps are there|en|five-steps-en",
            "What are the steps?|en|five-steps-en",
    })
    void overviewQuestion_getsTheFiveStepOverview(String question, String lang, String expected) {
        assertThat(best(question, lang)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "steg 3|sv|steg-3",
            "tredje steget|sv|steg-3",
            "vad gör man i steg tre?|sv|steg-3",
            "tredej steget|sv|steg-3",
            "3:e steget|sv|steg-3",
            "sista steget|sv|steg-5",
            "vad innebär det fjarde steget|sv|steg-4",
            "forsta steget|sv|steg-1",
            "och i steg 4?|sv|steg-4",
            "steg nr 2|sv|steg-2",
            "the final step|en|step-5-en",
            "what is the first step|en|step-1-en",
            "step four|en|step-4-en",
            "what about step 5|en|step-5-en",
            "tell me about the 2nd step|en|step-2-en",
    })
    void stepByNumberOrOrdinal_getsThatStep(String question, String lang, String expected) {
        assertThat(best(question, lang)).isEqualTo(expected);
    }

    @Test
    void stepWithTopic_getsTheBestPassageOfThatStep() {
        assertThat(best("förändringsfaktorer i steg 3", "sv")).isEqualTo("steg-3-1");
        // The logic chain belongs to step 4; asking for it "in step 3" still stays within step 3.
        assertThat(kb.ask("vilka förändringsfaktorer tittar vi på i steg 3?", Language.SV).answers())
                .extracting(KnowledgeAnswer::id).allMatch(id -> id.startsWith("steg-3"));
    }

    @Test
    void stepWithTopicThatTheStepDoesNotCover_getsTheStepOverview() {
        assertThat(best("vad säger steg 5 om budgetering", "sv")).isEqualTo("steg-5");
    }

    @Test
    void countOfSteps_isNotReadAsStepFive() {
        assertThat(best("vilka är de fem stegen", "sv")).isEqualTo("fem-stegen");
        assertThat(best("what are the five steps", "en")).isEqualTo("five-steps-en");
    }

    @Test
    void sectionNumber_getsThePassageCitingThatSection() {
        assertThat(best("vad står det i 2.1?", "sv")).isEqualTo("steg-2-1");
    }

    @Test
    void definitionQuestion_prefersTheConcept() {
        assertThat(best("vad står MVP för", "sv")).isEqualTo("mvp");
        assertThat(best("Vad är våld?", "sv")).isEqualTo("vad-ar-vald");
    }

    @Test
    void listQuestion_prefersTheList() {
        assertThat(best("vilka former av våld finns", "sv")).isEqualTo("valdsformer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jag är rädd för min partner|sv",
            "jag ar radd for min sambo|sv",
            "min kille slår mig|sv",
            "jag blir slagen hemma, vad gör jag|sv",
    })
    void personAfraidOfSomeone_getsVictimSupportNeverTheLineForUsers(String question, String lang) {
        QueryResult result = kb.ask(question, Language.fromCode(lang));

        assertThat(result.fallback()).isFalse();
        assertThat(result.best().id()).isIn("kvinnofridslinjen", "stod-112");
        assertThat(result.answers()).extracting(KnowledgeAnswer::id).doesNotContain("valj-att-sluta");
    }

    @Test
    void englishSpeakerAfraidOfPartner_getsVictimSupport() {
        QueryResult result = kb.ask("I'm scared of my boyfriend", Language.EN);

        assertThat(result.best().id()).isEqualTo("support-victim-en");
        assertThat(result.answers()).extracting(KnowledgeAnswer::id).doesNotContain("support-uses-violence-en");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jag slår min fru|sv|valj-att-sluta",
            "jag har slagit min sambo och vill sluta|sv|valj-att-sluta",
            "jag är rädd att jag ska slå henne|sv|valj-att-sluta",
            "I hit my partner and want to stop|en|support-uses-violence-en",
            "I get violent when I drink|en|support-uses-violence-en",
    })
    void personWhoUsesViolence_getsTheLineForUsers(String question, String lang, String expected) {
        assertThat(best(question, lang)).isEqualTo(expected);
    }

    @Test
    void missingAccents_stillFindTheTopic() {
        assertThat(best("vad ar valdspyramiden", "sv")).isEqualTo("valdspyramiden");
    }

    @Test
    void offTopicQuestion_stillFallsBack() {
        assertThat(kb.ask("hur bokar jag semester i personalsystemet", Language.SV).fallback()).isTrue();
        assertThat(kb.ask("🙂🙂🙂", Language.SV).fallback()).isTrue();
    }

    @Test
    void brokenQuestionTypesFile_isAProblemAndSearchStillWorks(@TempDir Path other) throws Exception {
        RoutingFixtures.base(other);
        Files.writeString(other.resolve("question-types.yaml"), "overview:\n  - '(unclosed'\n");

        KnowledgeBase broken = KnowledgeFixtures.open(other);

        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("question-types.yaml");
            assertThat(p.reason()).contains("overview").contains("(unclosed");
        });
        assertThat(broken.ask("Våldspyramiden", Language.SV).best().id()).isEqualTo("valdspyramiden");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"title:* OR \"", "steg:3 AND (", "2.1.1.1.1", "steg steg steg steg",
            "jag jag jag är är rädd rädd", "🙂 steg 3 🙂", "\\b(steg|step)\\b.*", "((((((((((", "5.0", "steg -1", "step 99"})
    void oddQuestions_neverThrowAndNeverPointVictimsToTheLineForUsers(String question) {
        QueryResult result = kb.ask(question, Language.SV);

        assertThat(result).isNotNull();
        assertThat(result.answers()).extracting(KnowledgeAnswer::id).doesNotHaveDuplicates();
    }

    @Test
    void veryLongQuestion_isAnsweredWithoutError() {
        String longQuestion = "kan du gå igenom tredje steget och förändringsfaktorerna ".repeat(90) + "sissta stegett";

        QueryResult result = kb.ask(longQuestion, Language.SV);

        assertThat(result.fallback()).isFalse();
        assertThat(result.best().id()).startsWith("steg-3");
    }
}
