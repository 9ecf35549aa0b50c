package io.github.mcsync.ops;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.CATEGORY_PHYSICS;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.REGISTRATION_FORM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient.Answer;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops HTTP API against the real routes: authentication on every endpoint, dead letters, status, resume. */
class OpsApiTest {
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/dead-letters"},
            new String[] {"GET", "/api/dead-letters/1"},
            new String[] {"POST", "/api/dead-letters/1/replay"},
            new String[] {"POST", "/api/dead-letters/replay?reason=FIELD_INACTIVE"},
            new String[] {"POST", "/api/dead-letters/1/discard"},
            new String[] {"GET", "/api/status"},
            new String[] {"GET", "/api/preflight"},
            new String[] {"GET", "/api/preview"},
            new String[] {"POST", "/api/resume"},
            new String[] {"GET", "/api/openapi.json"},
            // the ops console's (routes/ops-api.camel.yaml, rest opsConsoleApi)
            new String[] {"GET", "/api/dead-letter-reasons"},
            new String[] {"GET", "/api/dead-letters/1/history"},
            new String[] {"GET", "/api/polls"});

    @TempDir
    Path stateDir;
    SyncHarness sync;
    OpsClient ops;

    @AfterEach
    void stop() throws Exception {
        sync.close();
    }

    /** PHYS101 only; the first poll delivers its 3 students (and caches the CourseSales metadata). */
    private void startWithPhys101Delivered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
    }

    private long enrolNewStudent(String username) {
        long id = sync.moodle.addUser(SimulatedUser.builder(username).firstname("First " + username)
                .lastname("Last").email(username + "@example.com").build());
        sync.moodle.enrol(2, id, "student");
        return id;
    }

    /** n new PHYS101 students whose SubmitRegistration CourseSales refuses with this fault code. */
    private void deadLetter(int n, String code) {
        for (int i = 0; i < n; i++) {
            enrolNewStudent(code.toLowerCase() + "." + i);
        }
        sync.courseSales.faultNextSubmissions(n, code);
        assertEquals(n, sync.poll().deadLetteredCount());
    }

    private long firstDeadLetterId() {
        return ((Number) sync.deadLetters().get(0).get("ID")).longValue();
    }

    @Test
    void everyEndpointAnswers401WithoutTheRightCredentials() throws Exception {
        startWithPhys101Delivered();
        deadLetter(1, "FIELD_INACTIVE");
        assertEquals(1, firstDeadLetterId());
        // the list above is every REST route there is (an interceptFrom only covers the routes of its own file)
        assertEquals(ENDPOINTS.stream().map(e -> e[0] + " " + e[1].replaceAll("\\?.*", "")).sorted().toList(),
                sync.app().context().getRoutes().stream().map(r -> r.getEndpoint().getEndpointUri())
                        .filter(u -> u.startsWith("rest")).map(OpsApiTest::request).sorted().toList());
        List<OpsClient> refused = List.of(ops.as(null, null), ops.as("ops", "wrong-password"),
                ops.as("admin", SyncHarness.OPS_PASSWORD), ops.as("ops", ""), ops.withAuthorization("Bearer abc"),
                ops.withAuthorization("Basic not-base64!"), ops.withAuthorization("Basic"));
        for (String[] e : ENDPOINTS) {
            for (OpsClient client : refused) {
                Answer a = client.send(e[0], e[1]);
                assertEquals(401, a.status(), a.toString());
                assertEquals("Basic realm=\"moodle-coursesales-sync\"", a.header("WWW-Authenticate"), a.toString());
                assertTrue(a.json().get("error").asText().startsWith("authentication required"), a.toString());
                assertNull(a.header("Authorization"), "the credentials are never echoed: " + a);
            }
            Answer ok = ops.send(e[0], e[1]);
            assertNotEquals(401, ok.status(), ok.toString());
            assertNull(ok.header("Authorization"), "the credentials are never echoed: " + ok);
        }
        // the refused requests changed nothing: the authorised replay delivered the dead letter once
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + sync.deadLetters().get(0).get("SOURCE_REFERENCE")
                .toString().substring("moodle:c2:u".length())));
        assertEquals("REPLAYED", sync.deadLetters().get(0).get("STATUS"));
    }

    /** "GET /api/dead-letters/1" for rest://get:/api:/dead-letters/%7Bid%7D?..., "GET /api/openapi.json" for rest-api:... */
    private static String request(String endpointUri) {
        String uri = URLDecoder.decode(endpointUri.replaceAll("\\?.*", ""), StandardCharsets.UTF_8);
        if (uri.startsWith("rest-api:")) {
            return "GET " + uri.substring("rest-api:".length()).replaceFirst("^/+", "/");
        }
        String[] parts = uri.substring("rest://".length()).split(":", 3);
        return parts[0].toUpperCase() + " " + parts[1] + parts[2].replace("{id}", "1");
    }

    @Test
    void withoutAnOpsPasswordEveryRequestIsRefused() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").without("ops.password").start();
        ops = OpsClient.of(sync);
        for (String[] e : ENDPOINTS) {
            for (OpsClient client : List.of(ops, ops.as("ops", ""), ops.as("ops", "null"), ops.as(null, null))) {
                assertEquals(401, client.send(e[0], e[1]).status(), e[0] + " " + e[1]);
            }
        }
    }

    @Test
    void withoutTheHttpServerThereIsNoOpsApiAndTheFeedStillRuns() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("camel.server.enabled", "false")
                .with("camel.main.routes-exclude-pattern", "**/ops-api.camel.*").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
        assertThrows(UncheckedIOException.class, () -> ops.get("/api/status"), "nothing listens on ops.port");
    }

    @Test
    void listFiltersByStatusAndReasonAPageAtATime() throws Exception {
        startWithPhys101Delivered();
        deadLetter(3, "FIELD_INACTIVE");
        deadLetter(2, "FORM_INACTIVE");

        JsonNode all = ops.get("/api/dead-letters").json();
        assertEquals(5, all.get("total").asInt());
        assertEquals(50, all.get("limit").asInt());
        assertEquals(5, all.get("items").size());
        JsonNode first = all.get("items").get(0);
        assertEquals("FIELD_INACTIVE", first.get("reasonCode").asText());
        assertEquals("NEW", first.get("status").asText());
        assertEquals("send", first.get("stage").asText());
        assertEquals(1, first.get("attempts").asInt());
        assertFalse(first.has("enrolment"), "a page lists rows, not their enrolments");

        assertEquals(3, ops.get("/api/dead-letters?reason=FIELD_INACTIVE").json().get("total").asInt());
        assertEquals(2, ops.get("/api/dead-letters?reason=form_inactive&status=new").json().get("items").size());
        assertEquals(0, ops.get("/api/dead-letters?status=REPLAYED").json().get("total").asInt());

        JsonNode page2 = ops.get("/api/dead-letters?limit=2&offset=2").json();
        assertEquals(5, page2.get("total").asInt());
        assertEquals(List.of(3L, 4L), ids(page2));
        assertEquals(List.of(5L), ids(ops.get("/api/dead-letters?limit=2&offset=4").json()));

        assertEquals(400, ops.get("/api/dead-letters?status=LOST").status());
        assertEquals(400, ops.get("/api/dead-letters?limit=0").status());
        assertEquals(400, ops.get("/api/dead-letters?limit=501").status());
        assertEquals(400, ops.get("/api/dead-letters?offset=-1").status());
        assertTrue(ops.get("/api/dead-letters?limit=x").json().get("error").asText().contains("limit"));
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void showAnswersOneDeadLetterWithItsEnrolment() throws Exception {
        startWithPhys101Delivered();
        long user = enrolNewStudent("shown.one");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        sync.poll();

        Answer a = ops.get("/api/dead-letters/" + firstDeadLetterId());
        assertEquals(200, a.status(), a.toString());
        assertTrue(a.header("Content-Type").startsWith("application/json"), a.header("Content-Type"));
        JsonNode d = a.json();
        assertEquals("moodle:c2:u" + user, d.get("sourceReference").asText());
        assertEquals("FIELD_INACTIVE", d.get("reasonCode").asText());
        assertEquals("First shown.one", d.get("enrolment").get("firstName").asText());
        assertEquals(user, d.get("enrolment").get("userId").asLong());
        assertTrue(d.get("firstFailureAt").asText().endsWith("Z"), d.toString());

        Answer missing = ops.get("/api/dead-letters/999");
        assertEquals(404, missing.status());
        assertEquals("no dead letter 999", missing.json().get("error").asText());
        assertEquals(404, ops.get("/api/dead-letters/abc").status());
        assertEquals(404, ops.post("/api/dead-letters/999/replay").status());
        assertEquals(404, ops.post("/api/dead-letters/999/discard").status());
    }

    @Test
    void aRecordRefusedForAnUnpublishedFormPausesTheFeedAndGoesThroughOnceItIsPublished() throws Exception {
        startWithPhys101Delivered(); // the cached metadata says the form is published
        long user = enrolNewStudent("form.waiter");
        sync.courseSales.setFormPublished(REGISTRATION_FORM_ID, false);
        sync.poll();
        // CourseSales refused it FORM_NOT_PUBLISHED; the metadata fetched again shows it: a pause, not a dead letter
        assertEquals(List.of(), sync.deadLetters());
        JsonNode status = ops.get("/api/status").json();
        assertEquals("PAUSED", status.get("state").asText(), status.toString());
        assertTrue(status.get("haltedReason").asText().contains("published"), status.toString());

        sync.courseSales.setFormPublished(REGISTRATION_FORM_ID, true);
        sync.app().context().getRegistry().lookupByNameAndType("metadataCache",
                io.github.mcsync.coursesales.MetadataCache.class).invalidate(); // or wait for coursesales.metadata.ttl
        assertEquals(1, sync.poll().sentCount());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + user));
        assertEquals("RUNNING", ops.get("/api/status").json().get("state").asText());
    }

    @Test
    void preflightAnswersTheChecklist() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        JsonNode report = ops.get("/api/preflight").json();
        assertTrue(report.get("passed").asBoolean(), report.toString());
        assertTrue(report.get("checks").size() > 3, report.toString());
        assertEquals("PASS", report.get("checks").get(0).get("status").asText());
    }

    @Test
    void aReplayReadsFreshCourseSalesMetadataAndAFailureAgainUpdatesTheSameRow() throws Exception {
        sync = new SyncHarness(stateDir);
        long chem = sync.moodle.addCourse("CHEM101", "Chemistry", "CHEM101", 4, true);
        long user = sync.moodle.addUser(SimulatedUser.builder("new.chemist").firstname("Marie").lastname("Curie")
                .email("marie@example.com").build());
        sync.moodle.enrol(chem, user, "student");
        sync.start();
        ops = OpsClient.of(sync);
        PollRun run = sync.poll();
        assertEquals(1, run.deadLetteredCount(), run.summary());
        assertEquals("UNMAPPED_COURSE", sync.deadLetters().get(0).get("REASON_CODE"));
        assertTrue(ops.get("/api/dead-letters/1").json().get("advice").asText().contains("Moodle Id"));

        // replayed before the cause is fixed: it fails again, on its own row
        JsonNode failed = ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
        assertEquals("FAILED_AGAIN", failed.get("outcome").asText(), failed.toString());
        assertEquals("UNMAPPED_COURSE", failed.get("reasonCode").asText());
        assertEquals(1, sync.deadLetters().size(), "a record failing again updates its own row");
        assertEquals(2, sync.deadLetters().get(0).get("ATTEMPTS"));
        assertEquals("NEW", sync.deadLetters().get(0).get("STATUS"));
        assertEquals(2, ops.get("/api/status").json().get("deadLettered").asInt());

        // the course date is added in CourseSales; the cached metadata (coursesales.metadata.ttl 5m) does not know it
        sync.courseSales.addCourseDate(9100, "Chemistry — 2027", "CHEM101-2027", (int) chem, CATEGORY_PHYSICS);
        JsonNode outcome = ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
        assertEquals("DELIVERED", outcome.get("outcome").asText(), outcome.toString());
        assertEquals(1, sync.courseSales.documentCount("moodle:c" + chem + ":u" + user));
        assertEquals(2, sync.deadLetters().get(0).get("ATTEMPTS"), "two failed attempts, delivered on the third");
        assertEquals("REPLAYED", sync.deadLetters().get(0).get("STATUS"));
    }

    @Test
    void aDiscardedDeadLetterIsNeverSent() throws Exception {
        startWithPhys101Delivered();
        long user = enrolNewStudent("not.wanted");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        sync.poll();
        long id = firstDeadLetterId();

        Answer discarded = ops.post("/api/dead-letters/" + id + "/discard");
        assertEquals(200, discarded.status(), discarded.toString());
        assertEquals("DISCARDED", discarded.json().get("status").asText());
        assertEquals(200, ops.post("/api/dead-letters/" + id + "/discard").status(), "discarding twice is harmless");
        assertTrue(sync.doneKeys().contains("moodle:c2:u" + user), "a discarded key is done");
        assertEquals("DISCARDED", sync.state().queryForObject(
                "SELECT outcome FROM delivery WHERE source_reference = ?", String.class, "moodle:c2:u" + user));

        assertEquals(0, sync.poll().freshCount(), "no poll sends a discarded record");
        JsonNode replay = ops.post("/api/dead-letters/" + id + "/replay").json().get("outcomes").get(0);
        assertEquals("DISCARDED", replay.get("outcome").asText(), "a discarded dead letter is not replayed");
        assertEquals(0, sync.courseSales.documentCount("moodle:c2:u" + user));
        assertEquals(1, ops.get("/api/dead-letters?status=DISCARDED").json().get("total").asInt());
    }

    @Test
    void aDeliveredDeadLetterCannotBeDiscarded() throws Exception {
        startWithPhys101Delivered();
        deadLetter(1, "FIELD_INACTIVE");
        long id = firstDeadLetterId();
        ops.post("/api/dead-letters/" + id + "/replay");
        Answer conflict = ops.post("/api/dead-letters/" + id + "/discard");
        assertEquals(409, conflict.status(), conflict.toString());
        assertTrue(conflict.json().get("error").asText().contains("is REPLAYED"), conflict.toString());
    }

    @Test
    void bulkReplayNeedsAReason() throws Exception {
        startWithPhys101Delivered();
        Answer a = ops.post("/api/dead-letters/replay");
        assertEquals(400, a.status(), a.toString());
        assertTrue(a.json().get("error").asText().contains("reason is required"));
        JsonNode none = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json();
        assertEquals(0, none.get("requested").asInt());
    }

    @Test
    void statusShowsTheLastPollTotalsAndHaltingAndResumeRestartsTheFeed() throws Exception {
        startWithPhys101Delivered();
        deadLetter(1, "FIELD_INACTIVE");

        JsonNode s = ops.get("/api/status").json();
        assertEquals("RUNNING", s.get("state").asText());
        assertTrue(s.get("haltedReason").isNull());
        assertEquals(2, s.get("lastPoll").get("number").asInt());
        assertEquals("DEAD_LETTERS", s.get("lastPoll").get("outcome").asText());
        assertEquals("poll 2: 1 new, 0 sent, 1 dead-lettered", s.get("lastPoll").get("summary").asText());
        assertTrue(s.get("lastPoll").get("startedAt").asText().endsWith("Z"));
        assertEquals(3, s.get("sent").asInt());
        assertEquals(1, s.get("deadLettered").asInt());
        assertEquals(0, s.get("inFlight").asInt());
        assertEquals(Map.of("NEW", 1, "REPLAY_REQUESTED", 0, "REPLAYED", 0, "DISCARDED", 0), counts(s.get("deadLetters")));
        assertEquals(HealthCheck.State.UP, feedHealth());

        ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE");
        JsonNode afterReplay = ops.get("/api/status").json();
        assertEquals(4, afterReplay.get("sent").asInt(), "replays count in the totals");
        assertEquals(1, afterReplay.get("deadLetters").get("REPLAYED").asInt());

        FeedControl feed = sync.app().context().getRegistry().lookupByNameAndType("feedControl", FeedControl.class);
        feed.haltCourseSales("AUTHENTICATION_FAILED", "AUTHENTICATION_FAILED: test");
        JsonNode halted = ops.get("/api/status").json();
        assertEquals("HALTED", halted.get("state").asText());
        assertEquals("AUTHENTICATION_FAILED: test", halted.get("haltedReason").asText());
        assertEquals(HealthCheck.State.DOWN, feedHealth());
        assertTrue(HealthCheckHelper.invokeReadiness(sync.app().context()).stream()
                .anyMatch(r -> r.getCheck().getId().equals("feed") && r.getMessage().orElse("").contains("AUTHENTICATION_FAILED: test")),
                "readiness says why the feed is halted");

        JsonNode resumed = ops.post("/api/resume").json();
        assertEquals("RUNNING", resumed.get("state").asText());
        assertTrue(resumed.get("haltedReason").isNull());
        assertEquals(HealthCheck.State.UP, feedHealth());
    }

    private HealthCheck.State feedHealth() {
        HealthCheck.Result result = HealthCheckHelper.invoke(sync.app().context(), "feed", Map.of())
                .orElseThrow(() -> new AssertionError("no health check 'feed'"));
        assertTrue(result.getCheck().isReadiness() && !result.getCheck().isLiveness(), "a readiness check only");
        return result.getState();
    }

    private static Map<String, Integer> counts(JsonNode n) {
        Map<String, Integer> m = new java.util.HashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        Answer a = ops.get("/api/openapi.json");
        assertEquals(200, a.status(), a.toString());
        JsonNode doc = a.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."), doc.toString());
        JsonNode paths = doc.get("paths");
        for (String[] p : List.of(new String[] {"/api/dead-letters", "get"}, new String[] {"/api/dead-letters/{id}", "get"},
                new String[] {"/api/dead-letters/{id}/replay", "post"}, new String[] {"/api/dead-letters/replay", "post"},
                new String[] {"/api/dead-letters/{id}/discard", "post"}, new String[] {"/api/status", "get"},
                new String[] {"/api/preflight", "get"},
                new String[] {"/api/resume", "post"}, new String[] {"/api/dead-letter-reasons", "get"},
                new String[] {"/api/dead-letters/{id}/history", "get"}, new String[] {"/api/polls", "get"})) {
            assertTrue(paths.has(p[0]) && paths.get(p[0]).has(p[1]), p[1] + " " + p[0] + " in " + paths);
        }
        assertEquals("basic", doc.get("components").get("securitySchemes").get("basicAuth").get("scheme").asText());
    }
}
