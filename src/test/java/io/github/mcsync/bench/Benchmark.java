package io.github.mcsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.FreePorts;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark ({@code bench/run}, see bench/README.md). Three processes: the simulators ({@link BenchSimulators}),
 * the bundle (the real jar and its routes, {@code --once}, or as a service) and this one (the driver and the
 * ceiling's client).
 * <ol>
 *   <li>throughput, for concurrency 1 and 4: N new enrolments (default 10,000) through the bundle, CourseSales
 *       answering every call {@code bench.latency-ms} later (default 20); then the ceiling: the same envelopes posted
 *       again by a bare HTTP client at the same concurrency; the same N through the bundle running as a service past
 *       its first polls ({@link #warmService}); CourseSales metadata calls per registration;</li>
 *   <li>the idle poll: 100,000 existing enrolments ({@code bench.idle}), none new (a baseline run, then the poll);</li>
 *   <li>memory: peak RSS and heap at N = 10,000 and 100,000 ({@code bench.memory}), CourseSales without latency, the
 *       bundle with the heap it is deployed with ({@code bench.memory-jvm}, -Xmx192m: README, "resources chosen"; with
 *       a larger heap, RSS follows what the collector chooses to commit, not what the bundle holds);</li>
 *   <li>start-up time to ready.</li>
 * </ol>
 * Usage: {@code bench/run [N]}; -Dbench.latency-ms=20 -Dbench.idle=100000 -Dbench.memory=10000,100000
 * -Dbench.jvm="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC" -Dbench.memory-jvm="-Xmx192m -XX:TieredStopAtLevel=1
 * -XX:+UseParallelGC" -Dbench.concurrency=1,4 (the environment variable BENCH_OPTS carries them).
 */
public final class Benchmark {
    /**
     * The JIT and collector options of the image's JAVA_TOOL_OPTIONS (the Dockerfile): the bundle runs as it is
     * deployed.
     */
    public static final List<String> DEPLOYED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
    /**
     * The heap the image gives the bundle: its MaxRAMPercentage of the manifests' memory limit (25 % of 768Mi), about
     * three times the live set (54-57 MB after a full collection, however many records went through).
     */
    public static final int DEPLOYED_HEAP_MB = 192;

    private static final List<String> METADATA = List.of("GetForm", "GetProcess", "GetOptions", "GetCourseDates");
    private static final int WARM_UP_S = 30;
    /** SubmitRegistration calls the simulators answer before a measured run (bare client, no latency). */
    private static final int SIMULATOR_WARM_UP_CALLS = 30_000;
    private final Path work;
    private final List<String> jvm;
    /** The memory runs' JVM options: the deployment's heap (README, "resources chosen"), not the benchmark's. */
    private final List<String> memoryJvm;
    private final List<String> table = new ArrayList<>();

    private Benchmark(Path work, List<String> jvm, List<String> memoryJvm) {
        this.work = work;
        this.jvm = jvm;
        this.memoryJvm = memoryJvm;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int latency = Integer.getInteger("bench.latency-ms", 20);
        int idle = Integer.getInteger("bench.idle", 100_000);
        List<Integer> memory = ints(System.getProperty("bench.memory", "10000,100000"));
        List<Integer> concurrencies = ints(System.getProperty("bench.concurrency", "1,4"));
        List<String> jvm = options(System.getProperty("bench.jvm", deployed("-Xmx1g")));
        List<String> memoryJvm = options(System.getProperty("bench.memory-jvm",
                deployed("-Xmx" + DEPLOYED_HEAP_MB + "m")));
        Path work = Files.createTempDirectory("mcsync-bench");
        Benchmark bench = new Benchmark(work, jvm, memoryJvm);
        System.out.printf("benchmark: N=%d, CourseSales latency %d ms, bundle JVM %s, %d cores; logs in %s%n", n, latency,
                jvm, Runtime.getRuntime().availableProcessors(), work);
        bench.row("measure", "figure", "target");
        for (int c : concurrencies) {
            bench.throughput(n, latency, c);
        }
        if (idle > 0) { // -Dbench.idle=0 leaves it out
            bench.idlePoll(idle);
            bench.row(String.format("idle poll, %,d existing, none new: db source", idle),
                    "not here: bench/db-source measures it", "< 50 ms");
        }
        bench.memory(memory); // -Dbench.memory= (empty) leaves it out
        System.out.println();
        bench.table.forEach(System.out::println);
        System.exit(0);
    }

    /** A heap option and the image's JVM options, as one line. */
    private static String deployed(String heap) {
        return heap + " " + String.join(" ", DEPLOYED_JVM);
    }

    /** The image's JVM options with this heap option first. */
    static List<String> deployedWith(String heap) {
        List<String> all = new ArrayList<>(List.of(heap));
        all.addAll(DEPLOYED_JVM);
        return all;
    }

    private static List<String> options(String line) {
        return Arrays.stream(line.split(" ")).filter(s -> !s.isBlank()).toList();
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private void row(String measure, String figure, String target) {
        String line = String.format("| %-66s | %-34s | %-15s |", measure, figure, target);
        table.add(line);
        if (table.size() == 1) {
            table.add("|" + "-".repeat(68) + "|" + "-".repeat(36) + "|" + "-".repeat(17) + "|");
        }
        System.out.println(line);
    }

    private void throughput(int n, int latency, int concurrency) throws Exception {
        String name = "c" + concurrency;
        try (SimulatorsProcess sims = SimulatorsProcess.start(work.resolve(name + "-simulators.log"))) {
            sims.seed(n);
            sims.latency(latency);
            warmUp(sims, name, latency, concurrency);
            sims.post("/coursesales", Map.of("capture", "true"));
            Path dir = work.resolve(name);
            BundleProcess bundle = BundleProcess.start(dir, "bundle", jvm, properties(sims, dir, "all", concurrency),
                    "--once");
            int exit = bundle.waitFor(Duration.ofHours(3));
            JsonNode counts = sims.counts();
            int documents = counts.get("documents").asInt();
            int metadata = METADATA.stream().mapToInt(op -> counts.get("calls").get(op).asInt()).sum();
            double rate = documents / bundle.pollSeconds();
            check(exit, bundle, counts);
            if (concurrency == 1) {
                row("start-up to ready (launch to Camel started, --once)", String.format("%.2f s", bundle.startSeconds()),
                        "");
            }
            List<SimulatorsProcess.Envelope> envelopes = sims.captured();
            sims.reset();
            sims.latency(latency);
            double ceiling = Ceiling.measure(sims.courseSalesUrl, envelopes, concurrency);
            row(String.format("concurrency %d: registrations/s end to end (%,d)", concurrency, documents),
                    String.format("%.1f/s in %.1f s", rate, bundle.pollSeconds()), "");
            double cpu = bundle.pollCpuSeconds();
            row(String.format("concurrency %d: the bundle's CPU per registration", concurrency),
                    String.format("%.2f ms (%.0f %% of a core)", 1000 * cpu / documents, 100 * cpu / bundle.pollSeconds()),
                    "");
            row(String.format("concurrency %d: ceiling, bare HTTP client, same envelopes", concurrency),
                    String.format("%.1f/s", ceiling), "");
            row(String.format("concurrency %d: ratio", concurrency), String.format("%.2f", rate / ceiling), ">= 0.9");
            sims.reset();
            sims.latency(latency);
            double warm = warmService(sims, n, concurrency);
            row(String.format("concurrency %d: the same, service past its first polls", concurrency),
                    String.format("%.1f/s, ratio %.2f", warm, warm / ceiling), ">= 0.9");
            row(String.format("concurrency %d: metadata calls per registration", concurrency),
                    String.format("%.4f (%d calls)", documents == 0 ? 0.0 : (double) metadata / documents, metadata),
                    "<= 0.01");
        }
    }

    /**
     * The ceiling is measured against simulators that are warm (the bundle's run warmed them), so the bundle's run
     * gets warm simulators too: a first bundle, with a state of its own, sends for WARM_UP_S seconds (its poll is cut
     * short by feed.poll.max-duration); then the bare client posts the envelopes it sent, again and again without
     * latency, until the simulators answered SIMULATOR_WARM_UP_CALLS (their JIT past its last tier, as the ceiling
     * and the service runs find it after the measured run); what they stored is forgotten before the measured run.
     */
    private void warmUp(SimulatorsProcess sims, String name, int latency, int concurrency) throws Exception {
        Path dir = work.resolve(name + "-warm-up");
        Map<String, String> p = properties(sims, dir, "all", concurrency);
        p.put("feed.poll.max-duration", WARM_UP_S + "s");
        sims.post("/coursesales", Map.of("capture", "true"));
        BundleProcess.start(dir, "warm-up", jvm, p, "--once").waitFor(Duration.ofMinutes(10));
        sims.post("/coursesales", Map.of("capture", "false"));
        List<SimulatorsProcess.Envelope> envelopes = sims.captured();
        sims.reset();
        sims.latency(0);
        for (int sent = 0; !envelopes.isEmpty() && sent < SIMULATOR_WARM_UP_CALLS; sent += envelopes.size()) {
            Ceiling.measure(sims.courseSalesUrl, envelopes, 8);
            sims.reset();
        }
        sims.latency(latency);
    }

    /**
     * The same N through the bundle as it runs in production: a service whose polls run every few seconds, past its
     * first polls (its JIT warm, as it is a few polls after a deployment). Poll 1 takes the existing enrolments as
     * known (moodle.start=now), then a warm-up set is seeded and sent (WARM_UP_S seconds' worth), then N more are
     * seeded between two polls; the poll that finds them is timed by the bundle's own record of it (GET /api/polls),
     * its reading of every existing enrolment included. Registrations per second of that poll.
     */
    private double warmService(SimulatorsProcess sims, int n, int concurrency) throws Exception {
        Path dir = work.resolve("c" + concurrency + "-service");
        Map<String, String> p = properties(sims, dir, "now", concurrency);
        int port = FreePorts.next();
        p.put("moodle.poll.cron", "0/5 * * * * ?");
        p.put("ops.port", Integer.toString(port));
        p.put("ops.password", SyncHarness.OPS_PASSWORD);
        BundleProcess service = BundleProcess.start(dir, "service", jvm, p);
        try {
            Duration max = Duration.ofHours(1);
            if (service.awaitPoll(0, l -> l.contains("known"), max) == null) { // the baseline (moodle.start=now)
                throw new IllegalStateException("the service took no baseline: " + service.linesContaining("ERROR"));
            }
            int warmUp = Math.max(100, WARM_UP_S * 35 * concurrency);
            sims.seed(warmUp);
            String sent = service.awaitPoll(0, l -> l.contains(" " + warmUp + " sent"), max);
            int after = service.polls();
            String idle = service.awaitPoll(after, l -> l.contains(": 0 new"), max); // then seed between two polls
            if (sent == null || idle == null) {
                throw new IllegalStateException("the service's warm-up did not end: " + service.pollLine());
            }
            sims.seed(n);
            String measured = service.awaitPoll(service.polls(), l -> !l.contains(": 0 new"), max);
            if (measured == null || !measured.contains(": " + n + " new, " + n + " sent, 0 dead-lettered")) {
                throw new IllegalStateException("the measured poll did not send the " + n + " seeded at once (a poll"
                        + " may have raced the seeding; run again): " + measured);
            }
            JsonNode poll = opsGet(port, "/api/polls?limit=1").get("polls").get(0);
            if (sims.counts().get("extraDocuments").asInt() != 0) {
                throw new IllegalStateException("the service sent a registration twice: " + sims.counts());
            }
            return poll.get("sent").asInt() / (poll.get("durationMillis").asLong() / 1000.0);
        } finally {
            service.stop();
        }
    }

    private static JsonNode opsGet(int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ops:" + SyncHarness.OPS_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(1)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + answer.statusCode());
        }
        return new ObjectMapper().readTree(answer.body());
    }

    private void idlePoll(int existing) throws Exception {
        try (SimulatorsProcess sims = SimulatorsProcess.start(work.resolve("idle-simulators.log"))) {
            sims.seed(existing);
            Path dir = work.resolve("idle");
            Map<String, String> p = properties(sims, dir, "now", 4);
            BundleProcess baseline = BundleProcess.start(dir, "baseline", jvm, p, "--once");
            check(baseline.waitFor(Duration.ofHours(1)), baseline, sims.counts(), false);
            BundleProcess poll = BundleProcess.start(dir, "idle", jvm, p, "--once");
            int exit = poll.waitFor(Duration.ofHours(1));
            JsonNode counts = sims.counts();
            check(exit, poll, counts, false);
            if (counts.get("documents").asInt() != 0) {
                throw new IllegalStateException("the idle poll sent something: " + counts);
            }
            row(String.format("idle poll, %,d existing, none new: REST source", existing),
                    String.format("%.2f s (baseline run %.1f s)", poll.pollSeconds(), baseline.pollSeconds()), "");
        }
    }

    private void memory(List<Integer> sizes) throws Exception {
        long first = 0;
        for (int size : sizes) {
            String name = "memory-" + size;
            try (SimulatorsProcess sims = SimulatorsProcess.start(work.resolve(name + "-simulators.log"))) {
                sims.seed(size);
                Path dir = work.resolve(name);
                BundleProcess bundle = BundleProcess.start(dir, "bundle", memoryJvm, properties(sims, dir, "all", 4),
                        "--once");
                int exit = bundle.waitFor(Duration.ofHours(3));
                check(exit, bundle, sims.counts());
                long[] heap = bundle.heapMb();
                long rss = bundle.peakRssMb();
                if (first == 0) {
                    first = rss;
                }
                row(String.format("N=%,d (no latency, concurrency 4, %s): peak RSS / heap", size,
                                String.join(" ", memoryJvm)),
                        String.format("%d MB / %d MB used, %d MB after GC", rss, heap[0], heap[1]),
                        first == rss ? "" : String.format("%.2f x (<= 1.2)", (double) rss / first));
            }
        }
    }

    /** The run ended well and every seeded enrolment is registered exactly once. */
    private static void check(int exit, BundleProcess bundle, JsonNode counts) {
        check(exit, bundle, counts, true);
    }

    private static void check(int exit, BundleProcess bundle, JsonNode counts, boolean allRegistered) {
        if (exit != 0 || (allRegistered && counts.get("seededMissing").asLong() != 0)
                || counts.get("extraDocuments").asLong() != 0) {
            throw new IllegalStateException("the bundle's run failed (exit " + exit + ", " + bundle.pollLine() + "): "
                    + counts + " " + bundle.linesContaining("ERROR") + bundle.linesContaining("WARN"));
        }
    }

    /** The bundle pointed at the simulators, with its own H2 state file. */
    static Map<String, String> properties(SimulatorsProcess sims, Path dir, String start, int concurrency) {
        Map<String, String> p = new HashMap<>(SyncHarness.DEMO_MAPPING);
        p.put("moodle.url", sims.moodleUrl);
        p.put("moodle.token", MoodleSimulator.DEMO_TOKEN);
        p.put("moodle.courses", Long.toString(CourseSalesDemoData.MOODLE_COURSE_PHYS101));
        p.put("moodle.start", start);
        p.put("coursesales.url", sims.courseSalesUrl);
        p.put("coursesales.username", CourseSalesDemoData.USERNAME);
        p.put("coursesales.password", CourseSalesDemoData.PASSWORD);
        p.put("coursesales.concurrency", Integer.toString(concurrency));
        p.put("feed.poll.max-duration", "6h"); // a 100,000-enrolment sync is one long poll
        p.put("state.jdbc-url", "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath());
        return p;
    }
}
