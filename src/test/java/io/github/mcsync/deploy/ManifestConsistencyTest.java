package io.github.mcsync.deploy;

import static io.github.mcsync.deploy.DeployFiles.container;
import static io.github.mcsync.deploy.DeployFiles.effective;
import static io.github.mcsync.deploy.DeployFiles.environment;
import static io.github.mcsync.deploy.DeployFiles.find;
import static io.github.mcsync.deploy.DeployFiles.podTemplate;
import static io.github.mcsync.deploy.DeployFiles.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.bench.Benchmark;
import io.github.mcsync.deploy.DeployFiles.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests agree with the application and with each other: probe paths and ports are those of the configured
 * management server, the Service reaches the ops port, the state is in PostgreSQL, every key set is a property of
 * application.properties, the Lease's RBAC and labels fit the cluster service, the image's routes are routes/.
 */
class ManifestConsistencyTest {
    private static final String APP = "moodle-coursesales-sync";
    /** Environment variables that are not properties of the application. */
    private static final Set<String> NOT_PROPERTIES = Set.of("JAVA_TOOL_OPTIONS");

    private static Manifest deployment() {
        return find("Deployment", APP);
    }

    private static Manifest cronJob() {
        return find("CronJob", APP);
    }

    /** Camel's management server as the application is configured: "path" and "port" (Camel's defaults otherwise). */
    static String managementPath(Map<String, String> env) throws IOException {
        String path = effective(env, "camel.management.path");
        return path == null ? "/observe" : path;
    }

    @Test
    void probesUseTheManagementServerOfTheConfiguration() throws IOException {
        Manifest d = deployment();
        Map<String, String> env = environment(d);
        JsonNode c = container(d);
        assertEquals("true", effective(env, "camel.management.enabled"), "the management server is on");
        assertEquals("true", effective(env, "camel.management.health-check-enabled"), "it serves health");
        int managementPort = Integer.parseInt(effective(env, "camel.management.port"));
        String base = managementPath(env) + "/health";
        Map<String, String> expected = Map.of("livenessProbe", base + "/live", "readinessProbe", base + "/ready",
                "startupProbe", base + "/live");
        expected.forEach((probe, path) -> {
            JsonNode get = c.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe);
            assertEquals(managementPort, port(c, get.path("port")), probe + " port");
        });
        assertEquals(String.valueOf(managementPort),
                podTemplate(d).at("/metadata/annotations").path("prometheus.io/port").asText());
        assertEquals(managementPath(env) + "/metrics",
                podTemplate(d).at("/metadata/annotations").path("prometheus.io/path").asText());
    }

    @Test
    void theServiceReachesTheOpsApiAndNotTheManagementPort() throws IOException {
        Manifest d = deployment();
        JsonNode c = container(d);
        int opsPort = Integer.parseInt(effective(environment(d), "ops.port"));
        JsonNode service = find("Service", APP).object();
        assertEquals(1, service.at("/spec/ports").size(), "one port: the ops API");
        assertEquals(opsPort, port(c, service.at("/spec/ports/0/targetPort")));
        JsonNode podLabels = podTemplate(d).at("/metadata/labels");
        service.at("/spec/selector").properties().forEach(e -> assertEquals(e.getValue().asText(),
                podLabels.path(e.getKey()).asText(), "the Service selects the pods: " + e.getKey()));
        d.object().at("/spec/selector/matchLabels").properties().forEach(e -> assertEquals(e.getValue().asText(),
                podLabels.path(e.getKey()).asText(), "the Deployment selects its pods: " + e.getKey()));
    }

    @Test
    void twoReplicasElectOnePollerThroughALease() throws IOException {
        Manifest d = deployment();
        Map<String, String> env = environment(d);
        assertEquals(2, d.object().at("/spec/replicas").asInt());
        assertEquals("kubernetes", effective(env, "cluster.type"));
        JsonNode podLabels = podTemplate(d).at("/metadata/labels");
        for (String label : effective(env, "cluster.kubernetes.labels").split(",")) {
            String[] kv = label.split("=", 2);
            assertEquals(kv[1], podLabels.path(kv[0].strip()).asText(), "the members are found by " + label);
        }
        String account = podTemplate(d).at("/spec/serviceAccountName").asText();
        assertEquals(APP, find("ServiceAccount", account).name());
        assertLeaseRbac(account);
    }

    /** The Role and RoleBinding give the account exactly what the Lease needs. */
    static void assertLeaseRbac(String account) {
        Manifest binding = DeployFiles.all().stream().filter(m -> m.kind().equals("RoleBinding")
                && m.object().path("subjects").findValuesAsText("name").contains(account)).findFirst().orElseThrow();
        assertEquals("ServiceAccount", binding.object().at("/subjects/0/kind").asText());
        assertEquals("Role", binding.object().at("/roleRef/kind").asText());
        Manifest role = find("Role", binding.object().at("/roleRef/name").asText());
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (JsonNode rule : role.object().path("rules")) {
            List<String> verbs = new ArrayList<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            rules.put(rule.at("/apiGroups/0").asText() + "/" + rule.at("/resources/0").asText(), verbs);
        }
        assertEquals(Map.of("coordination.k8s.io/leases", List.of("get", "list", "watch", "create", "update", "patch",
                "delete"), "/pods", List.of("get", "list", "watch")), rules);
    }

    @Test
    void theStateIsInPostgresqlEverywhere() throws IOException {
        for (Manifest w : List.of(deployment(), cronJob())) {
            String url = effective(environment(w), "state.jdbc-url");
            assertTrue(url.startsWith("jdbc:postgresql:"), w + ": " + url);
        }
        Properties camelK = DeployFiles.configuration();
        assertTrue(camelK.getProperty("state.jdbc-url").startsWith("jdbc:postgresql:"), "Camel K: " + camelK);
    }

    @Test
    void everyKeySetIsAPropertyOfTheApplication() throws IOException {
        Map<String, String> documented = DeployFiles.documentedKeysByEnvName();
        for (Manifest w : List.of(deployment(), cronJob())) {
            for (String name : environment(w).keySet()) {
                assertTrue(documented.containsKey(name) || name.startsWith("COURSESALES_FIELDS_")
                        || NOT_PROPERTIES.contains(name), w + " sets " + name + ", no property of application.properties");
            }
        }
        Set<String> keys = new TreeSet<>(documented.values());
        for (String key : DeployFiles.configuration().stringPropertyNames()) {
            assertTrue(keys.contains(key) || key.startsWith("coursesales.fields."),
                    "Camel K's configuration sets " + key + ", no property of application.properties");
        }
    }

    @Test
    void resourcesAndSecurityContextsOfBothWorkloads() throws IOException {
        String uid = DeployFiles.dockerfile("USER").get(0).split(":")[0];
        for (Manifest w : List.of(deployment(), cronJob())) {
            JsonNode c = container(w);
            assertEquals("512Mi", c.at("/resources/requests/memory").asText(), w.toString());
            assertEquals("768Mi", c.at("/resources/limits/memory").asText(), w.toString());
            JsonNode pod = podTemplate(w).path("spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), w.toString());
            assertEquals(uid, pod.at("/securityContext/runAsUser").asText(), "the image's user: " + w);
            assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean(), w.toString());
            assertEquals(deployment().object().at("/spec/template/spec/containers/0/image").asText(), c.path("image").asText(),
                    "one image");
        }
    }

    @Test
    void theCronJobRunsOncePerScheduleWithoutLeaderElection() throws IOException {
        Manifest cron = cronJob();
        assertEquals(List.of("--once"), DeployFiles.YAML.convertValue(container(cron).path("args"), List.class));
        assertEquals("Forbid", cron.object().at("/spec/concurrencyPolicy").asText(), "never two runs at once");
        assertEquals("none", effective(environment(cron), "cluster.type"));
        assertEquals("Never", podTemplate(cron).at("/spec/restartPolicy").asText());
        assertEquals(0, cron.object().at("/spec/jobTemplate/spec/backoffLimit").asInt(),
                "a failed run is not retried at once (a refused login must not be tried again)");
    }

    @Test
    void theImageRunsTheJvmTheBenchmarkMeasures() throws IOException {
        String options = DeployFiles.dockerfile("ENV").stream().filter(e -> e.startsWith("JAVA_TOOL_OPTIONS="))
                .findFirst().orElseThrow();
        for (String option : Benchmark.DEPLOYED_JVM) {
            assertTrue(options.contains(option), options + " lacks " + option + " (bench/: the bundle runs as deployed)");
        }
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertTrue(percentage.find(), options + " sizes the heap from the container's memory limit");
        assertEquals(Benchmark.DEPLOYED_HEAP_MB, Integer.parseInt(percentage.group(1)) * 768 / 100,
                "the heap the image gets from the 768Mi limit is the one the benchmark's memory runs measure");
    }

    @Test
    void theImageRunsTheRoutesOfRoutesFolder() throws IOException {
        assertEquals(List.of("/app"), DeployFiles.dockerfile("WORKDIR").subList(1, 2), "the runtime stage works in /app");
        assertTrue(DeployFiles.dockerfile("COPY").contains("routes/ routes/"), "routes/ is copied to /app/routes");
        assertTrue(DeployFiles.dockerfile("ENV").contains("ROUTES_LOCATION=file:/app/routes"),
                "the image reads /app/routes, not the jar's copies");
        assertTrue(DeployFiles.dockerfile("COPY").contains("--from=build /src/target/moodle-coursesales-sync.jar app.jar"));
        assertTrue(DeployFiles.dockerfile("ENTRYPOINT").get(0).contains("\"/app/app.jar\""));
        Path ignore = Path.of(".dockerignore");
        if (Files.exists(ignore)) {
            assertFalse(Files.readAllLines(ignore).stream().map(String::strip).anyMatch(l -> l.startsWith("routes")),
                    ".dockerignore keeps routes/ in the build");
        }
        // every file of routes/ is one the include pattern loads
        String pattern = DeployFiles.applicationProperties().getProperty("camel.main.routes-include-pattern");
        assertEquals("{{routes.location}}/*.camel.yaml,{{routes.location}}/*.camel.xml", pattern);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            files.forEach(f -> assertTrue(f.toString().endsWith(".camel.yaml") || f.toString().endsWith(".camel.xml"),
                    f + " would not be loaded"));
        }
        // and no manifest points the routes elsewhere
        for (Manifest w : List.of(deployment(), cronJob())) {
            String location = environment(w).get("ROUTES_LOCATION");
            assertTrue(location == null || location.equals("file:/app/routes"), w + ": " + location);
        }
        assertNotNull(DeployFiles.integration());
        assertFalse(DeployFiles.configuration().containsKey("routes.location"));
    }
}
