package io.github.mcsync.deploy;

import io.github.mcsync.FreePorts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.ConfigurationFiles;
import io.github.mcsync.SyncApplication;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.feed.PollRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel K's way of configuring: the ConfigMap and Secret of deploy/camel-k, mounted as Camel K's mount trait does
 * (/etc/camel/conf.d/_configmaps/NAME/KEY, _secrets/NAME/KEY, each key behind Kubernetes' ..data link), reach the
 * application: a poll through the real routes with only those files as configuration delivers to the simulators.
 */
class CamelKConfDirectoryTest {
    @TempDir
    Path confD;
    @TempDir
    Path stateDir;

    /** Writes a ConfigMap's or Secret's keys as Kubernetes mounts them: NAME/..TIMESTAMP/KEY, ..data, NAME/KEY links. */
    private static void mount(Path folder, Map<String, String> keys) throws IOException {
        Path version = Files.createDirectories(folder.resolve("..2026_12_02_01_00_00.123"));
        Files.createSymbolicLink(folder.resolve("..data"), version.getFileName());
        for (var e : keys.entrySet()) {
            Files.writeString(version.resolve(e.getKey()), e.getValue());
            Files.createSymbolicLink(folder.resolve(e.getKey()), Path.of("..data", e.getKey()));
        }
    }

    private static String text(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, null);
        return w.toString();
    }

    @Test
    void theIntegrationsConfigMapAndSecretFromConfDReachTheApplication() throws Exception {
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
             CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0)) {
            // the manifest's configuration, its endpoints pointed at the simulators and a local state database
            Properties config = DeployFiles.configuration();
            config.setProperty("moodle.url", moodle.baseUrl());
            config.setProperty("coursesales.url", courseSales.url());
            config.setProperty("state.jdbc-url", "jdbc:h2:file:" + stateDir.resolve("state").toAbsolutePath());
            config.remove("state.username");
            config.remove("state.schema");
            config.setProperty("moodle.start", "all");
            Properties secret = DeployFiles.secretProperties();
            secret.setProperty("moodle.token", MoodleSimulator.DEMO_TOKEN);
            secret.setProperty("coursesales.password", CourseSalesDemoData.PASSWORD);
            secret.setProperty("ops.password", "conf-d-ops-9f3");
            secret.remove("state.password");
            mount(Files.createDirectories(confD.resolve("_configmaps").resolve(DeployFiles.mountedName("configmap"))),
                    Map.of("application.properties", text(config)));
            mount(Files.createDirectories(confD.resolve("_secrets").resolve(DeployFiles.mountedName("secret"))),
                    Map.of("secret.properties", text(secret)));

            ConfigurationFiles files = new ConfigurationFiles(null, confD);
            assertEquals(2, files.files().size(), "each mounted key once: " + files.files());
            // only what a test must change on this machine: no Kubernetes API (the Lease has its own test), free ports
            SyncApplication app = new SyncApplication(null, Map.of("cluster.type", "none", "moodle.poll.enabled", "false",
                    "ops.port", Integer.toString(FreePorts.next()), "camel.management.port", Integer.toString(FreePorts.next())), files);
            app.start();
            try {
                assertEquals(moodle.baseUrl(), app.context().resolvePropertyPlaceholders("{{moodle.url}}"));
                assertEquals("12", app.context().resolvePropertyPlaceholders("{{coursesales.form-id}}"));
                PollRun run = app.pollOnce();
                assertTrue(run.ok(), "the poll worked with the mounted configuration: " + run);
                assertTrue(run.sentCount() > 0, "registrations were sent");
                assertEquals(run.sentCount(), courseSales.documents().size(), "and arrived in CourseSales");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void aLaterFileWinsAndTheJarsDefaultsStay(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("_configmaps/a"));
        Files.createDirectories(dir.resolve("_secrets/b"));
        Files.writeString(dir.resolve("_configmaps/a/application.properties"), "moodle.page-size = 7\nops.poll-history = 11\n");
        Files.writeString(dir.resolve("_secrets/b/secret.properties"), "ops.poll-history = 12\n");
        Files.writeString(dir.resolve("_configmaps/a/notes.txt"), "moodle.page-size = 99\n");
        ConfigurationFiles files = new ConfigurationFiles(null, dir);
        assertEquals(List.of(dir.resolve("_configmaps/a/application.properties").toAbsolutePath(),
                dir.resolve("_secrets/b/secret.properties").toAbsolutePath()), files.files(), "only *.properties, in path order");
        var pc = new org.apache.camel.impl.DefaultCamelContext(); // Camel's properties component with our locations
        pc.getPropertiesComponent().setLocation(files.propertyLocations());
        assertEquals("7", pc.resolvePropertyPlaceholders("{{moodle.page-size}}"));
        assertEquals("12", pc.resolvePropertyPlaceholders("{{ops.poll-history}}"), "the secret's file comes later and wins");
        assertEquals("ws", pc.resolvePropertyPlaceholders("{{moodle.source}}"), "application.properties still applies");
    }

    @Test
    void aNamedFolderThatIsMissingIsAConfigurationMistake() {
        ConfigurationFiles files = new ConfigurationFiles(null, confD.resolve("absent"));
        IllegalStateException e = assertThrows(IllegalStateException.class, files::files);
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
