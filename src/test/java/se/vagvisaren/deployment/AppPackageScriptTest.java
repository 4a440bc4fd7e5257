package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deployment/teams/build-app-package.sh: the zip an IT administrator uploads to Teams. */
class AppPackageScriptTest {

    static final String APP_ID = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

    @TempDir
    Path temp;

    @Test
    void build_validSettings_zipHoldsFilledManifestValidAgainstSchema() throws Exception {
        Result result = build(Map.of("MicrosoftAppId", APP_ID, "VAGVISAREN_PUBLIC_URL", "https://vagvisaren.umea.se/"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, byte[]> entries = unzip(result.zip());
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "en.json", "color.png", "outline.png");
        JsonNode manifest = RepositoryFiles.JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("composeExtensions").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://vagvisaren.umea.se");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://vagvisaren.umea.se/privacy");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://vagvisaren.umea.se/terms");
        assertThat(manifest.path("staticTabs").get(0).path("contentUrl").asText()).isEqualTo("https://vagvisaren.umea.se/overview/config");
        assertThat(manifest.path("configurableTabs").get(0).path("configurationUrl").asText())
                .isEqualTo("https://vagvisaren.umea.se/overview/config");
        assertThat(manifest.path("validDomains").get(0).asText()).isEqualTo("vagvisaren.umea.se");
        assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).doesNotContain("example.org");
        assertThat(TeamsSchemas.required().validateManifest(manifest)).isEmpty();
        assertThat(entries.get("color.png")).isEqualTo(Files.readAllBytes(RepositoryFiles.deployment("teams/color.png")));
    }

    @Test
    void build_optionalSettings_overrideUrlsAppIdAndVersion() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("MicrosoftAppId", APP_ID);
        env.put("VAGVISAREN_PUBLIC_URL", "https://bot.kommun.se:8443/vagvisaren");
        env.put("VAGVISAREN_PRIVACY_URL", "https://www.kommun.se/dataskydd/personuppgifter%20i%20teams");
        env.put("VAGVISAREN_TERMS_URL", "https://www.kommun.se/villkor");
        env.put("VAGVISAREN_TEAMS_APP_ID", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a");
        env.put("VAGVISAREN_APP_VERSION", "2.3.4");

        Result result = build(env);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode manifest = RepositoryFiles.JSON.readTree(unzip(result.zip()).get("manifest.json"));
        assertThat(manifest.path("id").asText()).isEqualTo("0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a");
        assertThat(manifest.path("version").asText()).isEqualTo("2.3.4");
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://bot.kommun.se:8443/vagvisaren");
        assertThat(manifest.path("developer").path("privacyUrl").asText())
                .isEqualTo("https://www.kommun.se/dataskydd/personuppgifter%20i%20teams");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://www.kommun.se/villkor");
        assertThat(manifest.path("configurableTabs").get(0).path("configurationUrl").asText())
                .isEqualTo("https://bot.kommun.se:8443/vagvisaren/overview/config");
        assertThat(manifest.path("validDomains").get(0).asText()).isEqualTo("bot.kommun.se");
        assertThat(TeamsSchemas.required().validateManifest(manifest)).isEmpty();
    }

    @Test
    void build_missingAppId_failsWithOneLineNamingIt() throws Exception {
        Result result = build(Map.of("VAGVISAREN_PUBLIC_URL", "https://bot.kommun.se"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip().lines()).hasSize(1);
        assertThat(result.stderr()).contains("MicrosoftAppId");
        assertThat(result.zip()).doesNotExist();
    }

    @Test
    void build_missingPublicUrl_failsNamingIt() throws Exception {
        Result result = build(Map.of("MicrosoftAppId", APP_ID));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("VAGVISAREN_PUBLIC_URL");
    }

    @Test
    void build_appIdNotAGuidOrPlaceholder_fails() throws Exception {
        for (String bad : List.of("", "bot", "3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b", "00000000-0000-0000-0000-000000000000",
                APP_ID + "\"", APP_ID + "|x")) {
            Result result = build(Map.of("MicrosoftAppId", bad, "VAGVISAREN_PUBLIC_URL", "https://bot.kommun.se"));
            assertThat(result.exitCode()).as("app id '%s'", bad).isEqualTo(2);
            assertThat(result.stderr()).contains("MicrosoftAppId");
        }
    }

    @Test
    void build_urlNotPlainHttpsOrInjection_fails() throws Exception {
        List<String> bad = List.of(
                "http://bot.kommun.se",
                "bot.kommun.se",
                "https://bot.kommun.se/?a=1&b=2",
                "https://bot.kommun.se/\",\"botId\":\"x",
                "https://bot.kommun.se/|e",
                "https://bot.kommun.se/$(touch pwned)",
                "javascript:alert(1)",
                "https://" + "a".repeat(3000) + ".se");
        for (String url : bad) {
            Result result = build(Map.of("MicrosoftAppId", APP_ID, "VAGVISAREN_PUBLIC_URL", url));
            assertThat(result.exitCode()).as("url '%s'", url).isEqualTo(2);
            assertThat(result.zip()).doesNotExist();
        }
        Result privacy = build(Map.of("MicrosoftAppId", APP_ID, "VAGVISAREN_PUBLIC_URL", "https://bot.kommun.se",
                "VAGVISAREN_PRIVACY_URL", "http://kommun.se/privacy"));
        assertThat(privacy.exitCode()).isEqualTo(2);
        assertThat(privacy.stderr()).contains("VAGVISAREN_PRIVACY_URL");
        assertThat(temp.resolve("pwned")).doesNotExist();
    }

    @Test
    void build_versionNotSemver_fails() throws Exception {
        Result result = build(Map.of("MicrosoftAppId", APP_ID, "VAGVISAREN_PUBLIC_URL", "https://bot.kommun.se",
                "VAGVISAREN_APP_VERSION", "1.0"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("VAGVISAREN_APP_VERSION");
    }

    private Result build(Map<String, String> settings) throws IOException, InterruptedException {
        Path zip = temp.resolve("out").resolve("app.zip");
        Files.deleteIfExists(zip);
        // Run by absolute path from a temp folder: the script must find its own files relative to itself.
        Path script = RepositoryFiles.deployment("teams/build-app-package.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), zip.toString());
        Map<String, String> env = builder.environment();
        List<String> inherited = new ArrayList<>(env.keySet());
        for (String name : inherited) {
            if (name.equals("MicrosoftAppId") || name.startsWith("VAGVISAREN_")) {
                env.remove(name);
            }
        }
        env.putAll(settings);
        builder.directory(temp.toFile());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr;
        try (InputStream err = process.getErrorStream()) {
            stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("build-app-package.sh did not finish");
        }
        return new Result(process.exitValue(), stderr, zip);
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    record Result(int exitCode, String stderr, Path zip) {
    }
}
