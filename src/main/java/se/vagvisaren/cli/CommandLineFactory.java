package se.vagvisaren.cli;

import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the picocli command tree from every Spring bean annotated with {@link Command} in this
 * package, so adding a sub-command means adding one class, not editing a list.
 */
@Component
@RequiredArgsConstructor
class CommandLineFactory {

    private final ApplicationContext context;

    CommandLine create() {
        CommandLine root = new CommandLine(new RootCommand());
        List<Object> commands = context.getBeansWithAnnotation(Command.class).values().stream()
                .filter(bean -> !(bean instanceof RootCommand))
                .sorted(Comparator.comparing(bean -> bean.getClass().getName()))
                .toList();
        for (Object command : commands) {
            root.addSubcommand(command);
        }
        return root;
    }

    @Command(name = "vagvisaren", mixinStandardHelpOptions = true,
            description = "Vägvisaren command-line tools. Without arguments the jar starts the bot.")
    static class RootCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }
}
