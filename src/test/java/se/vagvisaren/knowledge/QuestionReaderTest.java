package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a question's shape with the shipped {@code knowledge/question-types.yaml}, one rule at a time. */
class QuestionReaderTest {

    /** Stand-in for the index: these words name a topic, nothing else does. */
    private static final Set<String> TOPICS = Set.of("förändringsfaktorer", "budget", "kartläggningen", "mvp", "våld");
    private static final Predicate<String> NAMES_TOPIC = rest -> java.util.Arrays.stream(rest.split(" ")).anyMatch(TOPICS::contains);
    private static QuestionReader reader;

    @BeforeAll
    static void load() throws Exception {
        reader = new QuestionReader(QuestionCues.parse(Files.readString(Path.of("knowledge/question-types.yaml"))));
    }

    private static QuestionShape read(String question) {
        return reader.read(question, NAMES_TOPIC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "steg 3|3", "Steg 3?|3", "tredje steget|3", "steg tre|3", "det fjärde steget|4", "fjarde steget|4",
            "sista steget|5", "the final step|5", "the last step|5", "first step|1", "step four|4", "step 2|2",
            "och i steg 4?|4", "what about step 5|5", "3:e steget|3", "3rd step|3", "steg nr 2|2", "step number one|1",
            "vad gör man i andra steget|2", "femte steget|5"})
    void stepNamedByNumberOrOrdinal(String question, int step) {
        QuestionShape shape = read(question);

        assertThat(shape.step()).isEqualTo(step);
        assertThat(shape.overview()).isFalse();
        assertThat(shape.topic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fem steg", "de fem stegen", "five steps", "steg för steg", "stegen", "how many steps"})
    void countOrPluralIsNotAStep(String question) {
        assertThat(read(question).step()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vilka steg finns", "kan du gå igenom stegen kort", "hur manga steg ar det", "how many steps",
            "What are the steps in the handbook?", "vilka är de fem stegen", "stegen?", "berätta om stegen",
            "ge mig en överblick över arbetsgången", "which steps are there"})
    void overviewQuestions(String question) {
        assertThat(read(question).overview()).as(question).isTrue();
    }

    @Test
    void stepsQuestionWithTopic_isNotAnOverviewButHasATopic() {
        QuestionShape shape = read("vilka steg handlar om kartläggningen");

        assertThat(shape.overview()).isFalse();
        assertThat(shape.topic()).isTrue();
    }

    @Test
    void stepWithTopic_keepsTheTopicWordsForTheSearchWithinTheStep() {
        QuestionShape shape = read("vilka förändringsfaktorer finns i steg 3?");

        assertThat(shape.step()).isEqualTo(3);
        assertThat(shape.topic()).isTrue();
        assertThat(shape.rest()).contains("förändringsfaktorer").doesNotContain("steg").doesNotContain("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vad står MVP för", "vad är våld", "va e mvp", "what is MVP", "what's a logic chain",
            "vad betyder förändringsfaktor", "define prevention", "vad menas med normer", "förklara våldspyramiden",
            "om nån bara hotar men aldrig slår, är det våld?", "is psychological abuse violence too?",
            "is checking a partner's phone counted as violence"})
    void definitionQuestions(String question) {
        assertThat(read(question).definition()).as(question).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hur jobbar vi med mvp", "när ska kartläggningen vara klar",
            "is there support for victims of violence"})
    void otherQuestionsAreNotDefinitions(String question) {
        assertThat(read(question).definition()).as(question).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vilka former av våld finns", "vilka kommuner deltog", "which municipalities took part",
            "what kinds of violence are there", "vilka typer av prevention finns det", "lista stödlinjerna"})
    void listQuestions(String question) {
        assertThat(read(question).list()).as(question).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jag är rädd för min partner", "jag ar radd for min man", "I'm scared of my boyfriend",
            "im afraid of my husband", "min pojkvän slår mig", "my wife hits me", "jag blir slagen av min sambo",
            "I am being abused at home", "jag är utsatt för våld"})
    void personAfraidOfSomeone(String question) {
        assertThat(read(question).concern()).as(question).isEqualTo(QuestionShape.Concern.AFRAID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jag slår min fru", "jag har slagit min sambo", "I hit my partner and want to stop",
            "I hurt my girlfriend when I'm angry", "jag är rädd att jag ska slå henne", "hur slutar jag slå",
            "I get violent when I drink", "jag blir aggressiv mot min familj"})
    void personWhoUsesViolence(String question) {
        assertThat(read(question).concern()).as(question).isEqualTo(QuestionShape.Concern.USES_VIOLENCE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "han slog mig igår och jag vågar inte gå hem|AFRAID",
            "she hit me last night|AFRAID",
            "I'm afraid to go home|AFRAID",
            "jag törs inte åka hem|AFRAID",
            "han står utanför dörren och skriker|DANGER_NOW",
            "he is outside my door|DANGER_NOW",
            "han har en kniv|DANGER_NOW",
            "han hotar att döda mig|DANGER_NOW",
            "he is hitting her right now|DANGER_NOW",
            "he is breaking down the door right now|DANGER_NOW",
            "han bankar på dörren och skriker|DANGER_NOW",
            "Jag har tagit stryptag på min fru en gång och är rädd att det händer igen|USES_VIOLENCE",
            "I grabbed my girlfriend by the arm last night|USES_VIOLENCE",
            "min granne sa att hennes man tog stryptag på henne igår|AFRAID",
            "jag orkar inte leva längre|SUICIDAL",
            "jag vill inte leva|SUICIDAL",
            "I want to kill myself|SUICIDAL",
            "jag har självmordstankar|SUICIDAL",
            "en elev har blåmärken och verkar rädd för att gå hem|WORRIED_ABOUT_CHILD",
            "jag misstänker att en elev ska giftas bort i sommar|WORRIED_ABOUT_CHILD",
            "I'm worried about a pupil|WORRIED_ABOUT_CHILD",
            "ett barn i klassen berättar att hon blir slagen|WORRIED_ABOUT_CHILD",
            "maken slår mig när han druckit|AFRAID",
            "husband hits me and I don't know where to go|AFRAID",
            "sambon hotade mig igår|AFRAID",
            "a colleague says her husband controls her and threatens her, who can she call|AFRAID",
            "en brukare berättade att hans sambo slår honom|AFRAID",
            "en kille i klassen säger att han inte törs gå hem efter skolan|WORRIED_ABOUT_CHILD",
            "one of my pupils says he is too scared to go home this weekend|WORRIED_ABOUT_CHILD",
            "a pupil told me that his stepdad hits his mother|WORRIED_ABOUT_CHILD",
            "flickan på fritids sa att pappa slår mamma när de bråkar|WORRIED_ABOUT_CHILD",
            // Disclosures passed on by staff in other words than "hits her": victim support, never Välj att sluta.
            "a visitor says her husband gets angry when she goes out|AFRAID",
            "hyresgästen berättade att hennes sambo låser in henne i lägenheten|AFRAID",
            "en kollega verkar rädd för sin man, vad kan jag säga till henne|AFRAID",
            "she's scared of her boyfriend, where can she get help|AFRAID",
            "en brukare har blåmärken på armarna igen|AFRAID",
            "a young mum keeps coming in with bruises|AFRAID",
            "en elev har blåmärken på armarna|WORRIED_ABOUT_CHILD",
            // A child speaking about a parent: the children's line, not the adults' victim lines.
            "pappa slår mig när han är full|CHILD_AFRAID",
            "jag är 13 och min styvpappa hotar mig|CHILD_AFRAID",
            "my mum hits me and I'm scared to tell anyone|CHILD_AFRAID",
            "I'm 15 and my dad threatened me last night|CHILD_AFRAID",
            "jag är 40 och rädd för min man|AFRAID",
    })
    void whoIsSpeaking_isReadFromTheirOwnWords(String question, QuestionShape.Concern expected) {
        assertThat(read(question).concern()).as(question).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hur stöttar vi den som är utsatt", "vad gör vi om en elev slår en annan",
            "en elev berättade att kompisen slog honom på rasten", "the boys at the youth centre push each other around",
            "risk och skyddsfaktorer för våld", "what support is there for victims"})
    void staffQuestionsAboutViolence_areNotAPersonalConcern(String question) {
        assertThat(read(question).concern()).as(question).isEqualTo(QuestionShape.Concern.NONE);
    }

    @Test
    void sectionNumber() {
        assertThat(read("vad står i 2.1?").section()).isEqualTo("2.1");
        assertThat(read("avsnitt 4.3 logisk kedja").section()).isEqualTo("4.3");
        assertThat(read("budget 2.500 kr").section()).isNull();
        assertThat(read("version 12.1").section()).isNull();
    }

    @Test
    void withoutCues_everyQuestionIsPlain() {
        QuestionShape shape = new QuestionReader(QuestionCues.NONE).read("vilka steg finns i steg 3", NAMES_TOPIC);

        assertThat(shape.step()).isNull();
        assertThat(shape.overview()).isFalse();
        assertThat(shape.concern()).isEqualTo(QuestionShape.Concern.NONE);
    }

    @Test
    void cues_badStepNumberOrPattern_isAnErrorNamingTheSection() {
        assertThatThrownBy(() -> QuestionCues.parse("step:\n  ordinals:\n    6: [sjätte]\n"))
                .hasMessageContaining("question-types.yaml").hasMessageContaining("step.ordinals").hasMessageContaining("1-5");
        assertThatThrownBy(() -> QuestionCues.parse("list:\n  - '[a-'\n"))
                .hasMessageContaining("'list' has an invalid pattern");
        assertThatThrownBy(() -> QuestionCues.parse("- just\n- a list\n")).hasMessageContaining("mapping");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"and the fourth?|4", "och den fjärde?|4", "what about the last one|5", "sista?|5"})
    void aShortFollowUpWithAnOrdinalAlone_namesThatStep(String question, int step) {
        assertThat(read(question).step()).as(question).isEqualTo(step);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"and the one after step 3?|4", "vad kommer efter steg 2|3", "what comes before the last step|4",
            "steget innan steg 1?|1", "vad händer efter steg 5|5", "efter tredje steget, vad gör vi då|4"})
    void aWordBeforeANamedStep_movesFromIt(String question, int step) {
        assertThat(read(question).step()).as(question).isEqualTo(step);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vad heter första steget", "sista steget i handboken heter?", "what is step 2 called"})
    void askingForAStepsName_isAboutTheStepItself(String question) {
        QuestionShape shape = read(question);
        assertThat(shape.step()).as(question).isNotNull();
        assertThat(shape.topic()).as(question).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"who won the game last night", "vilka andra kommuner deltog", "the first thing to do in a crisis"})
    void anOrdinalAmongOtherWords_isNotAStep(String question) {
        assertThat(read(question).step()).as(question).isNull();
    }
}
