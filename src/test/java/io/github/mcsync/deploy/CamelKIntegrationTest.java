package io.github.mcsync.deploy;

import static io.github.mcsync.deploy.DeployFiles.configuration;
import static io.github.mcsync.deploy.DeployFiles.find;
import static io.github.mcsync.deploy.DeployFiles.integration;
import static io.github.mcsync.deploy.DeployFiles.secretProperties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.deploy.DeployFiles.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * deploy/camel-k/integration.yaml against Camel K 2.10.1's Integration CRD schema (a copy of
 * ../shared/reference/camel-k-integration-crd-v2.10.1.yaml in test resources, Apache License 2.0), every key it sets
 * known to that schema (CRDs prune unknown keys silently, so a typo would be lost), and its consistency with the image
 * and the configuration: our image self-managed, the image's jar, probes on the management server, the mounted
 * ConfigMap and Secret, the Lease's service account and labels.
 */
class CamelKIntegrationTest {
    static final String CRD = "deploy/camel-k-integration-crd-v2.10.1.yaml";

    static JsonNode crdSchema() throws IOException {
        try (InputStream in = CamelKIntegrationTest.class.getClassLoader().getResourceAsStream(CRD)) {
            JsonNode crd = DeployFiles.YAML.readTree(in);
            return crd.at("/spec/versions/0/schema/openAPIV3Schema");
        }
    }

    @Test
    void theIntegrationValidatesAgainstTheCrdSchema() throws IOException {
        JsonNode schema = crdSchema();
        List<String> errors = SchemaCheck.openApiErrors(schema, integration().object());
        assertTrue(errors.isEmpty(), errors.toString());
        // the check can fail: a wrong type and a string replica count are rejected
        ObjectNode broken = integration().object().deepCopy();
        ((ObjectNode) broken.path("spec")).put("replicas", "two");
        ((ObjectNode) broken.at("/spec/traits/health")).put("livenessPort", "management");
        List<String> brokenErrors = SchemaCheck.openApiErrors(schema, broken);
        assertTrue(brokenErrors.stream().anyMatch(e -> e.contains("replicas")), brokenErrors.toString());
        assertTrue(brokenErrors.stream().anyMatch(e -> e.contains("livenessPort")), brokenErrors.toString());
    }

    @Test
    void everyKeyOfTheIntegrationIsKnownToTheSchema() throws IOException {
        List<String> unknown = new ArrayList<>();
        unknownKeys(crdSchema(), integration().object(), "", unknown);
        assertEquals(List.of(), unknown);
        ObjectNode typo = integration().object().deepCopy();
        ((ObjectNode) typo.at("/spec/traits/health")).put("livenesProbe", "/x");
        List<String> found = new ArrayList<>();
        unknownKeys(crdSchema(), typo, "", found);
        assertEquals(List.of("/spec/traits/health/livenesProbe"), found, "a misspelt key is found");
    }

    /** Keys of the instance that the schema's properties do not name (where the schema does not allow any key). */
    private static void unknownKeys(JsonNode schema, JsonNode instance, String path, List<String> unknown) {
        if (instance.isObject()) {
            JsonNode props = schema.path("properties");
            boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    || schema.has("additionalProperties") || !schema.has("properties"); // e.g. metadata: ObjectMeta
            instance.properties().forEach(e -> {
                if (props.has(e.getKey())) {
                    unknownKeys(props.path(e.getKey()), e.getValue(), path + "/" + e.getKey(), unknown);
                } else if (schema.has("additionalProperties") && schema.path("additionalProperties").isObject()) {
                    unknownKeys(schema.path("additionalProperties"), e.getValue(), path + "/" + e.getKey(), unknown);
                } else if (!open) {
                    unknown.add(path + "/" + e.getKey());
                }
            });
        } else if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                unknownKeys(schema.path("items"), instance.get(i), path + "/" + i, unknown);
            }
        }
    }

    @Test
    void itRunsOurImageSelfManagedWithTheImagesJar() throws IOException {
        JsonNode traits = integration().object().at("/spec/traits");
        assertEquals(DeployFiles.find("Deployment", "moodle-coursesales-sync").object()
                .at("/spec/template/spec/containers/0/image").asText(), traits.at("/container/image").asText(), "one image");
        assertFalse(integration().object().path("spec").has("sources"), "no sources: the routes are the image's");
        assertFalse(integration().object().path("spec").has("dependencies"), "no Maven artifact to build");
        String entrypoint = DeployFiles.dockerfile("ENTRYPOINT").get(0);
        assertTrue(entrypoint.contains("\"" + traits.at("/jvm/jar").asText() + "\""),
                "jvm.jar is the image's jar: " + entrypoint);
        String uid = DeployFiles.dockerfile("USER").get(0).split(":")[0];
        assertEquals(uid, traits.at("/container/runAsUser").asText());
        assertTrue(traits.at("/container/runAsNonRoot").asBoolean());
        assertEquals("512Mi", traits.at("/container/requestMemory").asText());
        assertEquals("768Mi", traits.at("/container/limitMemory").asText());
    }

    @Test
    void probesAndPortsMatchTheConfiguration() throws IOException {
        JsonNode traits = integration().object().at("/spec/traits");
        Properties app = DeployFiles.applicationProperties();
        Properties config = configuration();
        String port = config.getProperty("camel.management.port", app.getProperty("camel.management.port"));
        String path = config.getProperty("camel.management.path", app.getProperty("camel.management.path", "/observe"));
        assertEquals("true", config.getProperty("camel.management.enabled", app.getProperty("camel.management.enabled")));
        JsonNode health = traits.path("health");
        assertTrue(health.path("enabled").asBoolean(), "the health trait is off for self-managed images unless enabled");
        for (String probe : List.of("liveness", "readiness", "startup")) {
            assertTrue(health.path(probe + "ProbeEnabled").asBoolean(), probe);
            assertEquals(port, health.path(probe + "Port").asText(), probe + " port");
            assertEquals(path + "/health/" + (probe.equals("readiness") ? "ready" : "live"),
                    health.path(probe + "Probe").asText(), probe + " path");
        }
        assertEquals(config.getProperty("ops.port", app.getProperty("ops.port")), traits.at("/container/port").asText(),
                "the container's http port (the Service) is the ops API");
        assertEquals(List.of("management;" + port), DeployFiles.YAML.convertValue(traits.at("/container/ports"), List.class));
    }

    @Test
    void configurationSecretsAndTheLease() {
        Manifest it = integration();
        Properties config = configuration();
        assertEquals(2, it.object().at("/spec/replicas").asInt());
        assertEquals("kubernetes", config.getProperty("cluster.type"));
        assertEquals("camel.apache.org/integration=" + it.name(), config.getProperty("cluster.kubernetes.labels"),
                "Camel K labels the Integration's pods with its name: the members are found by it");
        String account = it.object().at("/spec/serviceAccountName").asText();
        assertEquals(account, find("ServiceAccount", account).name());
        ManifestConsistencyTest.assertLeaseRbac(account);
        Properties secret = secretProperties();
        for (String key : List.of("moodle.token", "coursesales.password", "ops.password", "state.password")) {
            assertTrue(secret.containsKey(key), "the Secret carries " + key);
            assertFalse(config.containsKey(key), "no secret in the ConfigMap: " + key);
        }
    }
}
