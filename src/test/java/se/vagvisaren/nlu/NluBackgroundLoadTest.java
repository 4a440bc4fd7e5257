package se.vagvisaren.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.testing.HeldExecutor;
import se.vagvisaren.language.dates.DateParser;

/**
 * The intent model's first load off the start path: a message that arrives while the model is still being read
 * (or trained) waits for it and gets the real intent, never the out_of_scope fallback of a missing model, and
 * health says "loading" meanwhile.
 */
class NluBackgroundLoadTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    @TempDir
    Path dir;

    @Test
    void messageBeforeTheFirstLoad_waitsForIt_andGetsTheIntent() throws Exception {
        HeldExecutor loader = new HeldExecutor();
        TrainedUnderstanding nlu = TrainedUnderstanding.loadingInBackground(smallDialogs(), NluProperties.defaults(),
                new DateParser(), loader);

        CompletableFuture<Understanding> understood = new CompletableFuture<>();
        Thread sender = Thread.ofPlatform().start(() -> understood.complete(nlu.understand("visa deadlines", "sv", NOW)));
        // The sender parks on the first load instead of answering out_of_scope without a model.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sender.getState() == Thread.State.WAITING);
        assertThat(understood).as("still waiting for the model").isNotDone();
        assertThat(nlu.loaded()).isFalse();

        loader.releaseInBackground();

        assertThat(understood.get(60, TimeUnit.SECONDS).intent().name()).isEqualTo("deadline_list");
        assertThat(nlu.loaded()).isTrue();
    }

    @Test
    void health_isOutOfServiceWhileLoading_thenUpWithTheIntents() throws IOException {
        HeldExecutor loader = new HeldExecutor();
        TrainedUnderstanding nlu = TrainedUnderstanding.loadingInBackground(smallDialogs(), NluProperties.defaults(),
                new DateParser(), loader);
        NluHealth health = new NluHealth(nlu);

        Health loading = health.health();
        assertThat(loading.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(loading.getDetails()).containsEntry("loading", true).doesNotContainKey("intents");

        loader.runHere();

        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("intents", 3).doesNotContainKey("loading");
    }

    @Test
    void firstLoadWithoutTrainingData_stillFinishes_healthIsDown_andMessagesAreOutOfScope() {
        TrainedUnderstanding nlu = TrainedUnderstanding.loadingInBackground(new ContentSource("dialogs", dir),
                NluProperties.defaults(), new DateParser(), Runnable::run);

        assertThat(nlu.loaded()).isTrue();
        assertThat(nlu.understand("visa deadlines", "sv", NOW).intent().name()).isEqualTo("out_of_scope");
        assertThat(new NluHealth(nlu).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private ContentSource smallDialogs() throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/sv.yaml"), """
                language: sv
                intents:
                  greeting: [hej, hallå, god morgon, tjena]
                  thanks: [tack, tusen tack, tackar]
                  deadline_list: [vilka deadlines har vi, visa deadlines, lista deadlines]
                """);
        return new ContentSource("dialogs", dir);
    }
}
