package se.vagvisaren.teams;

import se.vagvisaren.system.LocalMode;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bot registration and Teams edge settings ({@code vagvisaren.teams.*}).
 *
 * @param appId            the Azure Bot's Microsoft App ID; empty = local no-auth mode (Agents Playground, Emulator)
 * @param appPassword      client secret of the app registration; from the environment only
 * @param appType          {@code SingleTenant} (default; new registrations) or {@code MultiTenant} (legacy)
 * @param appTenantId      tenant of a single-tenant registration; used for outbound tokens
 * @param allowedTenants   tenant ids allowed to talk to the bot; empty = any tenant
 * @param openIdMetadataUrl override of the Bot Connector OpenID metadata URL (tests, sovereign clouds)
 * @param allowEmulatorTokens accept Bot Framework Emulator tokens although an app id is configured (off in production)
 * @param maxRequestBytes  largest accepted {@code /api/messages} body
 * @param maxMessageChars  longest user text handled; Teams itself caps messages near 28 KB
 * @param connectorRetries retries of a Bot Connector call answered 429/412/500/502/503/504
 * @param connectorRetryBase first back-off between retries (doubles each time, with jitter)
 * @param connectorRetryMaxWait longest single wait, also the largest {@code Retry-After} honoured in-line
 * @param connectorTimeout connect and read timeout of each Bot Connector call
 */
@Validated
@ConfigurationProperties("vagvisaren.teams")
public record TeamsProperties(
        String appId,
        String appPassword,
        @DefaultValue("SingleTenant") String appType,
        String appTenantId,
        List<String> allowedTenants,
        String openIdMetadataUrl,
        boolean allowEmulatorTokens,
        @DefaultValue("262144") @Min(1024) int maxRequestBytes,
        @DefaultValue("28000") @Min(100) int maxMessageChars,
        @DefaultValue("4") @Min(0) int connectorRetries,
        @DefaultValue("500ms") Duration connectorRetryBase,
        @DefaultValue("10s") Duration connectorRetryMaxWait,
        @DefaultValue("10s") Duration connectorTimeout) {

    public TeamsProperties {
        appId = appId == null ? "" : appId.trim();
        appPassword = appPassword == null ? "" : appPassword;
        appTenantId = appTenantId == null ? "" : appTenantId.trim();
        allowedTenants = allowedTenants == null ? List.of()
                : allowedTenants.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** True when no app id is configured: requests are not authenticated (local tools only). The rule is {@link LocalMode}'s. */
    public boolean localMode() {
        return LocalMode.of(appId);
    }

    public boolean singleTenant() {
        return "SingleTenant".equalsIgnoreCase(appType);
    }

    /** Whether a tenant may use the bot. */
    public boolean tenantAllowed(String tenantId) {
        return allowedTenants.isEmpty() || (tenantId != null && allowedTenants.contains(tenantId));
    }
}
