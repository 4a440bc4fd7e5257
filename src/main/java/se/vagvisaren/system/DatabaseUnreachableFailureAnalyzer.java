package se.vagvisaren.system;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that cannot reach its database (PostgreSQL down, wrong host or port, a firewall) ends with Spring Boot's
 * short start-up report — one line that names the database and the driver's reason — instead of five nested stack
 * traces from Flyway, Hikari and the driver. The process still exits with a non-zero code, so an orchestrator restarts
 * it or reports it.
 *
 * <p>Recognised by the SQL state class {@code 08} (connection exception) of the first {@link SQLException} in the
 * cause chain, which PostgreSQL's and H2's drivers both use; any other database error keeps its full report. The URL
 * is shown without a password or user written into it.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** {@code user:password@} in the authority, and {@code password=} / {@code user=} parameters. */
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(?<=//)[^/@]*@|(?i)(?<=[?&;])(password|user)=[^&;]*");

    private final Environment environment;

    /** Spring Boot passes the start's environment (failure analyzers may take it in their constructor). */
    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !state.startsWith("08")) {
            return null;
        }
        String url = withoutCredentials(environment.getProperty("spring.datasource.url", "(no spring.datasource.url)"));
        return new FailureAnalysis("Cannot connect to the database " + url + ": " + firstLine(cause.getMessage()),
                "Check that the database runs and accepts connections from this host, and the settings "
                        + "VAGVISAREN_DB_URL, VAGVISAREN_DB_USER and VAGVISAREN_DB_PASSWORD (docs/operations.md). "
                        + "Without VAGVISAREN_DB_URL the bot uses its embedded H2 database under ./data.", cause);
    }

    static String withoutCredentials(String url) {
        return CREDENTIALS.matcher(url).replaceAll(match -> Matcher.quoteReplacement(match.group().contains("=")
                ? match.group().substring(0, match.group().indexOf('=') + 1) + "***" : "***@"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given by the driver";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
