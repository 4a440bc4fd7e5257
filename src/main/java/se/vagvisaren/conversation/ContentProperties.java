package se.vagvisaren.conversation;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where editable content lives ({@code vagvisaren.content.*}).
 *
 * @param dialogsDir   directory overriding the packaged {@code dialogs/}; empty = {@code ./dialogs} if it exists, else the jar
 * @param knowledgeDir directory overriding the packaged {@code knowledge/}; same default rule
 * @param reloadInterval how often the directories on disk are checked for changes; zero turns hot reload off
 */
@ConfigurationProperties("vagvisaren.content")
public record ContentProperties(
        Path dialogsDir,
        Path knowledgeDir,
        @DefaultValue("5s") Duration reloadInterval) {

    public ContentSource dialogs() {
        return new ContentSource("dialogs", orDefault(dialogsDir, "dialogs"));
    }

    public ContentSource knowledge() {
        return new ContentSource("knowledge", orDefault(knowledgeDir, "knowledge"));
    }

    private static Path orDefault(Path configured, String name) {
        return configured != null ? configured : Path.of(name);
    }
}
