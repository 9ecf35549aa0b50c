package io.github.mcsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcsync.deploy.DeployFiles.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes object under deploy/ (all but Camel K's Integration, see {@link CamelKIntegrationTest}) validates
 * against the Kubernetes API schemas, offline: the npm package kubernetes-models (src/test/node, installed by
 * {@code npm ci --prefix src/test/node}, which .ci/run does) run by node. Skips with a message where node or the
 * package is missing, except in CI (CI=true), where that fails.
 */
class KubernetesManifestsTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node");

    @BeforeAll
    static void nodeAndPackageAreThere() {
        String missing = null;
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("kubernetes-models"))) {
            missing = "kubernetes-models is not installed: npm ci --prefix src/test/node";
        } else if (!nodeRuns()) {
            missing = "node is not installed";
        }
        if (missing != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing + " (required in CI: .ci/run installs it)");
        }
        String why = missing;
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** name -> the validator's errors for each object. */
    static Map<String, List<String>> validate(Map<String, ObjectNode> objects) throws Exception {
        ArrayNode input = DeployFiles.JSON.createArrayNode();
        objects.forEach((name, object) -> input.addObject().put("name", name).set("object", object));
        Process p = new ProcessBuilder("node", "validate-kubernetes.mjs").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(DeployFiles.JSON.writeValueAsBytes(input));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the validator ends");
        assertEquals(0, p.exitValue(), out);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode r : DeployFiles.JSON.readTree(out)) {
            List<String> e = new ArrayList<>();
            r.path("errors").forEach(x -> e.add(x.asText()));
            errors.put(r.path("name").asText(), e);
        }
        assertEquals(objects.keySet(), errors.keySet(), "one answer per object");
        return errors;
    }

    @Test
    void everyKubernetesObjectUnderDeployValidates() throws Exception {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (Manifest m : DeployFiles.all()) {
            if (!m.kind().equals("Integration")) {
                objects.put(m.toString(), m.object());
            }
        }
        List<String> kinds = objects.values().stream().map(o -> o.path("kind").asText()).distinct().sorted().toList();
        assertEquals(List.of("ConfigMap", "CronJob", "Deployment", "Role", "RoleBinding", "Secret", "Service",
                "ServiceAccount"), kinds, "the objects the issue asks for are all there");
        Map<String, List<String>> errors = validate(objects);
        errors.forEach((name, e) -> assertTrue(e.isEmpty(), name + ": " + e));
    }

    /** The validator can fail: the Deployment with its selector removed and a port given as a string is rejected. */
    @Test
    void aBrokenDeploymentIsRejected() throws Exception {
        ObjectNode broken = DeployFiles.find("Deployment", "moodle-coursesales-sync").object().deepCopy();
        ((ObjectNode) broken.path("spec")).remove("selector");
        ((ObjectNode) broken.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "8080");
        ObjectNode badKind = DeployFiles.find("Service", "moodle-coursesales-sync").object().deepCopy();
        badKind.put("apiVersion", "apps/v1");
        List<String> errors = validate(Map.of("broken", broken)).get("broken");
        assertTrue(errors.stream().anyMatch(e -> e.contains("selector")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("containerPort") && e.contains("integer")), errors.toString());
        assertFalse(validate(Map.of("service in apps/v1", badKind)).get("service in apps/v1").isEmpty(),
                "a Service is no apps/v1 kind");
    }
}
