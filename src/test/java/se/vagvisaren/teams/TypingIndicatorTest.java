package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TeamsActivity;

/** The typing indicator on the SDK's own turn pipeline, with an adapter that records what would be sent. */
class TypingIndicatorTest {

    private final ScheduledThreadPoolExecutor scheduler = removingCancelled(new ScheduledThreadPoolExecutor(1));
    private final RecordingAdapter adapter = new RecordingAdapter();

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void onTurn_slowPersonalReply_typingArrivesFirstThenTheReply() throws Exception {
        adapter.use(indicator(Duration.ofMillis(20), 5));
        CountDownLatch typingSeen = adapter.typingSeen;

        run("personal-message", turn -> {
            await(typingSeen); // the handler is "slow": it only answers once the indicator is out
            return turn.sendActivity("svar").thenApply(r -> null);
        });

        assertThat(adapter.types()).containsExactly("typing", "message");
    }

    @Test
    void onTurn_instantReply_noTypingAndNoTaskLeftBehind() throws Exception {
        adapter.use(indicator(Duration.ofSeconds(30), 5));

        run("personal-message", turn -> turn.sendActivity("svar").thenApply(r -> null));

        assertThat(adapter.types()).containsExactly("message");
        assertThat(scheduler.getQueue()).isEmpty(); // cancelled and removed: nothing fires after the turn
    }

    @Test
    void onTurn_groupChatSlowReply_typingFirst() throws Exception {
        adapter.use(indicator(Duration.ofMillis(20), 5));

        run("groupchat-message", turn -> {
            await(adapter.typingSeen);
            return turn.sendActivity("svar").thenApply(r -> null);
        });

        assertThat(adapter.types()).containsExactly("typing", "message");
    }

    @Test
    void onTurn_channel_neverTypes() throws Exception {
        adapter.use(indicator(Duration.ZERO, 5));

        run("channel-message", turn -> turn.sendActivity("svar").thenApply(r -> null));

        assertThat(adapter.types()).containsExactly("message");
    }

    @Test
    void onTurn_cardInvoke_neverTypes() throws Exception {
        adapter.use(indicator(Duration.ZERO, 5));

        run("adaptive-card-invoke", turn -> CompletableFuture.completedFuture(null));

        assertThat(adapter.types()).isEmpty();
    }

    @Test
    void onTurn_turnThatNeverReplies_renewsAtMostMaxRenewalsTimesThenStops() throws Exception {
        adapter.use(new TypingIndicator(new TypingProperties(true, Duration.ZERO, Duration.ofMillis(1), 2), scheduler));
        adapter.expectTypings(3);

        run("personal-message", turn -> {
            await(adapter.typingSeen); // first one plus two renewals
            return CompletableFuture.completedFuture(null);
        });

        assertThat(adapter.types()).containsExactly("typing", "typing", "typing");
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void onTurn_typingSendFails_replyStillSent() throws Exception {
        adapter.failTyping = true;
        adapter.use(indicator(Duration.ZERO, 0));

        run("personal-message", turn -> turn.sendActivity("svar").thenApply(r -> null));

        assertThat(adapter.types()).containsExactly("message");
    }

    private static ScheduledThreadPoolExecutor removingCancelled(ScheduledThreadPoolExecutor executor) {
        executor.setRemoveOnCancelPolicy(true); // as in TypingIndicator.withOwnScheduler
        return executor;
    }

    private TypingIndicator indicator(Duration delay, int renewals) {
        return new TypingIndicator(new TypingProperties(true, delay, Duration.ofSeconds(3), renewals), scheduler);
    }

    private void run(String fixture, java.util.function.Function<TurnContext, CompletableFuture<Void>> handler)
            throws Exception {
        Activity activity = ActivityReader.MAPPER.readValue(TeamsActivity.fixture(fixture).toString(), Activity.class);
        TurnContextImpl turn = new TurnContextImpl(adapter, activity);
        adapter.run(turn, handler).get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("typing activity sent").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records sent activity types in arrival order. */
    private static final class RecordingAdapter extends BotAdapter {
        final List<Activity> sent = new CopyOnWriteArrayList<>();
        volatile CountDownLatch typingSeen = new CountDownLatch(1);
        volatile boolean failTyping;

        void expectTypings(int count) {
            typingSeen = new CountDownLatch(count);
        }

        CompletableFuture<Void> run(TurnContext turn,
                                    java.util.function.Function<TurnContext, CompletableFuture<Void>> handler) {
            return runPipeline(turn, handler::apply);
        }

        List<String> types() {
            return sent.stream().map(Activity::getType).toList();
        }

        @Override
        public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
            for (Activity activity : activities) {
                if ("typing".equals(activity.getType())) {
                    if (failTyping) {
                        return CompletableFuture.failedFuture(new IllegalStateException("connector down"));
                    }
                    sent.add(activity);
                    typingSeen.countDown();
                } else {
                    sent.add(activity);
                }
            }
            return CompletableFuture.completedFuture(new ResourceResponse[0]);
        }

        @Override
        public CompletableFuture<ResourceResponse> updateActivity(TurnContext context, Activity activity) {
            return CompletableFuture.completedFuture(new ResourceResponse());
        }

        @Override
        public CompletableFuture<Void> deleteActivity(TurnContext context, ConversationReference reference) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
