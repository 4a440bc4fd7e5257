package se.vagvisaren.teams;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad bot setting into Spring Boot's short start-up report instead of a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<StartupSettingsCheck.InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupSettingsCheck.InvalidSettingException cause) {
        return new FailureAnalysis("Setting " + cause.getMessage() + ".",
                "Set " + cause.setting + " in the environment (see docs/operations.md), "
                        + "or leave MicrosoftAppId empty to run in local no-auth mode.", cause);
    }
}
