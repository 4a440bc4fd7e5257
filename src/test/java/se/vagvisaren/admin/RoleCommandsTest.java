package se.vagvisaren.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.vagvisaren.admin.RoleCommands.Action;
import se.vagvisaren.admin.RoleCommands.Command;
import se.vagvisaren.conversation.ContentSource;

/** Reading role commands from dialogs/commands/roles.yaml (text with the @mentions already removed). */
class RoleCommandsTest {

    private final RoleCommands commands = new RoleCommands(null, null, new ContentSource("dialogs", Path.of("dialogs")));

    @Test
    void parse_grantRevokeAndList_areRecognised() {
        assertThat(commands.parse("gör  till utbildare")).contains(new Command(Action.GRANT, Role.FACILITATOR));
        assertThat(commands.parse("Make  a coordinator, please")).contains(new Command(Action.GRANT, Role.COORDINATOR));
        assertThat(commands.parse("ta bort  som samordnare")).contains(new Command(Action.REVOKE, Role.COORDINATOR));
        assertThat(commands.parse("vilka roller finns här?")).contains(new Command(Action.LIST, null));
    }

    @Test
    void parse_inflectionsTyposAndHyphens_stillCount() {
        assertThat(commands.parse("gör  till samordnaren")).contains(new Command(Action.GRANT, Role.COORDINATOR));
        assertThat(commands.parse("gör  till utbilare")).contains(new Command(Action.GRANT, Role.FACILITATOR));
        assertThat(commands.parse("utse  till MVP-ledare")).contains(new Command(Action.GRANT, Role.FACILITATOR));
    }

    @Test
    void parse_wordsInsideOtherWordsOrAfterTheStart_areNoCommand() {
        // "ge" inside "geografi" and a verb that does not open the message are not grants.
        assertThat(commands.parse("geografi för samordnare")).isEmpty();
        assertThat(commands.parse("vem kan jag ge en fråga om samordnare")).isEmpty();
        assertThat(commands.parse("gör en lägesbild")).isEmpty();
        assertThat(commands.parse("")).isEmpty();
    }
}
