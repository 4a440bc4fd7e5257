package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.testing.HeldExecutor;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.Courtesy;

/**
 * The knowledge base's first load off the start path: a question that arrives while the index is still being
 * built waits for it and gets the real answer (never the fallback of an empty index), and health says so.
 */
class KnowledgeBackgroundLoadTest {

    @TempDir
    Path dir;

    @Test
    void questionBeforeTheFirstLoad_waitsForIt_andGetsThePassage() throws Exception {
        HeldExecutor loader = new HeldExecutor();
        KnowledgeBase kb = KnowledgeBase.loadingInBackground(new ContentSource("knowledge", KnowledgeFixtures.smallBase(dir)),
                KnowledgeProperties.defaults(), () -> Courtesy.NONE, loader);

        CompletableFuture<QueryResult> asked = new CompletableFuture<>();
        Thread asker = Thread.ofPlatform().start(() -> asked.complete(kb.ask("Vad visar våldspyramiden?", Language.SV)));
        // The asker parks on the first load instead of answering from the empty index.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asker.getState() == Thread.State.WAITING);
        assertThat(asked).as("still waiting for the index").isNotDone();
        assertThat(kb.loaded()).isFalse();

        loader.releaseInBackground();

        QueryResult result = asked.get(30, TimeUnit.SECONDS);
        assertThat(result.fallback()).isFalse();
        assertThat(result.best().id()).isEqualTo("pyramiden");
        assertThat(kb.loaded()).isTrue();
    }

    @Test
    void health_isOutOfServiceWhileLoading_thenUpWithThePassages() {
        HeldExecutor loader = new HeldExecutor();
        KnowledgeBase kb = KnowledgeBase.loadingInBackground(new ContentSource("knowledge", KnowledgeFixtures.smallBase(dir)),
                KnowledgeProperties.defaults(), () -> Courtesy.NONE, loader);
        KnowledgeHealth health = new KnowledgeHealth(kb);

        Health loading = health.health();
        assertThat(loading.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(loading.getDetails()).containsEntry("loading", true).doesNotContainKey("passages");

        loader.runHere();

        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("passages", kb.size()).doesNotContainKey("loading");
        assertThat(kb.size()).isPositive();
    }

    @Test
    void firstLoadThatFindsNothing_stillFinishes_andHealthIsDown() {
        KnowledgeBase kb = KnowledgeBase.loadingInBackground(new ContentSource("knowledge", dir), KnowledgeProperties.defaults(),
                () -> Courtesy.NONE,
                Runnable::run);

        assertThat(kb.loaded()).isTrue();
        assertThat(kb.ask("Vad visar våldspyramiden?", Language.SV).fallback()).isTrue();
        assertThat(new KnowledgeHealth(kb).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
