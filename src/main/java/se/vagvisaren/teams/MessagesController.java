package se.vagvisaren.teams;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionException;
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

/**
 * {@code POST /api/messages}: the Bot Framework endpoint. Our own controller because the SDK's Spring
 * integration breaks on Spring Boot 3. Bad requests get a 4xx with a short JSON reason, never a stack
 * trace; a database outage answers 503 so the Bot Connector retries the delivery.
 */
@RestController
class MessagesController {

    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);

    private final TeamsAdapter adapter;
    private final VagvisarenBot bot;
    private final RequestAuthenticator authenticator;
    private final ActivityReader reader;
    private final MeterRegistry meters;

    MessagesController(TeamsAdapter adapter, VagvisarenBot bot, RequestAuthenticator authenticator,
                       TeamsProperties properties, MeterRegistry meters) {
        this.adapter = adapter;
        this.bot = bot;
        this.authenticator = authenticator;
        this.reader = new ActivityReader(properties.maxRequestBytes());
        this.meters = meters;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> incoming(HttpServletRequest request,
                                    @RequestHeader(name = "Authorization", required = false) String authHeader)
            throws IOException {
        Activity activity;
        try {
            activity = reader.read(request.getInputStream());
        } catch (ActivityReader.InvalidActivityException e) {
            return refuse(e.status, e.getMessage());
        }
        ClaimsIdentity identity;
        try {
            identity = authenticator.authenticate(activity, authHeader);
        } catch (RequestAuthenticator.RejectedRequestException e) {
            return refuse(e.status, e.getMessage());
        }
        meters.counter("vagvisaren.activities.in", "type", activity.getType()).increment();
        try {
            InvokeResponse invokeResponse = adapter.processActivity(identity, activity, bot::onTurn).join();
            if (invokeResponse == null) {
                return ResponseEntity.ok().build();
            }
            return ResponseEntity.status(invokeResponse.getStatus()).body(toJson(invokeResponse.getBody()));
        } catch (CompletionException e) {
            return failure(activity, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return failure(activity, e);
        }
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
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
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
