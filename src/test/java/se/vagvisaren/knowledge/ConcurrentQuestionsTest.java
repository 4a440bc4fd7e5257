package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;

/**
 * Questions asked at the same time by many people get the answers each would get alone: the search shares what it
 * learns about the index's terms between questions and threads ({@code PassageIndex}'s term statistics), and that
 * must never change a ranking. Uses the shipped knowledge and the first tuning set's questions.
 */
class ConcurrentQuestionsTest {

    private static final int THREADS = 4;

    @Test
    void manyAtOnce_andAskedAgain_getTheSameAnswersAsOneAtATime() throws Exception {
        List<Question> questions = questions(Path.of("src/test/resources/knowledge/quality-tuning.jsonl"));
        List<QueryResult> alone = new ArrayList<>();
        KnowledgeBase first = shipped();
        for (Question q : questions) {
            alone.add(first.ask(q.text(), q.language()));
        }

        KnowledgeBase shared = shipped(); // a new index: its term statistics are filled by the threads below
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<QueryResult>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * questions.size() / THREADS; // each thread starts elsewhere, then goes round twice
                runs.add(pool.submit(() -> {
                    List<QueryResult> answers = new ArrayList<>();
                    for (int i = 0; i < 2 * questions.size(); i++) {
                        Question q = questions.get((offset + i) % questions.size());
                        answers.add(shared.ask(q.text(), q.language()));
                    }
                    return answers;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                int offset = t * questions.size() / THREADS;
                List<QueryResult> answers = runs.get(t).get();
                for (int i = 0; i < answers.size(); i++) {
                    int index = (offset + i) % questions.size();
                    assertThat(answers.get(i)).as("thread %d, question %d", t, index).isEqualTo(alone.get(index));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone).as("questions answered from the handbook").filteredOn(r -> !r.fallback()).hasSizeGreaterThan(100);
    }

    private static KnowledgeBase shipped() {
        KnowledgeBase kb = new KnowledgeBase(new ContentSource("knowledge", Path.of("knowledge")), KnowledgeProperties.defaults());
        kb.size(); // waits for the load
        return kb;
    }

    private record Question(String text, Language language) {
    }

    private static List<Question> questions(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                questions.add(new Question(node.get("q").asText(), Language.fromCode(node.get("lang").asText())));
            }
        }
        return questions;
    }
}
