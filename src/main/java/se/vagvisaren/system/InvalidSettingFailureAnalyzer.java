package se.vagvisaren.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into Spring Boot's short start-up report instead of a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Setting " + cause.getMessage() + ".",
                "Set " + cause.setting() + " in the environment (see docs/operations.md), "
                        + "or leave MicrosoftAppId empty to run in local no-auth mode.", cause);
    }
}
