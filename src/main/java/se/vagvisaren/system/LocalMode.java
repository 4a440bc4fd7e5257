package se.vagvisaren.system;

import org.springframework.core.env.Environment;

/**
 * The one rule for "local mode": the bot runs without a Microsoft app id (Agents Playground, Emulator, a
 * developer's machine). Then requests are not authenticated and missing secrets are generated instead of
 * refused. Never in production.
 */
public final class LocalMode {

    /** The property holding the bot's app id ({@code MicrosoftAppId} in the environment). */
    public static final String APP_ID_PROPERTY = "vagvisaren.teams.app-id";

    private LocalMode() {
    }

    /** Whether {@code appId} means local mode: {@code null}, empty or blank. */
    public static boolean of(String appId) {
        return appId == null || appId.isBlank();
    }

    /** Whether the environment's {@value #APP_ID_PROPERTY} means local mode. */
    public static boolean of(Environment environment) {
        return of(environment.getProperty(APP_ID_PROPERTY));
    }
}
