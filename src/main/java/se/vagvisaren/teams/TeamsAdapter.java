package se.vagvisaren.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;

/**
 * The SDK adapter with two corrections. Single-tenant registrations get outbound tokens from the
 * bot's own tenant instead of {@code botframework.com}, which new Azure Bot registrations require.
 * Connector clients are built with our retry policy and timeouts: the SDK's own
 * {@code setRestRetryStrategy} is stored but never used, so its built-in handler would retry every
 * 5xx three times with no pause and never honour 429.
 */
class TeamsAdapter extends BotFrameworkAdapter {

    private final CredentialProvider credentials;
    private final RetryStrategy retryStrategy;
    private final Duration timeout;
    private final String tokenTenant;
    private final ConnectionPool connections = new ConnectionPool(32, 5, TimeUnit.MINUTES);
    /**
     * OkHttp allows 5 concurrent calls per host by default, and every reply and proactive message of a
     * region goes to one host (smba.trafficmanager.net): that would cap the bot near 5 × (1 / round trip)
     * messages per second and queue the rest without a timeout.
     */
    private final Dispatcher dispatcher = connectorDispatcher();
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    /** Local no-auth mode: the SDK would build a new empty credentials object for every message. */
    private static final AppCredentials NO_CREDENTIALS = MicrosoftAppCredentials.empty();

    /**
     * @param timeout     connect and read timeout of every Bot Connector call
     * @param tokenTenant tenant for outbound tokens (single-tenant bots), or {@code null}
     */
    TeamsAdapter(CredentialProvider credentials, AuthenticationConfiguration authConfig, ChannelProvider channels,
                 RetryStrategy retryStrategy, Duration timeout, String tokenTenant) {
        super(credentials, authConfig, channels, retryStrategy, null);
        this.credentials = credentials;
        this.retryStrategy = retryStrategy;
        this.timeout = timeout;
        this.tokenTenant = tokenTenant == null || tokenTenant.isBlank() ? null : tokenTenant;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        if (tokenTenant == null) {
            return super.buildAppCredentials(appId, scope);
        }
        return credentials.getAppPassword(appId)
                .thenApply(password -> new MicrosoftAppCredentials(appId, password, tokenTenant, scope));
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                         AppCredentials usingAppCredentials) {
        AppCredentials creds = usingAppCredentials != null ? usingAppCredentials : NO_CREDENTIALS;
        String key = keyForConnectorClient(serviceUrl, creds.getAppId(), creds.oAuthScope());
        ConnectorClient known = clients.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known); // every message: no URL parsing, no new objects
        }
        try {
            String baseUrl = new URI(serviceUrl).toURL().toString();
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k ->
                    new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(baseUrl, creds)
                            .withSerializerAdapter(new ConnectorSerializer())
                            .withRetryStrategy(retryStrategy)
                            .withConnectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .withReadTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .withConnectionPool(connections)
                            .withDispatcher(dispatcher)
                            .build())));
        } catch (Exception | LinkageError e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid service URL", e));
        }
    }

    static final int MAX_CONCURRENT_CALLS_PER_HOST = 64;

    private static Dispatcher connectorDispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(2 * MAX_CONCURRENT_CALLS_PER_HOST);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS_PER_HOST);
        return dispatcher;
    }
}
