package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class TeamsAdapterTest {

    private static final String EMEA = "https://smba.trafficmanager.net/emea/";

    private final TeamsAdapter adapter = new TeamsAdapter(new SimpleCredentialProvider("", ""),
            new AuthenticationConfiguration(), new SimpleChannelProvider(),
            new ConnectorRetryStrategy(1, Duration.ofMillis(10), Duration.ofSeconds(1), new SimpleMeterRegistry()),
            Duration.ofSeconds(3), null);

    private ConnectorClient client(String serviceUrl) {
        return adapter.getOrCreateConnectorClient(serviceUrl, null).join();
    }

    @Test
    void connectorClient_allowsManyConcurrentCallsToTheOneTeamsHost_withTimeouts() {
        OkHttpClient http = ((RestConnectorClient) client(EMEA)).getRestClient().httpClient();

        assertThat(http.dispatcher().getMaxRequestsPerHost()).isEqualTo(TeamsAdapter.MAX_CONCURRENT_CALLS_PER_HOST);
        assertThat(http.readTimeoutMillis()).isEqualTo(3_000);
        assertThat(http.connectTimeoutMillis()).isEqualTo(3_000);
    }

    @Test
    void connectorClient_isBuiltOncePerServiceUrl() {
        assertThat(client(EMEA)).isSameAs(client(EMEA));
    }

    @Test
    void connectorClient_invalidServiceUrl_failsTheFutureInsteadOfThrowing() {
        assertThat(adapter.getOrCreateConnectorClient("not a url", null)).isCompletedExceptionally();
    }
}
