package se.vagvisaren.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK adapter, extended for single-tenant registrations: outbound tokens are requested from the
 * bot's own tenant instead of {@code botframework.com}, which new Azure Bot registrations require.
 */
class TeamsAdapter extends BotFrameworkAdapter {

    private final CredentialProvider credentials;
    private final String tokenTenant;

    TeamsAdapter(CredentialProvider credentials, AuthenticationConfiguration authConfig,
                 ChannelProvider channels, RetryStrategy retryStrategy, String tokenTenant) {
        super(credentials, authConfig, channels, retryStrategy, null);
        this.credentials = credentials;
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
}
