package io.github.mcsync.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What ships (run by failsafe after packaging): the product jar and its lib/ carry no simulator and no SOAP server
 * transport, the route files are packaged, and {@code java -jar} starts.
 */
class ProductJarIT {
    private static final Path JAR = Path.of("target", "moodle-coursesales-sync.jar");
    private static final Path LIB = Path.of("target", "lib");

    @Test
    void theJarHoldsNoSimulatorAndNoDemoProfile() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();
            assertTrue(entries.stream().noneMatch(n -> n.startsWith("io/github/mcsync/demo/")),
                    "no simulator class in the product jar");
            assertTrue(entries.stream().noneMatch(n -> n.contains("application-demo")), "no demo profile in the jar");
            assertTrue(entries.contains("routes/moodle-ws-source.camel.yaml"), "the route files are packaged");
            assertTrue(entries.contains("io/github/mcsync/SyncMain.class"));
        }
    }

    @Test
    void libHoldsNoServerTransport() throws IOException {
        try (Stream<Path> jars = Files.list(LIB)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains("undertow")), "no undertow in lib/: " + names);
            assertTrue(names.stream().anyMatch(n -> n.startsWith("camel-cxf-soap")), "the SOAP client is there");
        }
    }

    @Test
    void javaDashJarStarts() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("usage: java"), out);
    }
}
