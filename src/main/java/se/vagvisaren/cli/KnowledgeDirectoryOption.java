package se.vagvisaren.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.vagvisaren.conversation.ContentSource;

/**
 * The {@code --knowledge DIR} option the {@code ask} and {@code knowledge} commands share: a knowledge
 * directory to use instead of the configured (or shipped) one. A path that is not a directory is a usage
 * error while the arguments are read (message and usage on stderr, exit code 2), before anything runs.
 */
class KnowledgeDirectoryOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path directory;

    @Option(names = "--knowledge", paramLabel = "DIR",
            description = "Knowledge directory to use instead of the configured (or shipped) one.")
    void directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(command.commandLine(), "--knowledge " + directory + ": not a directory");
        }
        this.directory = directory;
    }

    /** The given directory as a content source; empty when the option was left out (use the configured one). */
    Optional<ContentSource> source() {
        return Optional.ofNullable(directory).map(dir -> new ContentSource("knowledge", dir));
    }
}
