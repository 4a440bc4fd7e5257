package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.vagvisaren.deployment.RepositoryFiles.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deployment/kubernetes: the objects a cluster gets, read with Jackson YAML and cross-checked. */
class KubernetesManifestsTest {

    /** The numeric user the image runs as; the Dockerfile test checks the same value. */
    static final String RUN_AS_USER = "10001";

    final JsonNode kustomization = RepositoryFiles.yamlDocuments(deployment("kubernetes/kustomization.yaml")).get(0);
    final Map<String, JsonNode> byKind = objectsByKind();
    final JsonNode pod = byKind.get("Deployment").path("spec").path("template");
    final JsonNode container = pod.path("spec").path("containers").get(0);

    @Test
    void kustomization_listsEveryManifestExceptTheSecretExample() throws IOException {
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(deployment("kubernetes"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .forEach(present::add);
        }
        assertThat(listed).doesNotContain("secret.example.yaml");
        present.remove("secret.example.yaml");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        assertThat(byKind.keySet()).contains("Deployment", "Service", "Ingress", "ConfigMap", "PodDisruptionBudget");
    }

    @Test
    void deployment_runsTwoReplicasWithoutDroppingBelowTwoOnRollout() {
        JsonNode spec = byKind.get("Deployment").path("spec");
        assertThat(spec.path("replicas").asInt()).isEqualTo(2);
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).isZero();
        assertThat(spec.path("selector").path("matchLabels")).isEqualTo(pod.path("metadata").path("labels"));
    }

    @Test
    void container_probes_useSpringHealthGroups() {
        assertThat(probe("readinessProbe").path("path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(probe("livenessProbe").path("path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(probe("startupProbe").path("path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(3978);
        // A slow start must be covered by the startup probe, not by killing the pod through liveness.
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void container_resources_haveRequestsAndLimits() {
        JsonNode resources = container.path("resources");
        for (String kind : List.of("requests", "limits")) {
            assertThat(resources.path(kind).path("cpu").asText()).as(kind).isNotBlank();
            assertThat(resources.path(kind).path("memory").asText()).as(kind).isNotBlank();
        }
        assertThat(mebibytes(resources.path("requests").path("memory").asText()))
                .isLessThanOrEqualTo(mebibytes(resources.path("limits").path("memory").asText()));
    }

    @Test
    void pod_security_isNonRootReadOnlyWithWritableTmpOnly() {
        JsonNode podSecurity = pod.path("spec").path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.path("runAsUser").asText()).isEqualTo(RUN_AS_USER);
        JsonNode security = container.path("securityContext");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("capabilities").path("drop").toString()).contains("ALL");
        assertThat(pod.path("spec").path("automountServiceAccountToken").asBoolean(true)).isFalse();

        JsonNode mounts = container.path("volumeMounts");
        assertThat(mounts).hasSize(1);
        assertThat(mounts.get(0).path("mountPath").asText()).isEqualTo("/tmp");
        String volume = mounts.get(0).path("name").asText();
        assertThat(pod.path("spec").path("volumes")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo(volume);
            assertThat(v.has("emptyDir")).isTrue();
        });
    }

    @Test
    void container_configuration_comesFromConfigMapAndSecretThatMatch() {
        String configMap = container.path("envFrom").get(0).path("configMapRef").path("name").asText();
        assertThat(byKind.get("ConfigMap").path("metadata").path("name").asText()).isEqualTo(configMap);
        assertThat(byKind.get("ConfigMap").path("data").path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");

        JsonNode exampleSecret = RepositoryFiles.yamlDocuments(deployment("kubernetes/secret.example.yaml")).get(0);
        Map<String, String> secretRefs = new HashMap<>();
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            assertThat(env.has("value")).as("%s given in clear", env.path("name").asText()).isFalse();
            secretRefs.put(env.path("name").asText(), ref.path("key").asText());
            assertThat(ref.path("name").asText()).isEqualTo(exampleSecret.path("metadata").path("name").asText());
        }
        assertThat(secretRefs.keySet())
                .contains("MicrosoftAppPassword", "VAGVISAREN_DB_URL", "VAGVISAREN_DB_USER", "VAGVISAREN_DB_PASSWORD",
                        "VAGVISAREN_HASH_SECRET", "VAGVISAREN_LINK_SECRET");
        secretRefs.values().forEach(key -> assertThat(exampleSecret.path("stringData").has(key)).as(key).isTrue());
        // PostgreSQL is external: nothing in the bundle runs a database.
        assertThat(byKind.keySet()).doesNotContain("StatefulSet");
        assertThat(exampleSecret.path("stringData").path("VAGVISAREN_DB_URL").asText()).startsWith("jdbc:postgresql://");
    }

    @Test
    void service_selectsPodsAndTargetsNamedPort() {
        JsonNode service = byKind.get("Service").path("spec");
        assertThat(service.path("selector")).isEqualTo(pod.path("metadata").path("labels"));
        assertThat(service.path("ports").get(0).path("targetPort").asText()).isEqualTo(container.path("ports").get(0).path("name").asText());
    }

    @Test
    void ingress_servesOnlyApiMessagesOverTls() {
        JsonNode spec = byKind.get("Ingress").path("spec");
        JsonNode tls = spec.path("tls").get(0);
        assertThat(tls.path("secretName").asText()).isNotBlank();
        String host = spec.path("rules").get(0).path("host").asText();
        assertThat(tls.path("hosts").toString()).contains(host);
        List<String> paths = new ArrayList<>();
        for (JsonNode rule : spec.path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                paths.add(path.path("path").asText());
                JsonNode backend = path.path("backend").path("service");
                assertThat(backend.path("name").asText()).isEqualTo(byKind.get("Service").path("metadata").path("name").asText());
                assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
            }
        }
        assertThat(paths).containsExactly("/api/messages");
    }

    @Test
    void podDisruptionBudget_keepsOneOfTheReplicas() {
        JsonNode spec = byKind.get("PodDisruptionBudget").path("spec");
        assertThat(spec.path("minAvailable").asInt()).isEqualTo(1);
        assertThat(spec.path("selector").path("matchLabels")).isEqualTo(pod.path("metadata").path("labels"));
    }

    @Test
    void kustomize_rendersWithImageOverride_whenKubectlIsInstalled() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl not installed; structural checks above still ran");
        Process process = new ProcessBuilder("kubectl", "kustomize", deployment("kubernetes").toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<JsonNode> rendered = new ArrayList<>();
        RepositoryFiles.YAML.readValues(RepositoryFiles.YAML.getFactory().createParser(output), JsonNode.class)
                .forEachRemaining(rendered::add);
        assertThat(rendered).hasSize(kustomization.path("resources").size());
        assertThat(rendered).allSatisfy(object -> {
            if (!object.path("kind").asText().equals("Namespace")) {
                assertThat(object.path("metadata").path("namespace").asText()).isEqualTo("vagvisaren");
            }
        });
        assertThat(output).contains("image: registry.example.org/vagvisaren:0.1.0");
    }

    private JsonNode probe(String name) {
        return container.path(name).path("httpGet");
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new IllegalArgumentException("Unexpected memory quantity " + quantity);
    }

    private Map<String, JsonNode> objectsByKind() {
        Map<String, JsonNode> objects = new HashMap<>();
        for (JsonNode resource : kustomization.path("resources")) {
            for (JsonNode object : RepositoryFiles.yamlDocuments(deployment("kubernetes/" + resource.asText()))) {
                JsonNode previous = objects.put(object.path("kind").asText(), object);
                assertThat(previous).as("one %s", object.path("kind").asText()).isNull();
            }
        }
        return objects;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
