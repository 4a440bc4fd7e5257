package se.vagvisaren.teams;

import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.NextDelegate;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagvisaren.conversation.Scope;

/**
 * Shows "Vägvisaren skriver…" when a reply is not instant: a typing activity once a message turn has run
 * for {@link TypingProperties#delay()}, renewed every {@link TypingProperties#repeat()} until the first reply
 * or the end of the turn, and never after a reply (a reply waits for a typing activity already on its way,
 * so the connector always receives them in that order).
 *
 * <p>Our own middleware rather than the SDK's {@code ShowTypingMiddleware}: that one parks an executor thread
 * per message in {@code Thread.sleep} and stops it with {@code CompletableFuture.cancel}, which does not
 * interrupt the thread, so it keeps sending typing activities after the reply. Only 1:1 and group chats:
 * Teams shows no typing indicator for a bot in a channel thread, where it would only spend the
 * conversation's message allowance. Card invokes are answered in the HTTP response and get none either.
 */
@RequiredArgsConstructor
final class TypingIndicator implements Middleware, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);

    private final TypingProperties properties;
    private final ScheduledExecutorService scheduler;

    /** With one daemon thread of its own: it only starts sends, which run on the connector's own threads. */
    static TypingIndicator withOwnScheduler(TypingProperties properties) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "typing-indicator");
            thread.setDaemon(true);
            return thread;
        });
        // Most turns reply before the delay: drop their cancelled tasks at once instead of at their due time.
        scheduler.setRemoveOnCancelPolicy(true);
        return new TypingIndicator(properties, scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn, NextDelegate next) {
        if (!wanted(turn.getActivity())) {
            return next.next();
        }
        Pending pending = new Pending(turn);
        turn.onSendActivities((context, activities, send) -> pending.beforeSend(activities, send));
        CompletableFuture<Void> started;
        if (properties.delay().isZero()) {
            started = pending.fire();
        } else {
            pending.schedule(properties.delay().toMillis());
            started = CompletableFuture.completedFuture(null);
        }
        return started.thenCompose(v -> next.next()).whenComplete((v, e) -> pending.stop());
    }

    private boolean wanted(Activity activity) {
        return properties.enabled() && ActivityTypes.MESSAGE.equals(activity.getType())
                && activity.getConversation() != null
                && ActivityTranslator.scopeOf(activity) != Scope.CHANNEL;
    }

    /** The typing indicator of one turn. */
    private final class Pending {
        private final TurnContext turn;
        private ScheduledFuture<?> scheduled;
        private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
        private boolean done;
        private int sent;

        Pending(TurnContext turn) {
            this.turn = turn;
        }

        synchronized void schedule(long delayMillis) {
            if (!done) {
                scheduled = scheduler.schedule(this::fire, delayMillis, TimeUnit.MILLISECONDS);
            }
        }

        /** Sends one typing activity unless the turn has replied; failures only cost the indicator. */
        CompletableFuture<Void> fire() {
            CompletableFuture<Void> sending;
            synchronized (this) {
                if (done) {
                    return inFlight;
                }
                sending = send();
                inFlight = sending;
                sent++;
            }
            return sending.whenComplete((v, e) -> {
                if (sent <= properties.maxRenewals()) {
                    schedule(properties.repeat().toMillis());
                }
            });
        }

        /** Before a reply: no more typing, and the reply waits for a typing activity still being sent. */
        CompletableFuture<ResourceResponse[]> beforeSend(List<Activity> activities,
                                                         Supplier<CompletableFuture<ResourceResponse[]>> send) {
            boolean reply = activities.stream().anyMatch(a -> !ActivityTypes.TYPING.equals(a.getType()));
            return reply ? stop().thenCompose(v -> send.get()) : send.get();
        }

        synchronized CompletableFuture<Void> stop() {
            done = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            return inFlight;
        }

        private CompletableFuture<Void> send() {
            Activity typing = new Activity(ActivityTypes.TYPING);
            typing.setRelatesTo(turn.getActivity().getRelatesTo());
            typing.applyConversationReference(turn.getActivity().getConversationReference());
            return turn.getAdapter().sendActivities(turn, List.of(typing)).handle((r, e) -> {
                if (e != null) {
                    log.debug("Typing activity for {} not sent: {}", turn.getActivity().getId(), e.toString());
                }
                return null;
            });
        }
    }
}
