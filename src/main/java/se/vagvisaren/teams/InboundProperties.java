package se.vagvisaren.teams;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Protection of {@code /api/messages} against bursts and slow dependencies ({@code vagvisaren.teams.inbound.*}).
 * Limits are per instance; with several replicas each one counts on its own.
 *
 * @param rateLimits            whether per-user and per-conversation limits apply to messages and card actions
 * @param userBurst             messages and card actions one user may send at once
 * @param userPerMinute         sustained rate per user after the burst (messages per minute)
 * @param conversationBurst     messages one conversation (a channel thread, a group chat) may receive at once
 * @param conversationPerMinute sustained rate per conversation after the burst (messages per minute)
 * @param noticeInterval        a limited user is told at most once per interval; later excess is dropped silently
 * @param maxTrackedKeys        most users plus conversations tracked at once (memory bound; least recent forgotten)
 * @param maxConcurrentTurns    turns processed at once; more get 503 so Teams redelivers later, and threads stay free
 *                              for health checks
 * @param turnWait              longest a request waits for its turn; a message still running then (slow Bot Connector)
 *                              is acknowledged and finishes in the background, before Teams' own ~15 s redelivery
 * @param redeliveryWindow      how long this instance remembers an activity id in memory, so a redelivery that
 *                              arrives while the first delivery still runs waits for it and mirrors its answer
 * @param deliveryLedger        whether taken-on activities are also recorded in the database, shared by replicas and
 *                              kept across restarts (one insert and one update per activity)
 * @param claimTimeout          how long a recorded turn counts as running; a redelivery after that (its instance
 *                              crashed) is processed again. Longer than any turn: connector timeouts and retries
 * @param ledgerRetention       how long recorded activities are kept; Teams redelivers within minutes
 */
@Validated
@ConfigurationProperties("vagvisaren.teams.inbound")
public record InboundProperties(
        @DefaultValue("true") boolean rateLimits,
        @DefaultValue("10") @Min(1) int userBurst,
        @DefaultValue("30") @Min(1) int userPerMinute,
        @DefaultValue("30") @Min(1) int conversationBurst,
        @DefaultValue("120") @Min(1) int conversationPerMinute,
        @DefaultValue("1m") Duration noticeInterval,
        @DefaultValue("100000") @Min(100) int maxTrackedKeys,
        @DefaultValue("64") @Min(1) int maxConcurrentTurns,
        @DefaultValue("10s") Duration turnWait,
        @DefaultValue("10m") Duration redeliveryWindow,
        @DefaultValue("true") boolean deliveryLedger,
        @DefaultValue("60s") Duration claimTimeout,
        @DefaultValue("1d") Duration ledgerRetention) {
}
