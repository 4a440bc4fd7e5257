package se.vagvisaren.cli;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;

/**
 * Runs the application as a command-line tool: no web server, no scheduler, no database migrations,
 * logs on stderr so stdout carries only the command's output (JSON Lines for scripts).
 */
public final class CommandLineMode {

    /** First arguments that select a command instead of starting the bot. */
    static final Set<String> COMMANDS = Set.of("nlu", "ask", "knowledge", "help", "--help", "-h");

    private CommandLineMode() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Starts a non-web context, runs the command and returns its exit code. */
    public static int run(Class<?> applicationClass, String[] args) {
        SpringApplication app = new SpringApplication(applicationClass);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("cli");
        // Added first, so they win over application.yaml (default properties would lose to it).
        app.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("commandLineMode", Map.of(
                        "spring.main.banner-mode", "off",
                        "spring.main.lazy-initialization", "true",
                        "spring.flyway.enabled", "false",
                        "db-scheduler.enabled", "false",
                        "vagvisaren.content.reload-interval", "0s"))));
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = app.run()) {
            CommandLine commandLine = context.getBean(CommandLineFactory.class).create();
            return commandLine.execute(args);
        }
    }
}
