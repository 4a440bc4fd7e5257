package se.vagvisaren.teams;

import com.microsoft.bot.restclient.retry.RetryStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;

/**
 * Retries Bot Connector calls that Teams asks us to retry (429, 412, 502, 504, and the transient 500/503)
 * with exponential
 * back-off and full jitter, honouring {@code Retry-After}. Replaces the SDK default, which retries
 * every 5xx immediately, with no pause, and ignores 429. Runs inside the HTTP call, so every send
 * (replies and proactive messages) gets the same policy.
 */
class ConnectorRetryStrategy extends RetryStrategy {

    static final Set<Integer> RETRYABLE = Set.of(429, 412, 500, 502, 503, 504);

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final MeterRegistry meters;

    /**
     * @param maxRetries retries after the first attempt
     * @param baseDelay  first back-off; doubles per retry
     * @param maxDelay   longest single wait; a longer {@code Retry-After} ends retrying so the caller can reschedule
     */
    ConnectorRetryStrategy(int maxRetries, Duration baseDelay, Duration maxDelay, MeterRegistry meters) {
        super("teams-connector", false);
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.meters = meters;
    }

    @Override
    public boolean shouldRetry(int retryCount, Response response) {
        int code = response.code();
        if (!RETRYABLE.contains(code) || retryCount >= maxRetries) {
            return false;
        }
        long delayMillis = retryAfterMillis(response);
        if (delayMillis < 0) {
            long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retryCount, 20));
            delayMillis = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        } else if (delayMillis > maxDelay.toMillis()) {
            return false;
        }
        meters.counter("vagvisaren.connector.retries", "status", Integer.toString(code)).increment();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** The wait asked for by a {@code Retry-After} header in seconds, or -1 when absent or unreadable. */
    static long retryAfterMillis(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            return -1; // HTTP-date form: fall back to our own back-off
        }
    }
}
