package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Mappers;

/**
 * The passages' example questions ({@link Passage#examples}): they find their passage when a question is put in
 * their words, they never make a word known to the off-topic check, an evaluation never counts a question that is
 * also an example, and no question of a frozen set is ever one.
 */
class ExampleQuestionsTest {

    @TempDir
    Path dir;

    /** Two passages whose texts share no word with the way staff ask for the first one. */
    private void twoPassages(String examplesOfMapping) {
        KnowledgeFixtures.write(dir.resolve("steg/kartlaggning.md"), """
                ---
                id: kartlaggning
                title: "Kartläggning av våldet"
                lang: sv
                tags: [lägesbild, statistik]
                question: "Hur gör vi en lägesbild?"
                %s
                source:
                  document: "Testdokument"
                  section: "2.1"
                  page: null
                ---
                En lägesbild samlar statistik och erfarenheter från förvaltningarna om våldets omfattning.
                """.formatted(examplesOfMapping));
        KnowledgeFixtures.passage(dir, "steg", "styrgrupp", "sv", "Styrgruppen", "roller, ansvar",
                "Styrgruppen består av chefer från förvaltningarna och följer arbetet under hela processen.");
    }

    @Test
    void aQuestionInTheWordsOfAnExample_findsItsPassage() {
        twoPassages("examples:\n  - \"hur tar vi reda på hur mycket våld det finns hos oss\"");

        QueryResult withExample = KnowledgeFixtures.open(dir).ask("hur tar vi reda på hur mycket våld det finns", Language.SV);

        assertThat(withExample.fallback()).isFalse();
        assertThat(withExample.best().id()).isEqualTo("kartlaggning");
    }

    @Test
    void aWordOnlyInExamples_isNotKnown_soAnOffTopicQuestionStillFallsBack() {
        // An example may carry an everyday word ("julbordet") that says nothing about the passage's topic.
        String phrasing = "vi pratade om lägesbilden på julbordet, vad ska den innehålla";
        twoPassages("examples:\n  - \"" + phrasing + "\"");
        PassageIndex withExample = index();
        twoPassages("asked:\n  - \"" + phrasing + "\"");
        PassageIndex withAsked = index();

        assertThat(withExample.questionWords("julbordet", Language.SV).unseenShare()).isEqualTo(1.0);
        assertThat(withAsked.questionWords("julbordet", Language.SV).unseenShare()).isZero();
        twoPassages("examples:\n  - \"" + phrasing + "\"");
        assertThat(KnowledgeFixtures.open(dir).ask("när är julbordet?", Language.SV).fallback()).isTrue();
        // Still searched: the example's words rank its passage first among those a question matches.
        assertThat(withExample.search("julbordet lägesbilden", Language.SV, 5).get(0).passage().id()).isEqualTo("kartlaggning");
    }

    private PassageIndex index() {
        PassageLoader.Loaded loaded = PassageLoader.load(new ContentSource("knowledge", dir));
        return new PassageIndex(loaded.passages(), loaded.synonyms(), loaded.stopWords(), loaded.unstemmed());
    }

    @Test
    void evaluation_measuresAQuestionWithoutItselfAsAnExample() throws IOException {
        String question = "hur tar vi reda på hur mycket våld det finns hos oss";
        twoPassages("examples:\n  - \"" + question + "\"");
        Path set = Files.writeString(dir.resolveSibling(dir.getFileName() + "-set.jsonl"),
                "{\"q\": \"" + question.toUpperCase(Locale.ROOT) + "  \", \"lang\": \"sv\", \"expected\": [\"kartlaggning\"]}\n",
                StandardCharsets.UTF_8);
        KnowledgeBase knowledge = KnowledgeFixtures.open(dir);

        RetrievalEvaluation.Result heldOut = RetrievalEvaluation.run(knowledge, set);

        // Asked directly, the question is its own example and is found; measured, it is held out (case and spacing
        // do not matter), and its words are in no passage, so it falls back and counts as a miss.
        assertThat(knowledge.ask(question, Language.SV).best().id()).isEqualTo("kartlaggning");
        assertThat(heldOut.top1()).isZero();
        assertThat(heldOut.misses()).singleElement().satisfies(miss -> assertThat(miss.got()).isNull());
        // A set that holds nothing out is measured on the very same knowledge base.
        assertThat(knowledge.withoutExamples(List.of("vem sitter i styrgruppen"))).isSameAs(knowledge);
        Files.delete(set);
    }

    /**
     * The frozen sets measure questions nobody tuned on: none of their questions may become an example or an
     * {@code asked} phrasing of the shipped knowledge. Counts only, so the check shows no frozen question.
     */
    @Test
    void noFrozenQuestion_isAnExampleOrAskedPhrasingOfTheShippedKnowledge() throws IOException {
        ExampleQuestions frozen;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/knowledge"))) {
            frozen = ExampleQuestions.of(files.filter(f -> f.getFileName().toString().startsWith("quality-frozen"))
                    .flatMap(ExampleQuestionsTest::questions).toList());
        }
        List<Passage> shipped = PassageLoader.load(new ContentSource("knowledge", Path.of("knowledge"))).passages();
        long examples = shipped.stream().mapToLong(p -> p.examples().size()).sum();

        assertThat(frozen.size()).as("frozen questions read").isGreaterThan(700);
        assertThat(examples).as("example questions shipped").isGreaterThan(1000);
        // Compared as the evaluation compares them (ExampleQuestions: case and spacing ignored).
        assertThat(shipped.stream().flatMap(p -> Stream.concat(p.examples().stream(), p.asked().stream()))
                .filter(frozen::contains).count())
                .as("shipped examples or asked phrasings that are frozen questions").isZero();
    }

    private static Stream<String> questions(Path file) {
        try {
            List<String> questions = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    questions.add(Mappers.JSON.readTree(line).path("q").asText());
                }
            }
            return questions.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
