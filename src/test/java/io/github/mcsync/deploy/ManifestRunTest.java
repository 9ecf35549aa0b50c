package io.github.mcsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mcsync.deadletter.StoreDatabases;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.deploy.DeployFiles.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every required property is supplied: the application runs as its own process with exactly the environment the
 * CronJob's container gets (ConfigMap, Secret, env; the Deployment's differs only in the Lease's settings), read by
 * Camel from environment variables, with the CronJob's arguments, and a poll delivers to the simulators. Only what cannot be in a manifest is changed: the endpoints point at the
 * simulators and an embedded PostgreSQL, the Secret's empty values are filled in, the schema is a fresh one,
 * cluster.type is none (no Kubernetes API here; the Lease has its own test), moodle.start is all (so a poll sends).
 */
class ManifestRunTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private Run run(Manifest workload, List<String> args) throws Exception {
        String url = StoreDatabases.postgresSchemaUrl();
        assumeTrue(url != null, () -> "skipped: " + StoreDatabases.whyNoPostgres());
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
             CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0)) {
            Map<String, String> env = DeployFiles.environment(workload);
            for (String secret : List.of("MOODLE_TOKEN", "COURSESALES_PASSWORD", "OPS_PASSWORD", "STATE_PASSWORD")) {
                assertTrue(env.containsKey(secret), workload + " gets " + secret + " from the Secret");
            }
            env.put("MOODLE_URL", moodle.baseUrl());
            env.put("COURSESALES_URL", courseSales.url());
            env.put("STATE_JDBC_URL", url);
            env.put("STATE_USERNAME", "postgres");
            env.remove("STATE_PASSWORD"); // the embedded PostgreSQL has none
            env.put("STATE_SCHEMA", "mcsync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            env.put("MOODLE_TOKEN", MoodleSimulator.DEMO_TOKEN);
            env.put("COURSESALES_PASSWORD", CourseSalesDemoData.PASSWORD);
            env.put("OPS_PASSWORD", "manifest-run-ops-7c1");
            env.put("CLUSTER_TYPE", "none");
            env.put("MOODLE_START", "all");
            env.entrySet().removeIf(e -> e.getValue().startsWith("fieldRef:"));
            assertTrue(env.values().stream().noneMatch(String::isEmpty), "no empty value left: " + env);

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath(), "io.github.mcsync.SyncMain"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            // the child sees the manifest's environment only (plus PATH and HOME), none of this machine's settings
            pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ends");
            String out = Files.readString(dir.resolve("out.txt"));
            assertEquals(0, p.exitValue(), workload + ": " + out);
            assertTrue(courseSales.documents().size() > 0, "registrations arrived: " + out);
            return new Run(p.exitValue(), out);
        }
    }

    /** The test class path without empty entries (an empty one is the working directory). */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void theCronJobRunsWithItsOwnArgumentsAndTheDeploymentHasTheSameConfiguration() throws Exception {
        Manifest cron = DeployFiles.find("CronJob", "moodle-coursesales-sync");
        List<String> args = new ArrayList<>();
        DeployFiles.container(cron).path("args").forEach(a -> args.add(a.asText()));
        run(cron, args);
        // the Deployment's container gets the same configuration but for the Lease (cluster.type and the pod's
        // namespace and name from the downward API), so the run above shows its configuration complete too
        Map<String, String> deployment = new java.util.TreeMap<>(DeployFiles.environment(DeployFiles.find("Deployment",
                "moodle-coursesales-sync")));
        Map<String, String> cronJob = new java.util.TreeMap<>(DeployFiles.environment(cron));
        assertEquals("fieldRef:metadata.namespace", deployment.remove("CLUSTER_KUBERNETES_NAMESPACE"));
        assertEquals("fieldRef:metadata.name", deployment.remove("CLUSTER_KUBERNETES_POD_NAME"));
        assertEquals("kubernetes", deployment.remove("CLUSTER_TYPE"));
        assertEquals("none", cronJob.remove("CLUSTER_TYPE"));
        assertEquals(cronJob, deployment);
    }
}
