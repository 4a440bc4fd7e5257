package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.builder.InvokeResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TurnRunnerTest {

    @Test
    void run_finishedTurn_isDoneWithItsResponseAndFreesItsSlot() {
        TurnRunner runner = new TurnRunner(1, Duration.ofSeconds(5));
        InvokeResponse response = new InvokeResponse(200, "ok");
        CompletableFuture<Void> completion = new CompletableFuture<>();

        TurnRunner.Outcome outcome = runner.run(() -> CompletableFuture.completedFuture(response), completion);

        assertThat(outcome).isEqualTo(new TurnRunner.Outcome.Done(response));
        assertThat(completion).isCompleted();
        assertThat(runner.active()).isZero();
    }

    @Test
    void run_turnStillRunningAfterTheWait_keepsItsSlotUntilItEnds() {
        TurnRunner runner = new TurnRunner(1, Duration.ofMillis(1));
        CompletableFuture<InvokeResponse> slow = new CompletableFuture<>();
        CompletableFuture<Void> completion = new CompletableFuture<>();

        assertThat(runner.run(() -> slow, completion)).isInstanceOf(TurnRunner.Outcome.StillRunning.class);
        assertThat(runner.active()).isEqualTo(1);
        assertThat(runner.run(() -> CompletableFuture.completedFuture(null), new CompletableFuture<>()))
                .as("no slot left").isInstanceOf(TurnRunner.Outcome.Busy.class);

        slow.complete(null);

        assertThat(runner.active()).isZero();
        assertThat(completion).isCompleted();
    }

    @Test
    void run_whenBusy_completesTheCompletionExceptionally() {
        TurnRunner runner = new TurnRunner(1, Duration.ofMillis(1));
        runner.run(CompletableFuture::new, new CompletableFuture<>());
        CompletableFuture<Void> refused = new CompletableFuture<>();

        runner.run(() -> CompletableFuture.completedFuture(null), refused);

        assertThat(refused).isCompletedExceptionally();
    }

    @Test
    void run_failingTurn_reportsTheUnwrappedCause() {
        TurnRunner runner = new TurnRunner(2, Duration.ofSeconds(5));
        IllegalStateException boom = new IllegalStateException("boom");

        TurnRunner.Outcome outcome = runner.run(() -> CompletableFuture.failedFuture(boom), new CompletableFuture<>());

        assertThat(outcome).isEqualTo(new TurnRunner.Outcome.Failed(boom));
        assertThat(runner.active()).isZero();
    }

    @Test
    void run_turnThrowingBeforeItStarts_releasesItsSlot() {
        TurnRunner runner = new TurnRunner(1, Duration.ofSeconds(5));
        CompletableFuture<Void> completion = new CompletableFuture<>();

        TurnRunner.Outcome outcome = runner.run(() -> {
            throw new IllegalArgumentException("bad service url");
        }, completion);

        assertThat(outcome).isInstanceOf(TurnRunner.Outcome.Failed.class);
        assertThat(runner.active()).isZero();
        assertThat(completion).isCompletedExceptionally();
    }
}
