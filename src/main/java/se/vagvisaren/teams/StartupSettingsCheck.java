package se.vagvisaren.teams;

import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.InvalidSettingException;

/**
 * Refuses to start with a bot registration that cannot work, naming the setting, instead of failing on
 * the first Teams request. Local no-auth mode (no app id at all) is allowed on purpose.
 */
@Component
@RequiredArgsConstructor
class StartupSettingsCheck implements InitializingBean {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";

    private final TeamsProperties properties;

    @Override
    public void afterPropertiesSet() {
        if (properties.localMode()) {
            return;
        }
        requireGuid(properties.appId(), "MicrosoftAppId");
        if (properties.appPassword().isBlank()) {
            throw new InvalidSettingException("MicrosoftAppPassword",
                    "is missing: set the client secret of the bot's app registration (or unset MicrosoftAppId for local mode)");
        }
        if (!"SingleTenant".equalsIgnoreCase(properties.appType()) && !"MultiTenant".equalsIgnoreCase(properties.appType())) {
            throw new InvalidSettingException("MicrosoftAppType", "must be SingleTenant or MultiTenant");
        }
        if (properties.singleTenant()) {
            requireGuid(properties.appTenantId(), "MicrosoftAppTenantId");
        }
        for (String tenant : properties.allowedTenants()) {
            if (!GUID.matcher(tenant).matches()) {
                throw new InvalidSettingException("VAGVISAREN_ALLOWED_TENANTS", "holds '" + tenant + "', which is not a tenant id (GUID)");
            }
        }
    }

    private static void requireGuid(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(setting, "is missing");
        }
        if (!GUID.matcher(value).matches() || ZERO_GUID.equals(value)) {
            throw new InvalidSettingException(setting, "must be a GUID from the Azure Bot registration, not a placeholder");
        }
    }
}
