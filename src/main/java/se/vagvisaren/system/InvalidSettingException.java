package se.vagvisaren.system;

/**
 * A setting is missing or wrong, so the service must not start. Spring Boot reports it in one short
 * paragraph naming the setting ({@link InvalidSettingFailureAnalyzer}), never as a stack trace.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    /**
     * @param setting the environment variable or property to fix, e.g. {@code MicrosoftAppPassword}
     * @param problem what is wrong, completing the sentence "&lt;setting&gt; ..."
     */
    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem, null, false, false);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
