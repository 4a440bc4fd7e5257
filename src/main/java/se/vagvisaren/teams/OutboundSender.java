package se.vagvisaren.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;

/**
 * Sends every proactive message. Paces each conversation under the Teams limits
 * ({@link ConversationPacer}); transient HTTP failures are retried inside the connector call
 * ({@link ConnectorRetryStrategy}); 403/404 mark the conversation as gone so later nudges stop; every
 * failure is recorded (ids and status only, never content) and counted in metrics.
 */
@Component
class OutboundSender implements OutboundMessages {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);

    private final TeamsAdapter adapter;
    private final ConversationReferences references;
    private final KnownUsers knownUsers;
    private final TeamsProperties properties;
    private final ConversationPacer pacer;
    private final Cache<String, ReentrantLock> conversationLocks = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboundSender(TeamsAdapter adapter, ConversationReferences references, KnownUsers knownUsers,
                   TeamsProperties properties, JdbcClient jdbc, Clock clock, MeterRegistry meters,
                   ConversationPacer pacer) {
        this.adapter = adapter;
        this.references = references;
        this.knownUsers = knownUsers;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.pacer = pacer; // shared with automatic card refreshes (RefreshPacing), which count against the same limits
    }

    @Override
    public DeliveryResult send(ConversationKey conversation, Reply reply) {
        Optional<ConversationReferences.StoredReference> stored = references.find(conversation.conversationId());
        if (stored.isEmpty()) {
            return record(conversation.conversationId(), new DeliveryResult(DeliveryResult.Status.UNKNOWN_TARGET, null, 0, "no stored reference"));
        }
        if (!stored.get().active()) {
            return record(conversation.conversationId(), new DeliveryResult(DeliveryResult.Status.GONE, null, 0, "bot was removed"));
        }
        return deliver(stored.get().reference(), reply);
    }

    @Override
    public DeliveryResult sendToUser(String tenantId, String userId, Reply reply) {
        Optional<ConversationReferences.StoredReference> personal = references.findPersonal(tenantId, userId);
        if (personal.isPresent()) {
            return deliver(personal.get().reference(), reply);
        }
        Optional<String> channelUserId = knownUsers.channelUserId(tenantId, userId);
        Optional<ConversationReferences.StoredReference> team = references.anyTeamConversation(tenantId);
        if (channelUserId.isEmpty() || team.isEmpty()) {
            return record("user:" + userId, new DeliveryResult(DeliveryResult.Status.UNKNOWN_TARGET, null, 0,
                    "no 1:1 chat and no team to open one from"));
        }
        return openPersonalChatAndSend(tenantId, channelUserId.get(), team.get().reference(), reply);
    }

    private DeliveryResult deliver(ConversationReference reference, Reply reply) {
        String conversationId = reference.getConversation().getId();
        // One send at a time per conversation: messages then arrive in order and the pacer's window counts
        // hold for arrivals, not just for send starts (see ConversationPacer.TEAMS_LIMITS).
        ReentrantLock lock = conversationLocks.get(conversationId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            pacer.acquire(conversationId);
            return send(reference, reply, conversationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult(DeliveryResult.Status.FAILED_RETRYABLE, null, 0, "interrupted");
        } finally {
            lock.unlock();
        }
    }

    private DeliveryResult send(ConversationReference reference, Reply reply, String conversationId) {
        Outcome outcome = new Outcome();
        Activity activity = ActivityTranslator.toActivity(reply);
        try {
            adapter.continueConversation(properties.appId(), reference, turn -> sendInTurn(turn, activity, outcome)).join();
        } catch (CompletionException | RestException e) {
            outcome.error = e;
        }
        return outcome.error == null ? delivered(outcome.activityId) : failed(conversationId, outcome.error);
    }

    private DeliveryResult delivered(String activityId) {
        meters.counter("vagvisaren.outbound", "result", "delivered").increment();
        return new DeliveryResult(DeliveryResult.Status.DELIVERED, activityId, 1, null);
    }

    /**
     * Sends inside a proactive turn and captures failure here: an exception escaping the turn would be
     * swallowed by the adapter's turn-error handler and look like a success.
     */
    private static CompletableFuture<Void> sendInTurn(TurnContext turn, Activity activity, Outcome outcome) {
        return turn.sendActivity(activity).handle((response, error) -> {
            if (error != null) {
                outcome.error = error;
            } else if (response != null) {
                outcome.activityId = response.getId();
            }
            return null;
        });
    }

    /** What happened inside a proactive turn. */
    private static final class Outcome {
        volatile String activityId;
        volatile Throwable error;
    }

    private DeliveryResult openPersonalChatAndSend(String tenantId, String channelUserId, ConversationReference team,
                                                   Reply reply) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(team.getBot());
        parameters.setMembers(List.of(new ChannelAccount(channelUserId)));
        parameters.setTenantId(tenantId);
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(tenantId));
        parameters.setChannelData(channelData);
        MicrosoftAppCredentials credentials = properties.localMode() ? MicrosoftAppCredentials.empty()
                : new MicrosoftAppCredentials(properties.appId(), properties.appPassword(),
                        properties.singleTenant() ? properties.appTenantId() : null);
        Outcome outcome = new Outcome();
        Activity activity = ActivityTranslator.toActivity(reply);
        try {
            adapter.createConversation(team.getChannelId(), team.getServiceUrl(), credentials, parameters, turn -> {
                references.remember(turn.getActivity());
                return sendInTurn(turn, activity, outcome);
            }).join();
        } catch (CompletionException | RestException e) {
            outcome.error = e;
        }
        return outcome.error == null ? delivered(outcome.activityId) : failed("user:" + channelUserId, outcome.error);
    }

    private DeliveryResult failed(String conversationId, Throwable e) {
        int status = httpStatus(e);
        if (status == 403 || status == 404) {
            references.markRemoved(conversationId);
            return record(conversationId, new DeliveryResult(DeliveryResult.Status.GONE, null, 1, "HTTP " + status));
        }
        String detail = status > 0 ? "HTTP " + status : rootCause(e).getClass().getSimpleName();
        return record(conversationId, new DeliveryResult(DeliveryResult.Status.FAILED_RETRYABLE, null, 1, detail));
    }

    private DeliveryResult record(String conversationId, DeliveryResult result) {
        meters.counter("vagvisaren.outbound", "result", result.status().name().toLowerCase()).increment();
        log.warn("Delivery to {} failed: {} ({})", conversationId, result.status(), result.detail());
        jdbc.sql("INSERT INTO delivery_failure (conversation_id, status, attempts, detail, failed_at) "
                        + "VALUES (:id, :status, :attempts, :detail, :at)")
                .param("id", conversationId).param("status", result.status().name())
                .param("attempts", result.attempts()).param("detail", result.detail())
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return result;
    }

    static int httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return rest.response().code();
            }
        }
        return -1;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
