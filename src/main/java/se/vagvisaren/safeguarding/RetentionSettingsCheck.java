package se.vagvisaren.safeguarding;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.vagvisaren.system.InvalidSettingException;

/**
 * Refuses to start when a retention setting would be silently ignored, because then data is kept longer
 * (or shorter) than the municipality decided:
 *
 * <ul>
 *   <li>{@code vagvisaren.privacy.retention.<store>} naming no registered store (a typo, or a store that
 *       was renamed);</li>
 *   <li>a feature's own retention property that was replaced by the registry's per-store setting.</li>
 * </ul>
 *
 * Runs once every bean exists, so stores of all features are known.
 */
@Component
@RequiredArgsConstructor
class RetentionSettingsCheck implements SmartInitializingSingleton {

    /** Properties no longer read, with the store whose setting replaced them. */
    static final Map<String, String> REPLACED = Map.of(
            "vagvisaren.progress.retention", "progress-updates",
            "vagvisaren.reflection.retention", "reflection-answers");

    private final PersonalDataRegistry registry;
    private final PrivacyProperties properties;
    private final Environment environment;

    @Override
    public void afterSingletonsInstantiated() {
        check(registry.stores().stream().map(PersonalDataStore::name).toList(), properties, environment);
    }

    static void check(Collection<String> storeNames, PrivacyProperties properties, Environment environment) {
        REPLACED.forEach((property, store) -> {
            if (environment.containsProperty(property)) {
                throw new InvalidSettingException(property, "is no longer read: set vagvisaren.privacy.retention."
                        + store + " instead (an ISO period such as P24M; environment variable "
                        + environmentVariable(store) + "). That one period is both applied and shown to users.");
            }
        });
        List<String> known = storeNames.stream().map(PrivacyProperties::canonical).toList();
        for (String key : properties.retention().keySet()) {
            if (!key.equals(PrivacyProperties.DEFAULT_KEY) && !known.contains(PrivacyProperties.canonical(key))) {
                throw new InvalidSettingException("vagvisaren.privacy.retention." + key,
                        "names no store holding personal data. The stores are: " + String.join(", ", new TreeSet<>(storeNames))
                                + " (or 'default' for all others).");
            }
        }
    }

    private static String environmentVariable(String store) {
        return "VAGVISAREN_PRIVACY_RETENTION_" + PrivacyProperties.canonical(store).toUpperCase(Locale.ROOT);
    }
}
