package se.vagvisaren.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * {@code POST /api/messages}: the Bot Framework endpoint. Our own controller because the SDK's Spring
 * integration breaks on Spring Boot 3. In order: read with limits (400/413), authenticate (401/403),
 * drop redeliveries of an activity already taken on, apply per-user and per-conversation rate limits
 * (a friendly reply, or 429 for card invokes), then run the turn with bounded concurrency and wait.
 * Bad requests get a short JSON reason, never a stack trace; a database outage or overload answers 503
 * so the Bot Connector redelivers later.
 */
@RestController
class MessagesController {

    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);

    private final TeamsAdapter adapter;
    private final VagvisarenBot bot;
    private final RequestAuthenticator authenticator;
    private final ActivityReader reader;
    private final InboundRateLimiter limiter;
    private final DuplicateDeliveries duplicates;
    private final TurnRunner turns;
    private final InboundProperties inbound;
    private final ReplyTexts texts;
    private final MeterRegistry meters;

    MessagesController(TeamsAdapter adapter, VagvisarenBot bot, RequestAuthenticator authenticator,
                       TeamsProperties properties, InboundProperties inbound, DeliveryLedger ledger, ReplyTexts texts,
                       MeterRegistry meters) {
        this.adapter = adapter;
        this.bot = bot;
        this.authenticator = authenticator;
        this.reader = new ActivityReader(properties.maxRequestBytes());
        this.limiter = new InboundRateLimiter(inbound, System::nanoTime);
        this.duplicates = new DuplicateDeliveries(inbound, ledger, meters);
        this.turns = new TurnRunner(inbound.maxConcurrentTurns(), inbound.turnWait());
        this.inbound = inbound;
        this.texts = texts;
        this.meters = meters;
        meters.gauge("vagvisaren.turns.active", turns, TurnRunner::active);
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> incoming(HttpServletRequest request,
                                    @RequestHeader(name = "Authorization", required = false) String authHeader)
            throws IOException {
        Activity activity;
        ClaimsIdentity identity;
        try {
            activity = reader.read(request.getInputStream(), request.getContentLengthLong());
            identity = authenticator.authenticate(activity, authHeader);
        } catch (ActivityReader.InvalidActivityException e) {
            return refuse(e.status, e.getMessage());
        } catch (RequestAuthenticator.RejectedRequestException e) {
            return refuse(e.status, e.getMessage());
        }
        meters.counter("vagvisaren.activities.in", "type", activity.getType()).increment();
        DuplicateDeliveries.Decision admission = duplicates.admit(activity);
        if (!(admission instanceof DuplicateDeliveries.Decision.Process process)) {
            return answerWithoutProcessing(admission);
        }
        CompletableFuture<Void> outcome = process.outcome();
        InboundRateLimiter.Decision decision = rateLimit(activity);
        if (decision.limited()) {
            outcome.complete(null);
            return limited(identity, activity, decision);
        }
        return answer(activity, turns.run(() -> adapter.processActivity(identity, activity, bot::onTurn), outcome));
    }

    private ResponseEntity<Object> answerWithoutProcessing(DuplicateDeliveries.Decision decision) {
        if (decision instanceof DuplicateDeliveries.Decision.RetryLater retry) {
            return refuse(503, retry.reason());
        }
        return decision instanceof DuplicateDeliveries.Decision.StillRunning
                ? ResponseEntity.accepted().build() : ResponseEntity.ok().build();
    }

    private ResponseEntity<Object> answer(Activity activity, TurnRunner.Outcome outcome) {
        if (outcome instanceof TurnRunner.Outcome.Done done) {
            if (done.response() == null) {
                return ResponseEntity.ok().build();
            }
            return ResponseEntity.status(done.response().getStatus()).body(toJson(done.response().getBody()));
        }
        if (outcome instanceof TurnRunner.Outcome.StillRunning) {
            // Acknowledge before Teams gives up and redelivers; the turn finishes in the background.
            log.warn("Activity {} still running after {}; acknowledged", activity.getId(), inbound.turnWait());
            meters.counter("vagvisaren.turns.background").increment();
            return ResponseEntity.accepted().build();
        }
        if (outcome instanceof TurnRunner.Outcome.Busy) {
            log.warn("Activity {} refused: {} turns already running", activity.getId(), inbound.maxConcurrentTurns());
            return refuse(503, "Busy, retry later");
        }
        return failure(activity, ((TurnRunner.Outcome.Failed) outcome).cause());
    }

    private InboundRateLimiter.Decision rateLimit(Activity activity) {
        if (!ActivityTypes.MESSAGE.equals(activity.getType()) && !ActivityTypes.INVOKE.equals(activity.getType())) {
            return InboundRateLimiter.Decision.ALLOW; // Teams' own events (installs, members) are not user bursts
        }
        String from = activity.getFrom().getAadObjectId() != null && !activity.getFrom().getAadObjectId().isBlank()
                ? activity.getFrom().getAadObjectId() : activity.getFrom().getId();
        return limiter.check(TenantOf.activity(activity) + "/" + from, activity.getConversation().getId());
    }

    private ResponseEntity<Object> limited(ClaimsIdentity identity, Activity activity, InboundRateLimiter.Decision decision) {
        meters.counter("vagvisaren.activities.rate-limited", "type", activity.getType()).increment();
        Language language = Language.fromCode(activity.getLocale());
        if (ActivityTypes.INVOKE.equals(activity.getType())) {
            return ResponseEntity.status(429).header("Retry-After", "60").body(Map.of(
                    "statusCode", 429, "type", "application/vnd.microsoft.error",
                    "value", Map.of("code", "TooManyRequests", "message", texts.get(language, "security.rate-limited.action"))));
        }
        if (decision == InboundRateLimiter.Decision.LIMIT_QUIETLY) {
            return ResponseEntity.ok().build();
        }
        log.info("Rate limit reached in conversation {} (activity {}, {})", activity.getConversation().getId(),
                activity.getId(), decision);
        String key = decision == InboundRateLimiter.Decision.LIMIT_USER_AND_NOTIFY
                ? "security.rate-limited.user" : "security.rate-limited.conversation";
        var notice = MessageFactory.text(texts.get(language, key));
        TurnRunner.Outcome sent = turns.run(() -> adapter.processActivity(identity, activity,
                turn -> turn.sendActivity(notice).thenApply(response -> null)), new CompletableFuture<>());
        if (sent instanceof TurnRunner.Outcome.Failed failed) {
            log.warn("Could not send rate-limit notice for activity {}: {}", activity.getId(),
                    failed.cause().getClass().getSimpleName());
        }
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<Object> failure(Activity activity, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            log.warn("Activity {} not processed, storage unavailable: {}", activity.getId(), cause.getClass().getSimpleName());
            return refuse(503, "Temporarily unavailable, retry later");
        }
        log.error("Activity {} failed", activity.getId(), cause);
        return refuse(500, "Internal error");
    }

    private ResponseEntity<Object> refuse(int status, String reason) {
        meters.counter("vagvisaren.activities.rejected", "status", Integer.toString(status)).increment();
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == 503) {
            response = response.header("Retry-After", "1");
        }
        return response.body(Map.of("error", reason));
    }

    private static Object toJson(Object body) {
        if (body == null) {
            return null;
        }
        try {
            // The SDK's models carry their own Jackson annotations; serialise them with the SDK-style mapper.
            return ActivityReader.MAPPER.readTree(ActivityReader.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise invoke response", e);
        }
    }

    /** Which failures mean "try again later" rather than "this request is broken". */
    static final class TransientFailures {
        private TransientFailures() {
        }

        static boolean isTransient(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof TransientDataAccessException || c instanceof DataAccessResourceFailureException
                        || c instanceof RecoverableDataAccessException || c instanceof java.sql.SQLTransientException
                        || c instanceof java.sql.SQLNonTransientConnectionException) {
                    return true;
                }
            }
            return false;
        }
    }
}
