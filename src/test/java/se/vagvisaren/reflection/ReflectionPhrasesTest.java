package se.vagvisaren.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.reflection.ReflectionPhrases.Command;

class ReflectionPhrasesTest {

    private final ReflectionPhrases phrases = new ReflectionPhrases(new ContentSource("dialogs", Path.of("dialogs")));

    @Test
    void command_swedishCommands_areRecognisedWithTyposAndInflections() {
        assertThat(phrases.command("avsluta övningen")).contains(Command.CLOSE);
        assertThat(phrases.command("Kan du avsluta ovningen nu?")).contains(Command.CLOSE);
        assertThat(phrases.command("radera mina svar")).contains(Command.DELETE_MINE);
        assertThat(phrases.command("endast utbildare får starta övningar")).contains(Command.LAUNCH_FACILITATORS_ONLY);
        assertThat(phrases.command("alla får starta övningar")).contains(Command.LAUNCH_EVERYONE);
        assertThat(phrases.command("avboka schemalagda övningar")).contains(Command.CANCEL_SCHEDULE);
        assertThat(phrases.command("reflektionsinställningar")).contains(Command.SETTINGS);
    }

    @Test
    void command_englishCommands_areRecognised() {
        assertThat(phrases.command("please end the exercise")).contains(Command.CLOSE);
        assertThat(phrases.command("delete my answers")).contains(Command.DELETE_MINE);
        assertThat(phrases.command("only facilitators can start exercises")).contains(Command.LAUNCH_FACILITATORS_ONLY);
    }

    @Test
    void command_launchRequests_areNotCommands() {
        assertThat(phrases.command("starta reflektion")).isEmpty();
        assertThat(phrases.command("kör övningen om normer varje måndag kl 9 i fyra veckor")).isEmpty();
        assertThat(phrases.command("")).isEmpty();
    }

    @Test
    void asksForNamed_onlyWhenSaid() {
        assertThat(phrases.asksForNamed("starta övningen om normer med namn")).isTrue();
        assertThat(phrases.asksForNamed("start the norms exercise, not anonymous")).isTrue();
        assertThat(phrases.asksForNamed("starta övningen om normer")).isFalse();
    }

    @Test
    void onContentChanged_brokenEdit_keepsThePreviousPhrases_brokenFromTheStart_onlyButtonsWork(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ReflectionPhrases.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(Path.of("dialogs").resolve(ReflectionPhrases.FILE), file);
        ReflectionPhrases edited = new ReflectionPhrases(new ContentSource("dialogs", dir));

        Files.writeString(file, "close: [unclosed\n");
        edited.onContentChanged(new ContentChanged("dialogs"));
        assertThat(edited.command("avsluta övningen")).contains(Command.CLOSE);

        ReflectionPhrases brokenAtStart = new ReflectionPhrases(new ContentSource("dialogs", dir));
        assertThat(brokenAtStart.command("avsluta övningen")).isEmpty();
    }
}
