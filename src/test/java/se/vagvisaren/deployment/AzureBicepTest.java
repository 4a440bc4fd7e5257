package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.deployment.RepositoryFiles.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deployment/azure/main.bicep, checked as text: there is no Bicep compiler on these machines, so
 * this pins the resource types, API versions and the settings the issue asks for.
 */
class AzureBicepTest {

    static final Pattern RESOURCE = Pattern.compile("(?m)^resource (\\w+) '([^'@]+)@([^']+)'");
    static final Pattern SECURE_PARAM = Pattern.compile("@secure\\(\\)\\s*(?:@\\w+\\([^)]*\\)\\s*)*param (\\w+) string");

    final String bicep = RepositoryFiles.text(deployment("azure/main.bicep"));

    @Test
    void resources_coverBotTeamsChannelContainerAppPostgresAndKeyVault() {
        List<String> types = new ArrayList<>();
        Matcher matcher = RESOURCE.matcher(bicep);
        while (matcher.find()) {
            types.add(matcher.group(2));
            assertThat(matcher.group(3)).as(matcher.group(2)).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(types).contains(
                "Microsoft.BotService/botServices",
                "Microsoft.BotService/botServices/channels",
                "Microsoft.App/containerApps",
                "Microsoft.App/managedEnvironments",
                "Microsoft.DBforPostgreSQL/flexibleServers",
                "Microsoft.DBforPostgreSQL/flexibleServers/databases",
                "Microsoft.KeyVault/vaults",
                "Microsoft.KeyVault/vaults/secrets",
                "Microsoft.Authorization/roleAssignments");
    }

    @Test
    void bot_isSingleTenantWithTeamsChannelAndMessagesEndpoint() {
        String bot = block("bot");
        assertThat(bot).contains("msaAppType: 'SingleTenant'").contains("msaAppTenantId: tenantId")
                .contains("msaAppId: botAppId").contains("/api/messages'").contains("location: 'global'");
        String channel = block("teamsChannel");
        assertThat(channel).contains("name: 'MsTeamsChannel'").contains("channelName: 'MsTeamsChannel'")
                .contains("isEnabled: true");
    }

    @Test
    void secrets_areSecureParamsStoredInKeyVaultAndReferencedByTheApp() {
        List<String> secure = new ArrayList<>();
        Matcher matcher = SECURE_PARAM.matcher(bicep);
        while (matcher.find()) {
            secure.add(matcher.group(1));
        }
        assertThat(secure).containsExactlyInAnyOrder("botAppPassword", "postgresAdminPassword", "hashSecret", "linkSecret");
        assertThat(bicep).doesNotContainPattern("(?m)^output .*(Password|password)");

        String app = block("app");
        assertThat(app).contains("keyVaultUrl: appPasswordSecret.properties.secretUri")
                .contains("keyVaultUrl: dbPasswordSecret.properties.secretUri")
                .contains("secretRef: 'microsoft-app-password'")
                .contains("secretRef: 'db-password'")
                .doesNotContain("botAppPassword")
                .doesNotContain("postgresAdminPassword")
                .contains("secretsReader");
        assertThat(block("keyVault")).contains("enableRbacAuthorization: true");
        assertThat(block("secretsReader")).contains("keyVaultSecretsUserRoleId").contains("principalType: 'ServicePrincipal'");
        assertThat(bicep).contains("var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'");
    }

    @Test
    void app_runsTwoReplicasOnPostgresWithProbesOnHealthGroups() {
        String app = block("app");
        assertThat(bicep).contains("param minReplicas int = 2");
        assertThat(app).contains("minReplicas: minReplicas").contains("targetPort: 3978")
                .contains("value: 'postgres'").contains("?sslmode=require")
                .contains("type: 'Startup'").contains("type: 'Liveness'").contains("type: 'Readiness'")
                .contains("path: '/actuator/health/liveness'").contains("path: '/actuator/health/readiness'")
                .contains("allowInsecure: false")
                .contains("name: 'MicrosoftAppType'");
        assertThat(block("postgres")).contains("version: '16'").contains("backupRetentionDays:");
    }

    @Test
    void bicepparam_readsSecretsFromEnvironmentOnly() {
        String params = RepositoryFiles.text(deployment("azure/main.bicepparam"));
        assertThat(params).contains("using 'main.bicep'")
                .contains("param botAppPassword = readEnvironmentVariable('MicrosoftAppPassword')")
                .contains("param postgresAdminPassword = readEnvironmentVariable('VAGVISAREN_DB_PASSWORD')");
    }

    /** The text of one top-level resource declaration, from its line to the closing brace at column 0. */
    private String block(String symbolicName) {
        int start = bicep.indexOf("\nresource " + symbolicName + " ");
        assertThat(start).as("resource %s", symbolicName).isNotNegative();
        int end = bicep.indexOf("\n}\n", start);
        return bicep.substring(start, end + 2);
    }
}
