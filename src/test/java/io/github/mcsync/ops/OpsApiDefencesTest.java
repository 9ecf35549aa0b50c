package io.github.mcsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.ops.OpsClient.Answer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, items 18, 21 and 22, through routes/ops-api.camel.yaml: cross-site POSTs are refused, answers carry only
 * the headers they mean, credentials come from the Authorization header only, malformed query values are 400, and
 * wrong passwords are throttled per client.
 */
class OpsApiDefencesTest {
    /** Every header an answer may carry (":status" is the Java client's pseudo-header). */
    private static final Set<String> MEANT = Set.of(":status", "content-type", "content-length", "www-authenticate",
            "retry-after", "transfer-encoding");

    @TempDir
    Path stateDir;
    SyncHarness sync;
    OpsClient ops;

    @AfterEach
    void stop() throws Exception {
        sync.close();
    }

    /** PHYS101 delivered, one dead letter (id 1, FIELD_INACTIVE). */
    private void startWithADeadLetter(SyncHarness harness) throws Exception {
        sync = harness.with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
        long id = sync.moodle.addUser(SimulatedUser.builder("x.student").firstname("X").lastname("Student")
                .email("x@example.com").build());
        sync.moodle.enrol(2, id, "student");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());
    }

    private String origin() {
        return sync.opsUrl();
    }

    @Test
    void aCrossSiteFormPostIsRefusedAndChangesNothing() throws Exception {
        startWithADeadLetter(new SyncHarness(stateDir));
        FeedControl feed = sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
        feed.haltMoodle("MOODLE_INVALIDTOKEN", "Moodle refused the web-service call: MOODLE_INVALIDTOKEN (test)");
        int calls = sync.courseSales.callCount("SubmitRegistration");

        // what a page on another site makes a browser send: a form post, the Basic credentials the browser remembers
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        Map<String, String> formWithoutFetchMetadata = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Origin", "https://evil.example");
        Map<String, String> noOriginNoHeader = Map.of("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> crossSiteWithTheHeader = Map.of("X-Requested-By", "evil", "Sec-Fetch-Site", "cross-site");
        for (String path : List.of("/api/dead-letters/1/replay", "/api/dead-letters/replay?reason=FIELD_INACTIVE",
                "/api/dead-letters/1/discard", "/api/resume")) {
            for (Map<String, String> headers : List.of(form, formWithoutFetchMetadata, noOriginNoHeader, crossSiteWithTheHeader)) {
                Answer a = ops.send("POST", path, headers, "x=1");
                assertEquals(403, a.status(), path + " " + headers + " -> " + a);
                assertTrue(a.json().get("error").asText().contains("refused") || a.json().get("error").asText()
                        .contains("X-Requested-By"), a.toString());
            }
        }
        assertEquals("NEW", sync.deadLetters().get(0).get("STATUS"), "not replayed, not discarded");
        assertEquals(calls, sync.courseSales.callCount("SubmitRegistration"), "nothing sent");
        assertTrue(feed.isHalted(), "not resumed");

        // a same-origin page's fetch with the header passes, and so do curl and a JSON client
        Answer sameOrigin = ops.send("POST", "/api/resume", Map.of("X-Requested-By", "ops-console",
                "Origin", origin(), "Sec-Fetch-Site", "same-origin"));
        assertEquals(200, sameOrigin.status(), sameOrigin.toString());
        assertEquals("RUNNING", sameOrigin.json().get("state").asText());
        Answer json = ops.send("POST", "/api/dead-letters/1/replay", Map.of("Content-Type", "application/json"), "{}");
        assertEquals(200, json.status(), json.toString());
        assertEquals("DELIVERED", json.json().get("outcomes").get(0).get("outcome").asText());
        assertEquals(200, ops.post("/api/resume").status(), "curl -H 'X-Requested-By: ...'");
        // reading stays open to curl and the console alike
        assertEquals(200, ops.send("GET", "/api/status", Map.of("Sec-Fetch-Site", "same-origin")).status());
    }

    @Test
    void answersCarryOnlyTheHeadersTheyMean() throws Exception {
        startWithADeadLetter(new SyncHarness(stateDir));
        String hostile = "?Set-Cookie=session%3Devil&Access-Control-Allow-Origin=*&Location=https%3A%2F%2Fevil.example"
                + "&X-Frame-Options=ALLOWALL&Refresh=0";
        Map<String, String> echoMe = Map.of("X-Echo-Me", "1", "X-Requested-By", "ops-test");
        List<Answer> answers = List.of(
                ops.send("GET", "/api/status" + hostile, echoMe),
                ops.send("GET", "/api/dead-letters" + hostile + "&limit=5", echoMe),
                ops.send("GET", "/api/dead-letters/1" + hostile, echoMe),
                ops.send("GET", "/api/dead-letters/999" + hostile, echoMe), // 404
                ops.send("GET", "/api/dead-letters" + hostile + "&limit=abc", echoMe), // 400
                ops.send("GET", "/api/preflight" + hostile, echoMe),
                ops.send("GET", "/api/openapi.json" + hostile, echoMe),
                ops.send("POST", "/api/dead-letters/1/replay" + hostile, echoMe),
                ops.send("POST", "/api/resume" + hostile, echoMe),
                ops.send("POST", "/api/resume" + hostile, Map.of()), // 403
                ops.as(null, null).send("GET", "/api/status" + hostile, echoMe), // 401
                ops.as("ops", "wrong").send("POST", "/api/resume" + hostile, echoMe)); // 401
        assertEquals(List.of(200, 200, 200, 404, 400, 200, 200, 200, 200, 403, 401, 401),
                answers.stream().map(Answer::status).toList(), answers.toString());
        for (Answer a : answers) {
            Set<String> names = a.headers().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            assertTrue(MEANT.containsAll(names), a.request() + " answered the headers " + a.headers());
        }
    }

    @Test
    void credentialsComeFromTheAuthorizationHeaderOnly() throws Exception {
        startWithADeadLetter(new SyncHarness(stateDir));
        String basic = URLEncoder.encode(OpsClient.basic("ops", SyncHarness.OPS_PASSWORD), StandardCharsets.UTF_8);
        Answer queryOnly = ops.as(null, null).get("/api/status?Authorization=" + basic);
        assertEquals(401, queryOnly.status(), queryOnly.toString());
        Answer wrongHeaderRightQuery = ops.as("ops", "wrong").get("/api/dead-letters/1?Authorization=" + basic);
        assertEquals(401, wrongHeaderRightQuery.status(), wrongHeaderRightQuery.toString());
        Answer post = ops.as(null, null).send("POST", "/api/resume?authorization=" + basic, Map.of("X-Requested-By", "x"));
        assertEquals(401, post.status(), post.toString());
        assertEquals(200, ops.get("/api/status?Authorization=nonsense").status(), "the real header decides");
    }

    @Test
    void malformedQueryValuesAre400() throws Exception {
        startWithADeadLetter(new SyncHarness(stateDir));
        for (String q : List.of("limit=%00", "offset=%00", "limit=-1", "limit=1e3", "status=%00", "limit=99999999999")) {
            Answer a = ops.get("/api/dead-letters?" + q);
            assertEquals(400, a.status(), a.toString());
            assertNotNull(a.json().get("error"), a.toString());
        }
        // an escape that is not one (%zz): no Java HTTP client sends it, so over a raw socket
        assertEquals(400, rawStatus("GET /api/dead-letters?limit=%zz HTTP/1.1"));
        assertEquals(400, rawStatus("GET /api/dead-letters?status=%E0%A4%A HTTP/1.1"));
    }

    private int rawStatus(String requestLine) throws Exception {
        URI base = URI.create(sync.opsUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nAuthorization: "
                    + OpsClient.basic("ops", SyncHarness.OPS_PASSWORD) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 400"
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Test
    void wrongPasswordsAreThrottledAndLoggedOnce() throws Exception {
        startWithADeadLetter(new SyncHarness(stateDir).with("ops.login.lockout", "3s"));
        Map<Integer, Integer> statuses = new HashMap<>();
        try (LogCapture log = new LogCapture()) {
            OpsClient guesser = ops.as("ops", "guess");
            for (int i = 0; i < 200; i++) {
                Answer a = guesser.get("/api/status");
                statuses.merge(a.status(), 1, Integer::sum);
                if (a.status() == 429) {
                    assertTrue(Integer.parseInt(a.header("Retry-After")) >= 1, a.headers().toString());
                    assertTrue(a.json().get("error").asText().contains("too many"), a.toString());
                }
            }
            long lines = log.lines().stream().filter(l -> l.contains("OpsAuthentication")).count();
            assertTrue(lines <= 2, "few log lines for 200 wrong passwords: " + log.lines().stream()
                    .filter(l -> l.contains("OpsAuthentication")).toList());
        }
        assertEquals(Map.of(401, 10, 429, 190), statuses, "10 refused, then throttled");
        assertEquals(429, ops.get("/api/status").status(), "the right password waits out the lockout too");
        assertEquals(429, ops.post("/api/resume").status());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> ops.get("/api/status").status() == 200);
        assertEquals(200, ops.get("/api/dead-letters/1").status());
        assertEquals(401, ops.as("ops", "guess").get("/api/status").status(), "a new window: counted again");
    }
}
