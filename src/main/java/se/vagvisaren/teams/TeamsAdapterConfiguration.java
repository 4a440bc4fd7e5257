package se.vagvisaren.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.vagvisaren.conversation.ReplyTexts;

/** Wires the Bot Framework SDK from {@link TeamsProperties}; the SDK's own config files are not used. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TeamsProperties.class, TypingProperties.class})
class TeamsAdapterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsAdapterConfiguration.class);

    @Bean
    CredentialProvider credentialProvider(TeamsProperties properties) {
        return new SimpleCredentialProvider(properties.appId(), properties.appPassword());
    }

    @Bean
    ChannelProvider channelProvider() {
        return new SimpleChannelProvider();
    }

    @Bean
    AuthenticationConfiguration authenticationConfiguration() {
        return new AuthenticationConfiguration();
    }

    @Bean(destroyMethod = "close")
    TypingIndicator typingIndicator(TypingProperties typing) {
        return TypingIndicator.withOwnScheduler(typing);
    }

    @Bean
    TeamsAdapter teamsAdapter(TeamsProperties properties, ReplyTexts texts, CredentialProvider credentials,
                              ChannelProvider channels, AuthenticationConfiguration authConfig,
                              MeterRegistry meters, TypingIndicator typing) {
        if (properties.openIdMetadataUrl() != null && !properties.openIdMetadataUrl().isBlank()) {
            // A process-wide setting in the SDK; tests point it at their own JWKS.
            ChannelValidation.setOpenIdMetaDataUrl(properties.openIdMetadataUrl());
        }
        if (properties.localMode()) {
            log.warn("No MicrosoftAppId configured: running in local no-auth mode. Never expose this to the internet.");
        }
        String tokenTenant = properties.singleTenant() ? properties.appTenantId() : null;
        TeamsAdapter adapter = new TeamsAdapter(credentials, authConfig, channels,
                new ConnectorRetryStrategy(properties.connectorRetries(), properties.connectorRetryBase(),
                        properties.connectorRetryMaxWait(), meters),
                properties.connectorTimeout(), tokenTenant);
        adapter.setOnTurnError(new TurnErrorReporter(texts));
        adapter.use(typing);
        return adapter;
    }
}
