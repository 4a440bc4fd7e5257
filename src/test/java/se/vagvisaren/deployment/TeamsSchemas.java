package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Microsoft's Teams app manifest schemas, read from the cache that {@code deployment/teams/fetch-schema.sh}
 * fills (tests never download).
 *
 * <p>The folder holding {@code v1.xx/} sub-folders is taken from the system property
 * {@code vagvisaren.teams.schema-dir}, else the environment variable {@code VAGVISAREN_TEAMS_SCHEMA_DIR}, else
 * {@code <cache>/json-schemas/teams} where cache is {@code VAGVISAREN_TEAMS_SCHEMA_CACHE} or
 * {@code ~/.cache/vagvisaren/teams-app-manifest} (the script's default). Missing schemas fail the test
 * under CI ({@code CI=true}) and skip it elsewhere, with the command to run.
 */
final class TeamsSchemas {

    private final Path teamsDir;
    /**
     * Microsoft's schemas declare draft-04 but pin {@code manifestVersion} with {@code const} (draft-06);
     * Microsoft's own validator honours it, so add it to the draft-04 dialect rather than ignore it.
     */
    private static final Dialect DRAFT_4_WITH_CONST = Dialect.builder(Dialects.getDraft4())
            .keyword(KeywordType.CONST)
            .build();

    private final SchemaRegistry registry = SchemaRegistry.withDialect(DRAFT_4_WITH_CONST);

    private TeamsSchemas(Path teamsDir) {
        this.teamsDir = teamsDir;
    }

    /** The schemas, or a failed (CI) or skipped (elsewhere) test when the cache is empty. */
    static TeamsSchemas required() {
        Path dir = locate();
        if (!Files.isDirectory(dir)) {
            String message = "Teams manifest schemas not found in " + dir
                    + "; run deployment/teams/fetch-schema.sh (needs npm) or set VAGVISAREN_TEAMS_SCHEMA_DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return new TeamsSchemas(dir);
    }

    static Path locate() {
        String property = System.getProperty("vagvisaren.teams.schema-dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("VAGVISAREN_TEAMS_SCHEMA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String cache = System.getenv("VAGVISAREN_TEAMS_SCHEMA_CACHE");
        Path root = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "vagvisaren", "teams-app-manifest");
        return root.resolve("json-schemas").resolve("teams");
    }

    /** Validates an app manifest against the schema of the version it declares in {@code manifestVersion}. */
    List<Error> validateManifest(JsonNode manifest) throws IOException {
        return validateManifest(manifest, manifest.path("manifestVersion").asText());
    }

    /** Validates an app manifest against the schema of the given version, whatever it declares. */
    List<Error> validateManifest(JsonNode manifest, String schemaVersion) throws IOException {
        return schema(schemaVersion, "MicrosoftTeams.schema.json").validate(manifest);
    }

    /** Validates a localization file against the localization schema of the given manifest version. */
    List<Error> validateLocalization(String manifestVersion, JsonNode localization) throws IOException {
        return schema(manifestVersion, "MicrosoftTeams.Localization.schema.json").validate(localization);
    }

    private Schema schema(String manifestVersion, String file) throws IOException {
        Path path = teamsDir.resolve("v" + manifestVersion).resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("No schema " + file + " for manifestVersion '" + manifestVersion + "' in " + teamsDir);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return registry.getSchema(in);
        }
    }
}
