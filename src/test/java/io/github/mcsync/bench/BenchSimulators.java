package io.github.mcsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.mcsync.demo.LoopbackHttpServers;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.coursesales.CourseSalesSimulator;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The simulators of the benchmark and the fault suite in their own process (so the bundle's figures are not shared
 * with them): the Moodle REST simulator and the CourseSales SOAP simulator on free local ports, and a small admin
 * HTTP API on a third port to seed enrolments, set the latency, inject faults and read what arrived. On start it
 * prints one line {@code simulators moodle=URL coursesales=URL admin=URL}. Test code: never part of the product.
 *
 * <p>Admin API (all answers JSON; POST for changes, GET to read):
 * <ul>
 *   <li>POST /seed?n=N[&amp;prefix=p] - N new users, each enrolled as a student in PHYS101 (Moodle course 2)</li>
 *   <li>POST /seed-user?username=&amp;firstname=&amp;lastname=&amp;email=&amp;phone1= (UTF-8, any value) - one user</li>
 *   <li>POST /latency?ms=M - every CourseSales call answers M ms later</li>
 *   <li>POST /coursesales?unavailable-ms=M&amp;status=503 (an outage from now), ?dropping=true|false, ?response-delay-ms=M, ?password=P, ?capture=true|false,
 *       ?fault=CODE&amp;n=K (the next K SOAP requests answer that CourseSales fault)</li>
 *   <li>POST /moodle?fail=KIND[&amp;after=K][&amp;n=1] - inject a Moodle failure (MoodleFailure), ?clear=true</li>
 *   <li>GET /counts - calls per operation, documents, failed logins, seeded and missing and duplicated references</li>
 *   <li>GET /documents?ref=R - the stored documents' field values (all when ref is left out)</li>
 *   <li>GET /captured - the captured SubmitRegistration requests, each as [int length][bytes] (Content-Type first)</li>
 *   <li>POST /reset - forget documents, call counts, captured requests and injected faults</li>
 * </ul>
 */
public final class BenchSimulators {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COURSE = CourseSalesDemoData.MOODLE_COURSE_PHYS101;

    private final MoodleSimulator moodle;
    private final CourseSalesSimulator courseSales;
    private final Set<String> seeded = ConcurrentHashMap.newKeySet();
    private int nextSeed;

    private BenchSimulators(MoodleSimulator moodle, CourseSalesSimulator courseSales) {
        this.moodle = moodle;
        this.courseSales = courseSales;
    }

    public static void main(String[] args) throws Exception {
        MoodleSimulator moodle = MoodleSimulator.withFixtureData().start(0);
        CourseSalesSimulator courseSales = CourseSalesSimulator.withDemoData().start(0);
        BenchSimulators sims = new BenchSimulators(moodle, courseSales);
        HttpServer admin = LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        admin.setExecutor(Executors.newFixedThreadPool(4));
        admin.createContext("/", sims::handle);
        admin.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            admin.stop(0);
            courseSales.stop();
            moodle.stop();
        }));
        System.out.println("simulators moodle=" + moodle.baseUrl() + " coursesales=" + courseSales.url()
                + " admin=http://127.0.0.1:" + admin.getAddress().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/captured")) {
                sendCaptured(exchange);
                return;
            }
            Object answer = switch (path) {
                case "/seed" -> seed(Integer.parseInt(q.get("n")), q.getOrDefault("prefix", "bench"));
                case "/seed-user" -> Map.of("sourceReference", seedUser(SimulatedUser.builder(q.get("username"))
                        .firstname(q.get("firstname")).lastname(q.get("lastname")).email(q.get("email"))
                        .phone1(q.get("phone1")).build()));
                case "/latency" -> {
                    courseSales.setCallDelay(Duration.ofMillis(Long.parseLong(q.get("ms"))));
                    yield Map.of("latencyMs", q.get("ms"));
                }
                case "/coursesales" -> courseSales(q);
                case "/moodle" -> moodle(q);
                case "/counts" -> counts();
                case "/documents" -> documents(q.get("ref"));
                case "/reset" -> {
                    courseSales.clearDocuments();
                    courseSales.resetCallCounts();
                    courseSales.clearInjectedFailures();
                    courseSales.takeCapturedSubmissions();
                    moodle.clearFailures();
                    yield Map.of("reset", true);
                }
                default -> null;
            };
            byte[] out = answer == null ? "{\"error\":\"no such path\"}".getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, out.length);
            exchange.getResponseBody().write(out);
        } catch (RuntimeException e) {
            byte[] out = JSON.writeValueAsBytes(Map.of("error", String.valueOf(e)));
            exchange.sendResponseHeaders(400, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private synchronized Map<String, Object> seed(int n, String prefix) {
        for (int i = 0; i < n; i++) {
            int k = nextSeed++;
            seedUser(SimulatedUser.builder(prefix + k).firstname("Bench").lastname("Student " + k)
                    .email(prefix + k + "@example.edu.au").phone1("+61 2 9000 " + k).build());
        }
        return Map.of("seeded", seeded.size());
    }

    private String seedUser(SimulatedUser user) {
        long id = moodle.addUser(user);
        moodle.enrol(COURSE, id, "student");
        String ref = "moodle:c" + COURSE + ":u" + id;
        seeded.add(ref);
        return ref;
    }

    private Map<String, Object> courseSales(Map<String, String> q) {
        if (q.containsKey("unavailable-ms")) {
            courseSales.unavailableFor(Duration.ofMillis(Long.parseLong(q.get("unavailable-ms"))),
                    Integer.parseInt(q.getOrDefault("status", "503")));
        }
        if (q.containsKey("dropping")) {
            courseSales.setDroppingConnections(Boolean.parseBoolean(q.get("dropping")));
        }
        if (q.containsKey("response-delay-ms")) {
            courseSales.setResponseDelay(Duration.ofMillis(Long.parseLong(q.get("response-delay-ms"))));
        }
        if (q.containsKey("password")) {
            courseSales.setCredentials(CourseSalesDemoData.USERNAME, q.get("password"));
        }
        if (q.containsKey("fault")) {
            courseSales.faultNextCalls(Integer.parseInt(q.getOrDefault("n", "1")), q.get("fault"));
        }
        if (q.containsKey("capture")) {
            courseSales.captureSubmissions(Boolean.parseBoolean(q.get("capture")));
        }
        return Map.of("ok", true);
    }

    private Map<String, Object> moodle(Map<String, String> q) {
        if (q.containsKey("clear")) {
            moodle.clearFailures();
        }
        if (q.containsKey("fail")) {
            MoodleFailure kind = MoodleFailure.valueOf(q.get("fail"));
            if (q.containsKey("after")) {
                moodle.failAfter(Integer.parseInt(q.get("after")), kind);
            } else {
                moodle.failNext(Integer.parseInt(q.getOrDefault("n", "1")), kind);
            }
        }
        return Map.of("ok", true);
    }

    private Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (String op : List.of("SubmitRegistration", "FindDocuments", "GetForm", "GetProcess", "GetOptions",
                "GetCourseDates", "UpdateDocumentStatus")) {
            calls.put(op, courseSales.callCount(op));
        }
        List<StoredDocument> docs = courseSales.documents();
        Map<String, Long> perRef = docs.stream()
                .collect(Collectors.groupingBy(d -> String.valueOf(d.sourceReference()), Collectors.counting()));
        out.put("calls", calls);
        out.put("documents", docs.size());
        out.put("failedLogins", courseSales.failedLoginAttempts());
        out.put("locked", courseSales.isLocked());
        out.put("seeded", seeded.size());
        out.put("seededRegistered", seeded.stream().filter(perRef::containsKey).count());
        out.put("seededMissing", seeded.stream().filter(r -> !perRef.containsKey(r)).count());
        out.put("duplicatedReferences", perRef.values().stream().filter(c -> c > 1).count());
        out.put("extraDocuments", perRef.values().stream().mapToLong(c -> c - 1).sum());
        return out;
    }

    private List<Map<String, Object>> documents(String ref) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredDocument d : courseSales.documents()) {
            if (ref == null || ref.equals(d.sourceReference())) {
                Map<String, Object> m = new HashMap<>();
                m.put("sourceReference", d.sourceReference());
                Map<String, String> fields = new LinkedHashMap<>();
                d.fieldValues().forEach((k, v) -> fields.put(Integer.toString(k), v));
                m.put("fieldValues", fields);
                out.add(m);
            }
        }
        return out;
    }

    private void sendCaptured(HttpExchange exchange) throws IOException {
        List<CourseSalesSimulator.CapturedSubmission> all = courseSales.takeCapturedSubmissions();
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody();
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(body, 1 << 16))) {
            out.writeInt(all.size());
            for (CourseSalesSimulator.CapturedSubmission c : all) {
                writeBytes(out, String.valueOf(c.contentType()).getBytes(StandardCharsets.UTF_8));
                writeBytes(out, String.valueOf(c.soapAction()).getBytes(StandardCharsets.UTF_8));
                writeBytes(out, c.body());
            }
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
        }
        return q;
    }
}
