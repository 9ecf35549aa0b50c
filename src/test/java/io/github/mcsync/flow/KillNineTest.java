package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, unknown outcomes: the bundle runs as its own process (java ... SyncMain --once) and is killed with
 * SIGKILL right after CourseSales stored a document but before the answer arrived. The next run asks
 * FindDocuments for the key left in flight and sends nothing twice.
 */
class KillNineTest {
    @TempDir
    Path stateDir;

    @Test
    void aProcessKilledAfterSendingLeavesNoDuplicate() throws Exception {
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0)) {
            CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
            try {
                courseSales.setResponseDelay(Duration.ofSeconds(30)); // stored, then no answer for 30 s
                Process first = start(moodle, courseSales, "coursesales.receive-timeout=60s");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (courseSales.documents().isEmpty() && System.nanoTime() < deadline && first.isAlive()) {
                    Thread.sleep(20);
                }
                // on four send lanes (the default) up to three registrations are stored, their answers pending
                assertFalse(courseSales.documents().isEmpty(), "the first registrations are stored, their answers pending");
                first.destroyForcibly(); // SIGKILL
                first.waitFor(10, TimeUnit.SECONDS);

                courseSales.setResponseDelay(Duration.ZERO);
                Thread.sleep(1500); // the second run's receive time-out (1 s) + grace (0 s) has passed: the mark resolves
                Process second = start(moodle, courseSales, "coursesales.receive-timeout=1s",
                        "coursesales.unknown-outcome-grace=0s");
                assertTrue(second.waitFor(90, TimeUnit.SECONDS), "the second run ends");
                assertEquals(0, second.exitValue(), "the second run delivers everything");

                Map<String, Long> perKey = courseSales.documents().stream()
                        .collect(Collectors.groupingBy(StoredDocument::sourceReference, Collectors.counting()));
                assertEquals(3, perKey.size(), perKey.toString());
                perKey.forEach((key, n) -> assertEquals(1L, n, key + " was registered " + n + " times"));
                assertTrue(courseSales.callCount("FindDocuments") >= 1, "the key left in flight was looked up");
            } finally {
                courseSales.stop();
            }
        }
    }

    /** The test class path without empty entries (an empty one is the working directory, whose routes/ would load twice). */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private Process start(MoodleSimulator moodle, CourseSalesSimulator courseSales, String... more) throws Exception {
        Function<String, String> d = s -> "-D" + s;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath()));
        for (String p : List.of("moodle.url=" + moodle.baseUrl(), "moodle.token=" + MoodleSimulator.DEMO_TOKEN,
                "moodle.courses=2", "moodle.start=all", "coursesales.url=" + courseSales.url(),
                "coursesales.username=" + CourseSalesDemoData.USERNAME, "coursesales.password=" + CourseSalesDemoData.PASSWORD,
                "camel.server.enabled=false",
                "state.jdbc-url=jdbc:h2:file:" + stateDir.resolve("state").toAbsolutePath())) {
            cmd.add(d.apply(p));
        }
        for (String p : more) {
            cmd.add(d.apply(p));
        }
        SyncHarness.DEMO_MAPPING.forEach((k, v) -> cmd.add(d.apply(k + "=" + v)));
        cmd.add("io.github.mcsync.SyncMain");
        cmd.add("--once");
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "killnine-" + System.nanoTime() + ".log").toFile()).start(); // kept for diagnosis
    }
}
