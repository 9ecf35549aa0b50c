package io.github.mcsync.bench;

import io.github.mcsync.FreePorts;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.observe.Observe;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The product's memory during a large sync, for sizing a container: the bundle runs as its own JVM (as in production,
 * default heap unless -Dfootprint.xmx is given), the simulators in this one; heap used (jvm_memory_used_bytes, area
 * heap, from /observe/metrics) and RSS (/proc/PID/status) are sampled until every enrolment is at CourseSales.
 * {@code java -cp <test class path> io.github.mcsync.bench.Footprint 10000}
 */
public final class Footprint {
    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("footprint");
        try (MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0)) {
            CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
            for (int i = 0; i < n; i++) {
                long user = moodle.addUser(SimulatedUser.builder("f" + i).firstname("F" + i).lastname("Student")
                        .email("f" + i + "@example.org").build());
                moodle.enrol(2, user, "student");
            }
            int management = FreePorts.next();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String xmx = System.getProperty("footprint.xmx");
            if (xmx != null) {
                cmd.add("-Xmx" + xmx);
            }
            cmd.addAll(List.of("-cp", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator)),
                    "-Dlogback.configurationFile=logback.xml", "-DLOG_LEVEL=WARN"));
            Map<String, String> p = new java.util.HashMap<>(SyncHarness.DEMO_MAPPING);
            p.putAll(Map.of("moodle.url", moodle.baseUrl(), "moodle.token", MoodleSimulator.DEMO_TOKEN,
                    "moodle.courses", "2", "moodle.start", "all", "moodle.poll.cron", "0/5 * * * * ?",
                    "coursesales.url", courseSales.url(), "coursesales.username", CourseSalesDemoData.USERNAME,
                    "coursesales.password", CourseSalesDemoData.PASSWORD,
                    "state.jdbc-url", "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(),
                    "camel.management.port", Integer.toString(management)));
            p.put("ops.password", SyncHarness.OPS_PASSWORD);
            p.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("io.github.mcsync.SyncMain");
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sync.log").toFile()).start();
            Observe observe = new Observe("http://127.0.0.1:" + management);
            long start = System.nanoTime();
            double maxHeap = 0;
            long maxRss = 0;
            long rssAtStart = -1;
            int expected = n + 3;
            while (courseSales.documents().stream().map(StoredDocument::sourceReference).distinct().count() < expected) {
                Thread.sleep(500);
                long rss = rssKb(process.pid());
                maxRss = Math.max(maxRss, rss);
                Observe.Answer m = observe.tryGet("/observe/metrics");
                if (m.status() == 200) {
                    double heap = m.body().lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                    maxHeap = Math.max(maxHeap, heap);
                    if (rssAtStart < 0) {
                        rssAtStart = rss;
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the sync process ended: see " + dir.resolve("sync.log"));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("footprint: %d enrolments in %.0f s; heap used max %.0f MB; RSS at start %d MB, max %d MB%s%n",
                    expected, seconds, maxHeap / 1e6, rssAtStart / 1024, maxRss / 1024, xmx == null ? " (default heap)" : " (-Xmx" + xmx + ")");
            process.destroy();
            process.waitFor();
            courseSales.stop();
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
