package io.github.mcsync.bench;

import io.github.mcsync.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The fault suite ({@code bench/faults}; a small-N run is FaultSuiteIT in {@code mvn verify}). Each scenario starts
 * the simulators in their own JVM ({@link BenchSimulators}) and the bundle's real jar in another, does its harm, and
 * answers a one-line verdict with its counts. "Registered once" is counted at the simulator per SourceReference;
 * dead letters are read from the bundle's state database after it ended.
 */
public final class FaultSuite {
    /** A scenario's outcome: the one line printed, PASS or FAIL first. */
    public record Verdict(String scenario, boolean pass, String counts) {
        public String line() {
            return (pass ? "PASS " : "FAIL ") + scenario + ": " + counts;
        }
    }

    private final Path work;
    private final List<String> jvm;
    private final Random random;
    private int runs;

    FaultSuite(Path work, List<String> jvm, long seed) {
        this.work = work;
        this.jvm = jvm;
        this.random = new Random(seed);
    }

    /**
     * Usage: {@code bench/faults [N]} (N for the kill -9 and outage scenarios, default 2000); -Dfaults.outage-s=60,
     * -Dfaults.only=kill9,sigterm,outage,slow,garbage,password,hostile (default all), -Dfaults.seed=S.
     * Exit status 0 when every scenario passed.
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = Long.getLong("faults.seed", System.nanoTime());
        int outage = Integer.getInteger("faults.outage-s", 60);
        Path work = Files.createTempDirectory("mcsync-faults");
        FaultSuite suite = new FaultSuite(work, Benchmark.deployedWith("-Xmx512m"), seed);
        System.out.printf("fault suite: N=%d, outage %d s, seed %d, logs in %s%n", n, outage, seed, work);
        Map<String, Supplier<Verdict>> scenarios = new LinkedHashMap<>();
        scenarios.put("kill9", () -> suite.killNine(n, 5));
        scenarios.put("sigterm", () -> suite.sigterm(n));
        scenarios.put("outage", () -> suite.outage(n, Duration.ofSeconds(outage)));
        scenarios.put("slow", () -> suite.slowerThanReceiveTimeout(20));
        scenarios.put("garbage", () -> suite.moodleGarbage(250));
        scenarios.put("password", () -> suite.passwordChanged(1));
        scenarios.put("password-lanes", () -> suite.passwordChanged(4));
        scenarios.put("hostile", suite::hostileValues);
        // password-lanes measures the documented limit of send lanes (a rotation with four calls on the wire can lock
        // the login): asked for by name only
        List<String> only = List.of(System.getProperty("faults.only", String.join(",", scenarios.keySet().stream()
                .filter(k -> !k.equals("password-lanes")).toList())).split(","));
        boolean all = true;
        for (String key : only) {
            Verdict v = scenarios.get(key.trim()).get();
            System.out.println(v.line());
            all &= v.pass();
        }
        System.exit(all ? 0 : 1);
    }

    // ----- kill -9

    /** The bundle is killed with SIGKILL at random moments of a sync, then restarted with the same state database. */
    Verdict killNine(int n, int kills) {
        String name = String.format("kill -9 x%d during a %,d-enrolment sync", kills, n);
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("kill9")) {
                sims.seed(n);
                sims.latency(20);
                Path dir = dir("kill9");
                List<Integer> killedAt = new ArrayList<>();
                for (int k = 0; k < kills; k++) {
                    int before = sims.counts().get("documents").asInt();
                    int target = before + 1 + random.nextInt(Math.max(1, (n - before) / (kills - k + 1)));
                    BundleProcess bundle = bundle(dir, "run" + k, kill9Properties(sims, dir), "--once");
                    while (bundle.isAlive() && sims.counts().get("documents").asInt() < target) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(random.nextInt(30)); // anywhere in a record's path, not only just after a store
                    bundle.kill9();
                    killedAt.add(sims.counts().get("documents").asInt());
                }
                // a submission killed on the wire is neither looked up nor resent before receive-timeout + grace:
                // a later poll (after that) resolves it with FindDocuments
                int exit = -1;
                int restarts = 0;
                for (; restarts < 3; restarts++) {
                    if (restarts > 0) {
                        Thread.sleep(KILL9_TIMEOUT.plus(KILL9_GRACE).toMillis());
                    }
                    exit = bundle(dir, "final" + restarts, kill9Properties(sims, dir), "--once")
                            .waitFor(Duration.ofMinutes(30));
                    if (sims.counts().get("seededMissing").asInt() == 0) {
                        break;
                    }
                }
                JsonNode c = sims.counts();
                State st = State.read(dir);
                boolean pass = exit == 0 && c.get("seededMissing").asInt() == 0 && c.get("extraDocuments").asInt() == 0
                        && st.deadLetters == 0;
                return new Verdict(name, pass, String.format("%d of %d registered, %d missing, %d duplicates, %d dead "
                        + "letters, last run exit %d (killed at %s documents; %d restart%s after them)",
                        c.get("seededRegistered").asInt(), n, c.get("seededMissing").asInt(),
                        c.get("extraDocuments").asInt(), st.deadLetters, exit, killedAt, restarts + 1,
                        restarts == 0 ? "" : "s"));
            }
        });
    }

    private static final Duration KILL9_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KILL9_GRACE = Duration.ofSeconds(2);

    private static Map<String, String> kill9Properties(SimulatorsProcess sims, Path dir) {
        Map<String, String> p = properties(sims, dir, 4);
        p.put("coursesales.receive-timeout", KILL9_TIMEOUT.toSeconds() + "s");
        p.put("coursesales.unknown-outcome-grace", KILL9_GRACE.toSeconds() + "s");
        return p;
    }

    // ----- SIGTERM (a rollout)

    /**
     * The service is stopped with SIGTERM while a poll sends (as Kubernetes stops a pod in a rollout): the poll takes
     * no further record, the calls on the wire are answered and recorded before the state database closes, so nothing
     * is left in flight for a later FindDocuments; the next run sends the rest, each once.
     */
    Verdict sigterm(int n) {
        String name = String.format("SIGTERM of the service while a poll sends (%,d)", n);
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("sigterm")) {
                sims.seed(n);
                sims.latency(20);
                Path dir = dir("sigterm");
                Map<String, String> p = properties(sims, dir, SIGTERM_CONCURRENCY);
                p.put("moodle.poll.cron", "0/2 * * * * ?");
                BundleProcess service = bundle(dir, "service", p);
                if (!service.awaitReady(Duration.ofMinutes(2))) {
                    return new Verdict(name, false, "the service did not start");
                }
                while (service.isAlive() && sims.counts().get("documents").asInt() < n / 3) {
                    Thread.sleep(5);
                }
                long stopping = System.nanoTime();
                service.stop();
                double stopSeconds = (System.nanoTime() - stopping) / 1e9;
                int stored = sims.counts().get("documents").asInt();
                State stopped = State.read(dir);
                long closedUnderIt = linesWith(dir.resolve("service.log"), "already closed")
                        + linesWith(dir.resolve("state.trace.db"), "already closed");
                // the service logs how many it had sent when it stopped taking records (the signal itself reaches
                // it a few milliseconds after it is sent, while the lanes go on)
                long sentWhenStopping = sentWhenInterrupted(dir.resolve("service.log"), "the process is stopping");
                boolean saidSo = sentWhenStopping >= 0;
                int exit = bundle(dir, "next", p, "--once").waitFor(Duration.ofMinutes(30));
                JsonNode c = sims.counts();
                State st = State.read(dir);
                // the poll takes no further record: only those in hand (one per send lane) go out after the signal
                long afterIt = saidSo ? stored - sentWhenStopping : stored;
                boolean pass = afterIt <= 2 * SIGTERM_CONCURRENCY
                        && saidSo && stopped.inFlight == 0 && stopped.doneKeys == stored && closedUnderIt == 0
                        && exit == 0 && c.get("seededMissing").asInt() == 0 && c.get("extraDocuments").asInt() == 0
                        && st.deadLetters == 0;
                return new Verdict(name, pass, String.format("stopped in %.1f s, %d sent after it stopped taking "
                        + "records (lanes %d), "
                        + "%s; %d stored by CourseSales, %d "
                        + "recorded as delivered, %d left in flight, %d state-database errors while stopping; next run "
                        + "(exit %d): %d of %d registered, %d duplicates, %d dead letters", stopSeconds,
                        afterIt, 2 * SIGTERM_CONCURRENCY,
                        saidSo ? "the poll logged as interrupted" : "no line says the poll was interrupted", stored,
                        stopped.doneKeys, stopped.inFlight, closedUnderIt, exit,
                        c.get("seededRegistered").asInt(), n, c.get("extraDocuments").asInt(), st.deadLetters));
            }
        });
    }

    private static final int SIGTERM_CONCURRENCY = 4;

    // ----- CourseSales outage

    /** CourseSales answers 503 for the first half of the outage, then drops every connection; then it recovers. */
    Verdict outage(int n, Duration outage) {
        String name = String.format("CourseSales 503 then dropped connections for %d s mid-run (%,d)",
                outage.toSeconds(), n);
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("outage")) {
                sims.seed(n);
                sims.latency(20);
                Path dir = dir("outage");
                BundleProcess bundle = bundle(dir, "run", properties(sims, dir, 4), "--once");
                while (bundle.isAlive() && sims.counts().get("documents").asInt() < n / 3) {
                    Thread.sleep(20);
                }
                sims.post("/coursesales", Map.of("unavailable-ms", Long.toString(outage.toMillis() / 2), "status", "503"));
                Thread.sleep(outage.toMillis() / 2);
                sims.post("/coursesales", Map.of("dropping", "true"));
                Thread.sleep(outage.toMillis() / 2);
                sims.post("/coursesales", Map.of("dropping", "false"));
                int exit = bundle.waitFor(Duration.ofMinutes(30));
                State after = State.read(dir);
                // what stayed at its source goes with the next poll
                int next = bundle(dir, "next", properties(sims, dir, 4), "--once").waitFor(Duration.ofMinutes(30));
                JsonNode c = sims.counts();
                State st = State.read(dir);
                long lost = c.get("seededMissing").asLong() - st.deadLetters;
                boolean pass = lost == 0 && c.get("extraDocuments").asInt() == 0 && after.deadLetters == 0
                        && st.deadLetters == 0;
                return new Verdict(name, pass, String.format("%d lost, %d duplicates, %d dead letters %s(run exit %d, "
                        + "next poll exit %d, %d registered)", lost, c.get("extraDocuments").asInt(),
                        st.deadLetters, st.reasons.isEmpty() ? "" : st.reasons + " ", exit, next,
                        c.get("seededRegistered").asInt()));
            }
        });
    }

    // ----- slower than the receive time-out

    /** CourseSales stores each document but answers after the receive time-out, for a while; then it recovers. */
    Verdict slowerThanReceiveTimeout(int n) {
        String name = String.format("CourseSales slower than the receive time-out while storing (%d)", n);
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("slow")) {
                sims.seed(n);
                sims.post("/coursesales", Map.of("response-delay-ms", "2500"));
                Path dir = dir("slow");
                Map<String, String> p = properties(sims, dir, 4);
                p.put("coursesales.receive-timeout", "1s");
                p.put("coursesales.unknown-outcome-grace", "1s");
                BundleProcess bundle = bundle(dir, "run", p, "--once");
                while (bundle.isAlive() && sims.counts().get("documents").asInt() < 4) {
                    Thread.sleep(20);
                }
                int timedOut = sims.counts().get("documents").asInt();
                sims.post("/coursesales", Map.of("response-delay-ms", "0"));
                int exit = bundle.waitFor(Duration.ofMinutes(10));
                if (exit != 0) { // a second run resolves what stayed in flight
                    exit = bundle(dir, "next", p, "--once").waitFor(Duration.ofMinutes(10));
                }
                JsonNode c = sims.counts();
                State st = State.read(dir);
                boolean pass = c.get("extraDocuments").asInt() == 0 && c.get("seededMissing").asInt() == 0
                        && st.deadLetters == 0;
                return new Verdict(name, pass, String.format("%d duplicates, %d missing, %d dead letters %s(%d stored "
                        + "while timing out, %d FindDocuments, exit %d)", c.get("extraDocuments").asInt(),
                        c.get("seededMissing").asInt(), st.deadLetters, st.reasons.isEmpty() ? "" : st.reasons + " ",
                        timedOut, c.get("calls").get("FindDocuments").asInt(), exit));
            }
        });
    }

    // ----- Moodle garbage

    /** An HTML error page, truncated JSON, an exception body on a later page: each poll fails, then one recovers. */
    Verdict moodleGarbage(int n) {
        String name = String.format("Moodle garbage: HTML page, truncated JSON, exception on a later page (%d)", n);
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("garbage")) {
                sims.seed(n);
                Path dir = dir("garbage");
                Map<String, String> p = properties(sims, dir, 4);
                p.put("moodle.page-size", "100");
                List<String> failed = new ArrayList<>();
                int sentDuringGarbage = 0;
                int advanced = 0;
                for (Map<String, String> fault : List.of(Map.of("fail", "NON_JSON_BODY"),
                        Map.of("fail", "TRUNCATED_JSON", "after", "1"),
                        Map.of("fail", "DATABASE_EXCEPTION", "after", "2"))) {
                    sims.post("/moodle", fault);
                    int exit = bundle(dir, fault.get("fail"), p, "--once").waitFor(Duration.ofMinutes(5));
                    if (exit != 0) {
                        failed.add(fault.get("fail"));
                    }
                    sentDuringGarbage += sims.counts().get("calls").get("SubmitRegistration").asInt();
                    advanced += State.read(dir).doneKeys;
                    sims.post("/moodle", Map.of("clear", "true"));
                }
                int exit = bundle(dir, "recovered", p, "--once").waitFor(Duration.ofMinutes(5));
                JsonNode c = sims.counts();
                State st = State.read(dir);
                boolean pass = failed.size() == 3 && sentDuringGarbage == 0 && advanced == 0 && exit == 0
                        && c.get("seededMissing").asInt() == 0 && c.get("extraDocuments").asInt() == 0;
                return new Verdict(name, pass, String.format("polls failed %s, %d sent and %d keys advanced while "
                        + "garbled; after recovery %d of %d registered, %d duplicates, %d dead letters (exit %d)",
                        failed, sentDuringGarbage, advanced, c.get("seededRegistered").asInt(), n,
                        c.get("extraDocuments").asInt(), st.deadLetters, exit));
            }
        });
    }

    // ----- password changed

    /**
     * The service runs (a poll every second, the ops API); the CourseSales password changes while a poll sends, an
     * operator replays dead letters and asks for the preflight: with one send lane, exactly one failed login. With
     * more lanes, each call already on the wire when the password changes costs one (the documented limit): at most
     * {@code concurrency}, none after the first refusal halted CourseSales; three lock the login (then FAIL).
     */
    Verdict passwordChanged(int concurrency) {
        String name = "CourseSales password changed during poll + replay + preflight, coursesales.concurrency=" + concurrency;
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("password-c" + concurrency)) {
                for (int i = 0; i < 3; i++) { // dead letters to replay: the form's Email is mandatory
                    sims.post("/seed-user", Map.of("username", "noemail" + i, "firstname", "No", "lastname", "Email " + i,
                            "email", "", "phone1", ""));
                }
                sims.seed(20);
                sims.latency(20);
                Path dir = dir("password-c" + concurrency);
                Map<String, String> p = properties(sims, dir, concurrency);
                int port = FreePorts.next();
                p.put("moodle.poll.cron", "0/1 * * * * ?");
                p.put("ops.port", Integer.toString(port));
                p.put("ops.password", SyncHarness.OPS_PASSWORD);
                BundleProcess service = bundle(dir, "service", p);
                try {
                    if (!service.awaitReady(Duration.ofMinutes(2))) {
                        return new Verdict(name, false, "the service did not start");
                    }
                    while (sims.counts().get("documents").asInt() < 23 && service.isAlive()) {
                        Thread.sleep(50);
                    }
                    sims.seed(300); // the next poll has plenty to send
                    String ops = "http://127.0.0.1:" + port;
                    while (sims.counts().get("calls").get("SubmitRegistration").asInt() < 30 && service.isAlive()) {
                        Thread.sleep(5);
                    }
                    sims.post("/coursesales", Map.of("password", "rotated-" + System.nanoTime()));
                    CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() ->
                            ops(ops, "POST", "/api/dead-letters/replay?reason=MISSING_REQUIRED_VALUE"));
                    CompletableFuture<Integer> preflight = CompletableFuture.supplyAsync(() ->
                            ops(ops, "GET", "/api/preflight"));
                    int replayStatus = replay.get();
                    int preflightStatus = preflight.get();
                    Thread.sleep(3000); // three more polls
                    JsonNode c = sims.counts();
                    int failedLogins = c.get("failedLogins").asInt();
                    // one lane: exactly one; more: at most one per lane on the wire, and a PASS only if not locked
                    boolean pass = concurrency == 1 ? failedLogins == 1
                            : failedLogins >= 1 && failedLogins <= concurrency && !c.get("locked").asBoolean();
                    return new Verdict(name, pass, String.format("%d failed login%s, locked %s (replay "
                            + "HTTP %d, preflight HTTP %d, %d registered before the halt)", failedLogins,
                            failedLogins == 1 ? "" : "s", c.get("locked").asBoolean(), replayStatus, preflightStatus,
                            c.get("documents").asInt()));
                } finally {
                    service.kill9();
                }
            }
        });
    }

    private static int ops(String base, String method, String path) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ops:" + SyncHarness.OPS_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-By", "fault-suite").timeout(Duration.ofMinutes(2)).build();
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    // ----- hostile values

    /** Values that break naive XML, SQL or length handling, each as a first name, last name or phone. */
    static final Map<String, String> HOSTILE = hostile();

    private static Map<String, String> hostile() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("xml", "<b>&amp;</b> & < > ]]> <![CDATA[x]]>");
        h.put("quotes", "O'Brien \"Bob\" `x` ‘curly’");
        h.put("sql", "Robert'); DROP TABLE dead_letter;-- ' OR '1'='1");
        h.put("emoji", "Zoë 🎓👩🏽‍🔬 Ünïcødé");
        h.put("rtl", "\u202Eمحمد עברית\u202C");
        h.put("control", "bell\u0007 nul\u0000 esc\u001B");
        h.put("whitespace", " tab\tnew\nline\rcarriage  ");
        h.put("long", "x".repeat(300));
        h.put("surrogates", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎𠜱");
        return h;
    }

    /**
     * Each hostile value is delivered byte-exact (the simulator's stored field value equals Moodle's) or its record is
     * dead-lettered INVALID_VALUE naming the field; a malformed envelope would be refused by the simulator's schema
     * validation and show as neither.
     */
    Verdict hostileValues() {
        String name = "hostile values (XML, quotes, SQL, 100-char username, emoji, RTL, control chars, > 255 chars)";
        return run(name, () -> {
            try (SimulatorsProcess sims = simulators("hostile")) {
                Map<String, String[]> expected = new LinkedHashMap<>(); // source reference -> {kind, field id, value}
                int i = 0;
                for (Map.Entry<String, String> h : HOSTILE.entrySet()) {
                    String[] fields = {"firstname", "lastname", "phone1"};
                    String[] ids = {"101", "102", "104"};
                    int f = i++ % 3;
                    Map<String, String> user = new LinkedHashMap<>(Map.of("username", "hostile" + i, "firstname", "Ann",
                            "lastname", "Lee", "email", "hostile" + i + "@example.edu.au", "phone1", "0400 000 000"));
                    user.put(fields[f], h.getValue());
                    String ref = sims.post("/seed-user", user).get("sourceReference").asText();
                    expected.put(ref, new String[] {h.getKey() + "/" + fields[f], ids[f], h.getValue()});
                }
                String longName = "u".repeat(100);
                String ref = sims.post("/seed-user", Map.of("username", longName, "firstname", "Long", "lastname",
                        "Username", "email", "long@example.edu.au", "phone1", "")).get("sourceReference").asText();
                expected.put(ref, new String[] {"100-char username", "101", "Long"});
                Path dir = dir("hostile");
                int exit = bundle(dir, "run", properties(sims, dir, 4), "--once").waitFor(Duration.ofMinutes(5));
                State st = State.read(dir);
                List<String> exact = new ArrayList<>();
                List<String> invalid = new ArrayList<>();
                List<String> wrong = new ArrayList<>();
                for (Map.Entry<String, String[]> e : expected.entrySet()) {
                    String[] x = e.getValue();
                    JsonNode docs = sims.get("/documents?ref=" + java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8));
                    String dead = st.reasonByRef.get(e.getKey());
                    if (docs.size() == 1 && x[2].equals(docs.get(0).get("fieldValues").path(x[1]).asText(null))) {
                        exact.add(x[0]);
                    } else if (docs.size() == 0 && dead != null && dead.startsWith("INVALID_VALUE")
                            && dead.contains("field " + x[1])) {
                        invalid.add(x[0]);
                    } else {
                        wrong.add(x[0] + (docs.size() > 0 ? " arrived as " + printable(docs.get(0).get("fieldValues")
                                .path(x[1]).asText()) : " " + dead));
                    }
                }
                return new Verdict(name, wrong.isEmpty(), String.format("%d byte-exact %s, %d INVALID_VALUE naming "
                        + "the field %s, %d wrong %s (exit %d)", exact.size(), exact, invalid.size(), invalid,
                        wrong.size(), wrong, exit));
            }
        });
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> b.append(cp < 0x20 ? String.format("\\u%04x", cp) : new String(Character.toChars(cp))));
        return b.append('"').toString();
    }

    // ----- support

    private interface Scenario {
        Verdict run() throws Exception;
    }

    private static Verdict run(String name, Scenario s) {
        try {
            return s.run();
        } catch (Exception e) {
            return new Verdict(name, false, "the scenario itself failed: " + e);
        }
    }

    private SimulatorsProcess simulators(String name) throws Exception {
        return SimulatorsProcess.start(work.resolve(name + "-simulators.log"));
    }

    private Path dir(String name) {
        return work.resolve(name);
    }

    private BundleProcess bundle(Path dir, String name, Map<String, String> p, String... args) throws Exception {
        runs++;
        return BundleProcess.start(dir, name, jvm, p, args);
    }

    private static Map<String, String> properties(SimulatorsProcess sims, Path dir, int concurrency) {
        Map<String, String> p = Benchmark.properties(sims, dir, "all", concurrency);
        p.put("coursesales.contact-form-id", "20");
        return p;
    }

    private static final Pattern INTERRUPTED = Pattern.compile(
            "interrupted after \\d+ sent \\((\\d+) since the process started\\): (.*)");

    /** What the process had sent when a poll was interrupted for this reason (its log says so), or -1. */
    private static long sentWhenInterrupted(Path file, String reason) throws Exception {
        if (!Files.exists(file)) {
            return -1;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(INTERRUPTED::matcher).filter(m -> m.find() && m.group(2).startsWith(reason))
                    .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElse(-1);
        }
    }

    private static long linesWith(Path file, String text) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private static int count(Statement s, String table) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** What the bundle's state database (an H2 file, read after the bundle ended) holds. */
    private record State(int deadLetters, int doneKeys, int inFlight, Map<String, String> reasonByRef,
                         Map<String, Integer> reasons) {
        static State read(Path dir) throws Exception {
            Path file = dir.resolve("state.mv.db");
            if (!Files.exists(file)) {
                return new State(0, 0, 0, Map.of(), Map.of());
            }
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), "", "");
                 Statement s = c.createStatement()) {
                Map<String, String> byRef = new LinkedHashMap<>();
                Map<String, Integer> reasons = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery("SELECT source_reference, reason_code, reason_text FROM dead_letter"
                        + " WHERE status <> 'REPLAYED' AND status <> 'DISCARDED'")) {
                    while (r.next()) {
                        byRef.put(r.getString(1), r.getString(2) + ": " + r.getString(3));
                        reasons.merge(r.getString(2), 1, Integer::sum);
                    }
                }
                return new State(byRef.size(), count(s, "CAMEL_MESSAGEPROCESSED"), count(s, "in_flight"), byRef, reasons);
            }
        }
    }
}
