package se.vagvisaren.teams;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * For contexts with a real app id: the bot's outbound calls carry a fixed token instead of asking
 * Entra ID for one (no network here). Everything else is the production adapter.
 */
@TestConfiguration(proxyBeanMethods = false)
class OfflineTokenAdapterConfig {

    static final String OUTBOUND_TOKEN = "offline-test-token";

    @Bean
    @Primary
    TeamsAdapter offlineTokenAdapter(TeamsProperties properties, ReplyTexts texts, CredentialProvider credentials,
                                     ChannelProvider channels, AuthenticationConfiguration authConfig,
                                     MeterRegistry meters) {
        TeamsAdapter adapter = new TeamsAdapter(credentials, authConfig, channels,
                new ConnectorRetryStrategy(properties.connectorRetries(), properties.connectorRetryBase(),
                        properties.connectorRetryMaxWait(), meters),
                properties.connectorTimeout(), properties.appTenantId()) {
            @Override
            protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
                return CompletableFuture.completedFuture(new FixedTokenCredentials(appId, scope));
            }
        };
        adapter.setOnTurnError(new TurnErrorReporter(texts));
        return adapter;
    }

    /** App credentials whose token is a constant. */
    static final class FixedTokenCredentials extends MicrosoftAppCredentials {
        FixedTokenCredentials(String appId, String scope) {
            super(appId, "unused", null, scope);
        }

        @Override
        protected Authenticator buildAuthenticator() {
            IAuthenticationResult result = (IAuthenticationResult) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {IAuthenticationResult.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "accessToken" -> OUTBOUND_TOKEN;
                        case "expiresOnDate" -> new java.util.Date(System.currentTimeMillis() + Duration.ofHours(1).toMillis());
                        case "hashCode" -> 0;
                        case "equals" -> proxy == args[0];
                        case "toString" -> "offline token";
                        default -> null;
                    });
            return () -> CompletableFuture.completedFuture(result);
        }
    }
}
