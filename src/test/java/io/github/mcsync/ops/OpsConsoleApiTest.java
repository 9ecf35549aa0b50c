package io.github.mcsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.MoodleFailure;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ops console needs of the ops API beyond the dead letters and status (counts per reason, a dead
 * letter's history, the run history), and how the console's files are served, through the real routes.
 */
class OpsConsoleApiTest {
    @TempDir
    Path stateDir;
    SyncHarness sync;
    OpsClient ops;

    @AfterEach
    void stop() throws Exception {
        sync.close();
    }

    private void startWithPhys101Delivered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        assertEquals(3, sync.poll().sentCount());
    }

    private long enrolNewStudent(String username, String email) {
        long id = sync.moodle.addUser(SimulatedUser.builder(username).firstname("First " + username).lastname("Last")
                .email(email).build());
        sync.moodle.enrol(2, id, "student");
        return id;
    }

    private void deadLetter(int n, String code) {
        for (int i = 0; i < n; i++) {
            enrolNewStudent(code.toLowerCase() + "." + i, code.toLowerCase() + "." + i + "@example.com");
        }
        sync.courseSales.faultNextSubmissions(n, code);
        assertEquals(n, sync.poll().deadLetteredCount());
    }

    private long idOf(String reasonCode, int nth) {
        return sync.deadLetters().stream().filter(r -> reasonCode.equals(r.get("REASON_CODE")))
                .map(r -> ((Number) r.get("ID")).longValue()).toList().get(nth);
    }

    @Test
    void reasonsCountEachReasonByStatusWithItsOperatorSentence() throws Exception {
        startWithPhys101Delivered();
        assertEquals(0, ops.get("/api/dead-letter-reasons").json().get("reasons").size(), "an empty store has no reasons");
        deadLetter(2, "FIELD_INACTIVE");
        deadLetter(1, "FORM_INACTIVE");
        enrolNewStudent("no.mail", null);
        assertEquals(1, sync.poll().deadLetteredCount());
        assertEquals(200, ops.post("/api/dead-letters/" + idOf("FIELD_INACTIVE", 0) + "/replay").status());
        assertEquals(200, ops.post("/api/dead-letters/" + idOf("FORM_INACTIVE", 0) + "/discard").status());

        JsonNode reasons = ops.get("/api/dead-letter-reasons").json().get("reasons");

        assertEquals(List.of("FIELD_INACTIVE", "FORM_INACTIVE", "MISSING_REQUIRED_VALUE"), codes(reasons));
        assertEquals(2, reasons.get(0).get("total").asInt());
        assertEquals(1, reasons.get(0).get("byStatus").get("NEW").asInt());
        assertEquals(1, reasons.get(0).get("byStatus").get("REPLAYED").asInt());
        assertEquals(1, reasons.get(1).get("byStatus").get("DISCARDED").asInt());
        assertFalse(reasons.get(1).get("byStatus").has("NEW"));
        assertTrue(reasons.get(2).get("advice").asText().contains("fill it in the Moodle user's profile"), reasons.toString());
        assertTrue(reasons.get(0).get("advice").asText().contains("set the field Active on the form in CourseSales"),
                "CourseSales' own codes have their operator sentence too: " + reasons);
    }

    private static List<String> codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.get("reasonCode").asText()));
        return codes;
    }

    @Test
    void historyTellsEveryFailureReplayAndDiscardOldestFirst() throws Exception {
        sync = new SyncHarness(stateDir);
        long chem = sync.moodle.addCourse("CHEM101", "Chemistry", "CHEM101", 4, true);
        long user = sync.moodle.addUser(SimulatedUser.builder("new.chemist").firstname("Marie").lastname("Curie")
                .email("marie@example.com").build());
        sync.moodle.enrol(chem, user, "student");
        sync.start();
        ops = OpsClient.of(sync);
        assertEquals(1, sync.poll().deadLetteredCount());
        deadLetter(1, "FIELD_INACTIVE");
        long replayed = idOf("UNMAPPED_COURSE", 0);
        long discarded = idOf("FIELD_INACTIVE", 0);

        JsonNode again = ops.post("/api/dead-letters/" + replayed + "/replay").json();
        assertEquals("FAILED_AGAIN", again.get("outcomes").get(0).get("outcome").asText(), again.toString());
        sync.courseSales.addCourseDate(9100, "Chemistry — 2027", "CHEM101-2027", (int) chem,
                CourseSalesDemoData.CATEGORY_PHYSICS);
        JsonNode delivered = ops.post("/api/dead-letters/" + replayed + "/replay").json();
        assertEquals("DELIVERED", delivered.get("outcomes").get(0).get("outcome").asText(), delivered.toString());
        String document = delivered.get("outcomes").get(0).get("documentId").asText();
        ops.post("/api/dead-letters/" + discarded + "/discard");

        JsonNode h = ops.get("/api/dead-letters/" + replayed + "/history").json();
        assertEquals(replayed, h.get("id").asLong());
        assertEquals("moodle:c" + chem + ":u" + user, h.get("sourceReference").asText());
        assertEquals(List.of("FAILED UNMAPPED_COURSE", "REPLAY_REQUESTED", "FAILED UNMAPPED_COURSE", "REPLAY_REQUESTED",
                "REPLAYED"), events(h));
        JsonNode last = h.get("events").get(4);
        assertEquals("CourseSales document " + document, last.get("detail").asText());
        assertTrue(h.get("events").get(0).get("at").asText().endsWith("Z"));
        assertFalse(h.get("events").get(0).get("detail").asText().isBlank(), "a failure keeps its reason text");

        assertEquals(List.of("FAILED FIELD_INACTIVE", "DISCARDED"),
                events(ops.get("/api/dead-letters/" + discarded + "/history").json()));

        Answer missing = ops.get("/api/dead-letters/999/history");
        assertEquals(404, missing.status());
        assertEquals("no dead letter 999", missing.json().get("error").asText());
    }

    @Test
    void aReplayCutOffByAStopIsInTheHistory() throws Exception {
        startWithPhys101Delivered();
        deadLetter(1, "FIELD_INACTIVE");
        long id = idOf("FIELD_INACTIVE", 0);
        sync.state().update("UPDATE dead_letter SET status = 'REPLAY_REQUESTED' WHERE id = ?", id); // as a stop mid-replay leaves it
        sync.restart();
        assertEquals(List.of("FAILED FIELD_INACTIVE", "REOPENED"), events(ops.get("/api/dead-letters/" + id + "/history").json()));
        assertEquals("the replay was cut off by a stop",
                ops.get("/api/dead-letters/" + id + "/history").json().get("events").get(1).get("detail").asText());
    }

    private static List<String> events(JsonNode history) {
        List<String> events = new ArrayList<>();
        history.get("events").forEach(e -> events.add(e.get("event").asText()
                + (e.has("reasonCode") ? " " + e.get("reasonCode").asText() : "")));
        return events;
    }

    @Test
    void runHistoryKeepsTheLastPollsNewestFirstAcrossRestarts() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").with("ops.poll-history", "3").start();
        ops = OpsClient.of(sync);
        assertEquals(0, ops.get("/api/polls").json().get("polls").size());
        sync.poll(); // 3 sent
        enrolNewStudent("second.poll", "second@example.com");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        sync.poll(); // 1 dead-lettered
        sync.moodle.failNext(1, MoodleFailure.HTTP_500);
        sync.poll(); // failed
        sync.restart();
        sync.poll(); // nothing new; poll 1 of the new process

        JsonNode answer = ops.get("/api/polls").json();
        assertEquals(3, answer.get("kept").asInt());
        JsonNode polls = answer.get("polls");
        assertEquals(3, polls.size(), "only the last ops.poll-history polls are kept");
        assertEquals("OK", polls.get(0).get("outcome").asText());
        assertEquals(1, polls.get(0).get("number").asInt(), "numbered per process");
        assertEquals("FAILED", polls.get(1).get("outcome").asText());
        assertTrue(polls.get(1).get("failure").asText().contains("500"), polls.get(1).toString());
        JsonNode dead = polls.get(2);
        assertEquals("DEAD_LETTERS", dead.get("outcome").asText());
        assertEquals(2, dead.get("number").asInt());
        assertEquals(4, dead.get("found").asInt());
        assertEquals(1, dead.get("fresh").asInt());
        assertEquals(0, dead.get("sent").asInt());
        assertEquals(1, dead.get("deadLettered").asInt());
        assertEquals("poll 2: 1 new, 0 sent, 1 dead-lettered", dead.get("summary").asText());
        assertTrue(dead.get("durationMillis").asLong() >= 0);
        assertTrue(dead.get("finishedAt").asText().compareTo(dead.get("startedAt").asText()) >= 0, dead.toString());

        assertEquals(1, polls.get(0).get("waiting").asInt(), "the dead-lettered enrolment waits for its replay");
        assertEquals(1, ops.get("/api/polls?limit=1").json().get("polls").size());
        assertEquals(400, ops.get("/api/polls?limit=4").status(), "no more than are kept");
        assertEquals(400, ops.get("/api/polls?limit=0").status());
    }

    @Test
    void runHistoryGivesEachCourseItsNewSentAndDeadLetteredAndAHaltedRecordIsNotNew() throws Exception {
        sync = new SyncHarness(stateDir).start(); // PHYS101 (3), PHYS301 (2), FR-101 (3)
        ops = OpsClient.of(sync);
        sync.poll();
        long phys = sync.moodle.addUser(SimulatedUser.builder("phys.new").firstname("P").lastname("New").email("p@example.com").build());
        sync.moodle.enrol(2, phys, "student");
        long noMail = sync.moodle.addUser(SimulatedUser.builder("fr.nomail").firstname("F").lastname("Nomail").build());
        sync.moodle.enrol(4, noMail, "student");
        sync.poll(); // PHYS101: 1 new, 1 sent; FR-101: 1 new, 1 dead-lettered; PHYS301: nothing new

        JsonNode polls = ops.get("/api/polls").json().get("polls");

        assertEquals(List.of("4 FR-101 1/0/1", "2 PHYS101 1/1/0"), courses(polls.get(0)), "in the order Moodle lists them");
        assertEquals(List.of("4 FR-101 3/3/0", "2 PHYS101 3/3/0", "3 PHYS301 2/2/0"), courses(polls.get(1)),
                "the first poll's courses, in the order the poll met them");
        // a record the feed halts before stays at its source: it is not new in its course
        sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, "changed-in-coursesales");
        long waits = sync.moodle.addUser(SimulatedUser.builder("waits").firstname("W").lastname("Aits").email("w@example.com").build());
        sync.moodle.enrol(3, waits, "student");
        sync.poll();
        JsonNode halted = ops.get("/api/polls?limit=1").json().get("polls").get(0);
        assertEquals("HALTED", halted.get("outcome").asText());
        assertEquals(List.of(), courses(halted), halted.toString());
    }

    /** "courseId shortname new/sent/deadLettered" per course of one poll. */
    private static List<String> courses(JsonNode poll) {
        List<String> out = new ArrayList<>();
        poll.get("courses").forEach(c -> out.add(c.get("courseId").asInt() + " " + c.get("shortname").asText() + " "
                + c.get("fresh").asInt() + "/" + c.get("sent").asInt() + "/" + c.get("deadLettered").asInt()));
        return out;
    }

    @Test
    void theConsoleFilesAreServedWithStrictSecurityHeadersAndNothingElse() throws Exception {
        startWithPhys101Delivered();
        OpsClient anyone = ops.as(null, null);

        Answer page = anyone.get("/ops/");
        assertEquals(200, page.status(), page.toString());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"console.js\"></script>"), page.body());
        String csp = page.header("Content-Security-Policy");
        for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'", "form-action 'none'", "base-uri 'none'", "require-trusted-types-for 'script'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertFalse(page.body().contains(SyncHarness.OPS_PASSWORD), "the files hold no data and no secret");

        assertEquals("text/javascript; charset=utf-8", anyone.get("/ops/console.js").header("Content-Type"));
        assertEquals("text/css; charset=utf-8", anyone.get("/ops/console.css").header("Content-Type"));
        assertEquals("image/svg+xml", anyone.get("/ops/icon.svg").header("Content-Type"));
        assertEquals(page.body(), anyone.get("/ops/index.html").body());

        Answer redirect = anyone.get("/ops");
        assertEquals(308, redirect.status());
        assertEquals("/ops/", redirect.header("Location"));

        for (String path : List.of("/ops/nothing.js", "/ops/Console.js", "/ops/ops-console/index.html",
                "/ops/db/migration/V1__state.sql", "/ops/logback.xml", "/ops/console.js.map", "/opsx")) {
            Answer a = anyone.get(path);
            assertEquals(404, a.status(), a.toString());
            assertEquals("nosniff", a.header("X-Content-Type-Options"), a.toString());
        }
        // a path that leaves /ops/ once normalised is not the console's: the HTTP server answers 404 itself
        for (String path : List.of("/ops/../application.properties", "/ops/%2e%2e/application.properties",
                "/ops/..%2fapplication.properties")) {
            Answer a = anyone.get(path);
            assertEquals(404, a.status(), a.toString());
            assertFalse(a.body().contains("ops.port"), a.toString());
        }

        Answer echo = anyone.get("/ops/?Set-Cookie=a%3Db&Access-Control-Allow-Origin=*&Location=http://evil.example/");
        assertEquals(200, echo.status());
        assertNull(echo.header("Set-Cookie"), "query parameters never become response headers");
        assertNull(echo.header("Access-Control-Allow-Origin"));
        assertNull(echo.header("Location"));

        assertTrue(anyone.post("/ops/").status() >= 400, "the files are read, not posted to");
        assertEquals(401, anyone.get("/api/status").status(), "the data stays behind the ops login");
    }
}
