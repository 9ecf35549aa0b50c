package io.github.mcsync.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: log.format=json writes one JSON object per line (logback's JSON encoder), plain writes lines; a secret in
 * a failure's text (here the CourseSales password inside a wrong moodle.url) is masked either way. The product's own
 * logback.xml, in a process of its own (java ... SyncMain --once).
 */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"json", "plain"})
    void everyLineIsJsonOrPlainAndNoSecretIsInIt(String format) throws Exception {
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0)) {
            CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
            try {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", classPath(), "-Dlogback.configurationFile=logback.xml", "-Dlog.format=" + format));
                // a Moodle URL with the password in its path: Moodle answers 404 and the failure names the URL
                for (String p : List.of("moodle.url=" + moodle.baseUrl() + "/" + CourseSalesDemoData.PASSWORD,
                        "moodle.token=" + MoodleSimulator.DEMO_TOKEN, "coursesales.url=" + courseSales.url(),
                        "coursesales.username=" + CourseSalesDemoData.USERNAME,
                        "coursesales.password=" + CourseSalesDemoData.PASSWORD,
                        "state.jdbc-url=jdbc:h2:file:" + dir.resolve("state").toAbsolutePath())) {
                    cmd.add("-D" + p);
                }
                SyncHarness.DEMO_MAPPING.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
                cmd.add("io.github.mcsync.SyncMain");
                cmd.add("--once");
                Path out = dir.resolve("out.log");
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the run ends");
                assertEquals(1, p.exitValue(), "the poll failed");
                List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
                String all = String.join("\n", lines);
                assertFalse(all.contains(CourseSalesDemoData.PASSWORD), all);
                assertFalse(all.contains(MoodleSimulator.DEMO_TOKEN), all);
                assertTrue(all.replace("\\/", "/").contains("/****/webservice/rest/server.php"),
                        "the failure is logged, masked: " + all);
                if (format.equals("json")) {
                    for (String line : lines) {
                        JsonNode node = JSON.readTree(line);
                        assertTrue(node.isObject() && node.has("level") && node.has("formattedMessage"), line);
                    }
                    assertTrue(lines.stream().map(l -> readMessage(l)).anyMatch(m -> m.startsWith("poll 1: failed")), all);
                } else {
                    assertTrue(lines.stream().anyMatch(l -> l.contains(" - poll 1: failed")), all);
                    assertFalse(lines.get(0).startsWith("{"), lines.get(0));
                }
            } finally {
                courseSales.stop();
            }
        }
    }

    private static String readMessage(String line) {
        try {
            return JSON.readTree(line).path("formattedMessage").asText();
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }
}
