package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.deployment.RepositoryFiles.deployment;
import static se.vagvisaren.deployment.RepositoryFiles.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deployment/teams/manifest.json and en.json against Microsoft's schema and what Teams users will see. */
class TeamsManifestTest {

    static final List<String> SWEDISH_COMMANDS = List.of("hjälp", "fråga", "starta reflektion", "deadlines", "framsteg");
    static final List<String> ENGLISH_COMMANDS = List.of("help", "ask", "start reflection", "deadlines", "progress");

    final JsonNode manifest = json(deployment("teams/manifest.json"));
    final JsonNode english = json(deployment("teams/en.json"));

    @Test
    void manifest_asCommitted_isValidAgainstSchemaOfItsVersion() throws Exception {
        assertThat(TeamsSchemas.required().validateManifest(manifest)).isEmpty();
    }

    @Test
    void manifest_version_isAtLeast117AndMatchesSchemaUrl() {
        String version = manifest.path("manifestVersion").asText();
        String[] parts = version.split("\\.");
        assertThat(Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(117);
        assertThat(manifest.path("$schema").asText()).contains("/v" + version + "/MicrosoftTeams.schema.json");
        assertThat(english.path("$schema").asText()).contains("/v" + version + "/MicrosoftTeams.Localization.schema.json");
    }

    @Test
    void localization_english_isValidAgainstLocalizationSchema() throws Exception {
        String version = manifest.path("manifestVersion").asText();
        assertThat(TeamsSchemas.required().validateLocalization(version, english)).isEmpty();
    }

    @Test
    void manifest_language_isSwedishWithEnglishFile() {
        JsonNode info = manifest.path("localizationInfo");
        assertThat(info.path("defaultLanguageTag").asText()).isEqualTo("sv-SE");
        JsonNode additional = info.path("additionalLanguages");
        assertThat(additional).hasSize(1);
        assertThat(additional.get(0).path("languageTag").asText()).isEqualTo("en-US");
        assertThat(additional.get(0).path("file").asText()).isEqualTo("en.json");
        assertThat(deployment("teams/en.json")).exists();
    }

    @Test
    void bot_scopes_arePersonalTeamAndGroupChatEachWithTheFiveCommands() {
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(texts(bot.path("scopes"))).containsExactlyInAnyOrder("personal", "team", "groupChat");
        Set<String> scopesWithList = new LinkedHashSet<>();
        for (JsonNode list : bot.path("commandLists")) {
            assertThat(list.path("scopes")).as("one command list per scope").hasSize(1);
            scopesWithList.add(list.path("scopes").get(0).asText());
            List<String> titles = new ArrayList<>();
            list.path("commands").forEach(command -> titles.add(command.path("title").asText()));
            assertThat(titles).containsExactlyElementsOf(SWEDISH_COMMANDS);
        }
        assertThat(scopesWithList).containsExactlyInAnyOrder("personal", "team", "groupChat");
    }

    @Test
    void localization_english_translatesEveryCommandAndNothingElse() {
        JsonNode lists = manifest.path("bots").get(0).path("commandLists");
        Set<String> expectedKeys = new LinkedHashSet<>(List.of("name.short", "name.full", "description.short", "description.full"));
        for (int l = 0; l < lists.size(); l++) {
            JsonNode commands = lists.get(l).path("commands");
            for (int c = 0; c < commands.size(); c++) {
                String prefix = "bots[0].commandLists[" + l + "].commands[" + c + "].";
                expectedKeys.add(prefix + "title");
                expectedKeys.add(prefix + "description");
                assertThat(english.path(prefix + "title").asText()).isEqualTo(ENGLISH_COMMANDS.get(c));
                assertThat(english.path(prefix + "description").asText())
                        .isNotBlank()
                        .isNotEqualTo(commands.get(c).path("description").asText());
            }
        }
        expectedKeys.add("staticTabs[0].name");
        expectedKeys.addAll(List.of("composeExtensions[0].commands[0].title", "composeExtensions[0].commands[0].description",
                "composeExtensions[0].commands[0].parameters[0].title", "composeExtensions[0].commands[0].parameters[0].description"));
        Set<String> actualKeys = new LinkedHashSet<>();
        english.fieldNames().forEachRemaining(actualKeys::add);
        actualKeys.remove("$schema");
        assertThat(actualKeys).containsExactlyInAnyOrderElementsOf(expectedKeys);
    }

    @Test
    void messageExtension_oneQueryCommandWithOneTextParameter_inSwedishAndEnglish() {
        JsonNode extensions = manifest.path("composeExtensions");
        assertThat(extensions).hasSize(1);
        JsonNode extension = extensions.get(0);
        assertThat(extension.path("botId").asText()).isEqualTo(manifest.path("bots").get(0).path("botId").asText());
        assertThat(extension.path("commands")).hasSize(1);
        JsonNode command = extension.path("commands").get(0);
        // The bot answers this command id and parameter name (teams.MessageExtensionInvokes): keep them in step.
        assertThat(command.path("id").asText()).isEqualTo("searchHandbook");
        assertThat(command.path("type").asText()).isEqualTo("query");
        assertThat(command.path("initialRun").asBoolean()).isTrue();
        assertThat(texts(command.path("context"))).contains("compose", "commandBox");
        assertThat(command.path("parameters")).hasSize(1);
        assertThat(command.path("parameters").get(0).path("name").asText()).isEqualTo("searchQuery");
        assertThat(command.path("parameters").get(0).path("inputType").asText()).isEqualTo("text");
        assertThat(command.path("title").asText()).isEqualTo("Sök i handboken");
        assertThat(english.path("composeExtensions[0].commands[0].title").asText()).isEqualTo("Search the handbook");
        // The extension has no scopes of its own: it is offered wherever the app is, i.e. the bot's three scopes.
        assertThat(texts(manifest.path("bots").get(0).path("scopes"))).containsExactlyInAnyOrder("personal", "team", "groupChat");
    }

    /** Issue 19: the overview as a personal tab and a configurable channel tab, on the bot's own host. */
    @Test
    void tabs_personalAndChannel_openTheOverviewConfigPageOnTheBotsHost() {
        JsonNode personal = manifest.path("staticTabs");
        assertThat(personal).hasSize(1);
        assertThat(personal.get(0).path("name").asText()).isEqualTo("Översikt");
        assertThat(english.path("staticTabs[0].name").asText()).isEqualTo("Overview");
        assertThat(texts(personal.get(0).path("scopes"))).containsExactly("personal");
        // the path the bot serves (progress.OverviewLinks.CONFIG_PATH); build-app-package.sh fills in the host
        assertThat(personal.get(0).path("contentUrl").asText()).isEqualTo("https://vagvisaren.example.org/overview/config");
        JsonNode channel = manifest.path("configurableTabs");
        assertThat(channel).hasSize(1);
        assertThat(channel.get(0).path("configurationUrl").asText()).isEqualTo("https://vagvisaren.example.org/overview/config");
        assertThat(texts(channel.get(0).path("scopes"))).containsExactly("team");
        assertThat(texts(channel.get(0).path("context"))).containsExactly("channelTab");
        assertThat(texts(manifest.path("validDomains"))).containsExactly("vagvisaren.example.org");
    }

    @Test
    void manifest_urlsAndBotId_areConfigurationPlaceholders() {
        JsonNode developer = manifest.path("developer");
        assertThat(developer.path("privacyUrl").asText()).isEqualTo("https://vagvisaren.example.org/privacy");
        assertThat(developer.path("termsOfUseUrl").asText()).isEqualTo("https://vagvisaren.example.org/terms");
        assertThat(developer.path("websiteUrl").asText()).isEqualTo("https://vagvisaren.example.org");
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void manifest_icons_referToFilesBesideIt() {
        assertThat(Files.isRegularFile(deployment("teams/" + manifest.path("icons").path("color").asText()))).isTrue();
        assertThat(Files.isRegularFile(deployment("teams/" + manifest.path("icons").path("outline").asText()))).isTrue();
    }

    // The schema check above is only worth something if the validator rejects what Teams rejects.

    @Test
    void validateManifest_botIdNotAGuid_reportsError() throws Exception {
        ObjectNode broken = manifest.deepCopy();
        ((ObjectNode) broken.path("bots").get(0)).put("botId", "'; DROP TABLE bots; --");
        assertThat(TeamsSchemas.required().validateManifest(broken)).isNotEmpty();
    }

    @Test
    void validateManifest_missingBotIdOrIcons_reportsErrors() throws Exception {
        ObjectNode broken = manifest.deepCopy();
        ((ObjectNode) broken.path("bots").get(0)).remove("botId");
        broken.remove("icons");
        assertThat(TeamsSchemas.required().validateManifest(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void validateManifest_unknownScopeOrProperty_reportsErrors() throws Exception {
        ObjectNode broken = manifest.deepCopy();
        ((ArrayNode) broken.path("bots").get(0).path("scopes")).add("meeting");
        broken.put("madeUpProperty", true);
        assertThat(TeamsSchemas.required().validateManifest(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void validateManifest_versionOtherThanSchemas_reportsError() throws Exception {
        ObjectNode older = manifest.deepCopy();
        older.put("manifestVersion", "1.16");
        assertThat(TeamsSchemas.required().validateManifest(older, manifest.path("manifestVersion").asText()))
                .extracting(error -> error.getKeyword())
                .contains("const");
    }

    @Test
    void validateManifest_hugeShortDescription_reportsError() throws Exception {
        ObjectNode broken = manifest.deepCopy();
        ((ObjectNode) broken.path("description")).put("short", "å".repeat(10_000));
        assertThat(TeamsSchemas.required().validateManifest(broken)).isNotEmpty();
    }

    @Test
    void validateManifest_emptyObject_reportsEveryRequiredProperty() throws Exception {
        ObjectNode empty = RepositoryFiles.JSON.createObjectNode();
        empty.put("manifestVersion", manifest.path("manifestVersion").asText());
        assertThat(TeamsSchemas.required().validateManifest(empty))
                .extracting(error -> error.getMessage())
                .anySatisfy(message -> assertThat(message).contains("id"))
                .anySatisfy(message -> assertThat(message).contains("developer"));
    }

    @Test
    void validateLocalization_keyForCommandThatCannotExist_reportsError() throws Exception {
        ObjectNode broken = english.deepCopy();
        broken.put("bots[0].commandLists[7].commands[0].title", "help");
        String version = manifest.path("manifestVersion").asText();
        assertThat(TeamsSchemas.required().validateLocalization(version, broken)).isNotEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }
}
