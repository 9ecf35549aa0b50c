package io.github.mcsync.bench;

import io.github.mcsync.SyncApplication;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark (bench/run): N new enrolments in one poll through the real routes, from the Moodle simulator
 * (HTTP) to the CourseSales simulator (SOAP over HTTP), state in an H2 file. Prints throughput, metadata
 * calls per record, start-up time and memory. The simulators run in the same JVM and share its 2 cores.
 */
public final class SyncBenchmark {
    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        for (int i = 0; i < n; i++) {
            long id = moodle.addUser(SimulatedUser.builder("bench" + i).firstname("Bench").lastname("Student " + i)
                    .email("bench" + i + "@example.edu.au").phone1("+61 2 9000 " + i).build());
            moodle.enrol(CourseSalesDemoData.MOODLE_COURSE_PHYS101, id, "student");
        }
        Path state = Files.createTempDirectory("sync-bench");
        Map<String, String> p = new HashMap<>();
        p.put("moodle.url", moodle.baseUrl());
        p.put("moodle.token", MoodleSimulator.DEMO_TOKEN);
        p.put("moodle.courses", Long.toString(CourseSalesDemoData.MOODLE_COURSE_PHYS101));
        p.put("moodle.poll.enabled", "false");
        p.put("moodle.start", "all");
        p.put("coursesales.url", courseSales.url());
        p.put("coursesales.username", CourseSalesDemoData.USERNAME);
        p.put("coursesales.password", CourseSalesDemoData.PASSWORD);
        p.put("state.jdbc-url", "jdbc:h2:file:" + state.resolve("state").toAbsolutePath());
        p.put("camel.server.enabled", "false");
        p.put("camel.main.routes-exclude-pattern", "**/ops-api.camel.*");
        p.putAll(io.github.mcsync.SyncHarness.DEMO_MAPPING);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.")).forEach(k -> p.put(k.substring(6), System.getProperty(k)));

        long t0 = System.nanoTime();
        SyncApplication app = new SyncApplication(null, p);
        app.start();
        long started = System.nanoTime();
        PollRun first = app.pollOnce();
        long polled = System.nanoTime();
        PollRun second = app.pollOnce();
        long repolled = System.nanoTime();

        int records = first.sentCount();
        int metadataCalls = 0;
        for (String op : List.of("GetForm", "GetProcess", "GetOptions", "GetCourseDates")) {
            metadataCalls += courseSales.callCount(op);
        }
        double pollSeconds = (polled - started) / 1e9;
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.println("benchmark: " + n + " new enrolments, one poll, state in H2 file, simulators in-process");
        System.out.printf("start-up (Camel context, routes, Flyway): %.2f s%n", (started - t0) / 1e9);
        System.out.printf("first poll: %s in %.2f s = %.0f registrations/s%n", first.summary(), pollSeconds, records / pollSeconds);
        System.out.printf("second poll (nothing new): %s in %.2f s%n", second.summary(), (repolled - polled) / 1e9);
        System.out.printf("documents at CourseSales: %d (duplicates: %d)%n", courseSales.documents().size(),
                courseSales.documents().size() - courseSales.documents().stream().map(d -> d.sourceReference()).distinct().count());
        System.out.printf("metadata calls: %d for %d records = %.4f per record%n", metadataCalls, records,
                records == 0 ? 0.0 : (double) metadataCalls / records);
        System.out.printf("heap used after GC: %d MB; peak heap: %d MB; RSS: %s%n", heapMb,
                ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == java.lang.management.MemoryType.HEAP)
                        .mapToLong(m -> m.getPeakUsage().getUsed()).sum() >> 20, rss());
        app.stop();
        moodle.stop();
        courseSales.stop();
        System.exit(records == n + 3 ? 0 : 1);
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
    }
}
