package io.github.mcsync.flow;

import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.PASSWORD;
import static io.github.mcsync.demo.coursesales.CourseSalesDemoData.USERNAME;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.LogCapture;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.StoredDocument;
import io.github.mcsync.demo.moodle.MoodleSimulator;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.feed.PollRun;
import io.github.mcsync.ops.OpsClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: what CourseSales failures do to the feed, end to end through the real routes and the ops API —
 * transient errors are retried without duplicates, a refused login halts the feed after one attempt,
 * permanent faults wait as dead letters until a replay, a lost response is resolved with FindDocuments.
 */
class FailureRecoveryTest {
    private static final List<String> OPERATIONS = List.of("GetForm", "GetProcess", "GetOptions", "GetCourseDates",
            "FindDocuments", "SubmitRegistration");

    @TempDir
    Path stateDir;
    SyncHarness sync;
    OpsClient ops;

    @AfterEach
    void stop() throws Exception {
        if (sync != null) {
            sync.close();
        }
    }

    private SyncHarness start(SyncHarness harness) throws Exception {
        sync = harness.start();
        ops = OpsClient.of(sync);
        return sync;
    }

    private List<String> enrolNewStudents(int n, String prefix) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder(prefix + i).firstname("Student").lastname(prefix + i)
                    .email(prefix + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
            keys.add("moodle:c2:u" + id);
        }
        return keys;
    }

    private int courseSalesCalls() {
        return OPERATIONS.stream().mapToInt(sync.courseSales::callCount).sum();
    }

    private void assertEveryDocumentOnce() {
        List<String> refs = sync.courseSales.documents().stream().map(StoredDocument::sourceReference).toList();
        assertEquals(refs.stream().distinct().count(), refs.size(), "no duplicate document: " + refs);
    }

    @Test
    void courseSalesAnswering503ForItsFirstCallsStillDeliversEverythingOnce() throws Exception {
        start(new SyncHarness(stateDir));
        sync.courseSales.failNextCalls(4, 503); // the first metadata call, three redeliveries of it, one more

        PollRun first = sync.poll();

        assertEquals("poll 1: 8 new, 8 sent, 0 dead-lettered", first.summary());
        assertEquals(4, sync.courseSales.callCount("GetForm") - 2, "4 refused GetForm calls, then registration and contact form");

        // the metadata is cached now: the next 503s hit SubmitRegistration and the FindDocuments that follow it
        List<String> later = enrolNewStudents(3, "late.");
        sync.courseSales.failNextCalls(3, 503);
        PollRun second = sync.poll();

        assertEquals("poll 2: 3 new, 3 sent, 0 dead-lettered", second.summary());
        assertEquals(11, sync.courseSales.documents().size());
        later.forEach(k -> assertEquals(1, sync.courseSales.documentCount(k), k));
        assertEveryDocumentOnce();
        assertEquals(List.of(), sync.deadLetters());
        assertEquals(0, ops.get("/api/status").json().get("inFlight").asInt());
    }

    @Test
    void aWrongPasswordHaltsTheFeedAfterOneFailedLoginAndTheRightOneLetsEverythingFlow() throws Exception {
        String wrong = "wrong-password-3f9d";
        start(new SyncHarness(stateDir).with("coursesales.password", wrong));

        PollRun first = sync.poll();

        assertEquals(1, sync.courseSales.failedLoginAttempts(), "exactly one failed login reaches CourseSales");
        assertFalse(sync.courseSales.isLocked());
        assertEquals("HALTED", first.outcome());
        assertTrue(first.summary().contains("feed halted: AUTHENTICATION_FAILED"), first.summary());
        assertEquals(0, sync.courseSales.documents().size());
        assertEquals(List.of(), sync.deadLetters(), "a systemic failure dead-letters nothing");
        assertEquals(List.of(), sync.doneKeys(), "every enrolment stays waiting at its source");

        int calls = courseSalesCalls();
        PollRun whileHalted = sync.poll();
        assertEquals(calls, courseSalesCalls(), "a halted feed makes no CourseSales call");
        assertEquals(0, whileHalted.freshCount());
        assertEquals(1, sync.courseSales.failedLoginAttempts());

        JsonNode status = ops.get("/api/status").json();
        assertEquals("HALTED", status.get("state").asText());
        assertTrue(status.get("haltedReason").asText().startsWith("AUTHENTICATION_FAILED"), status.toString());
        assertFalse(status.toString().contains(wrong));

        // the operator corrects coursesales.password and restarts (a restart with new configuration resumes)
        sync.with("coursesales.password", PASSWORD).restart();
        ops = OpsClient.of(sync);
        assertEquals("RUNNING", ops.get("/api/status").json().get("state").asText());
        PollRun afterFix = sync.poll();

        assertEquals("poll 1: 8 new, 8 sent, 0 dead-lettered", afterFix.summary());
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        assertFalse(sync.courseSales.isLocked());
    }

    @Test
    void aPasswordChangedInCourseSalesHaltsTheFeedUntilItIsFixedAndResumed() throws Exception {
        start(new SyncHarness(stateDir).with("moodle.courses", "2"));
        sync.poll();
        List<String> waiting = enrolNewStudents(2, "waiting.");
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        sync.poll(); // one dead letter, one delivered
        assertEquals(1, sync.deadLetters().size());

        sync.courseSales.setCredentials(USERNAME, "rotated-in-coursesales");
        List<String> newer = enrolNewStudents(2, "newer.");
        PollRun halted = sync.poll();
        assertEquals("HALTED", halted.outcome());
        assertEquals(1, sync.courseSales.failedLoginAttempts());

        int calls = courseSalesCalls();
        JsonNode refused = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json();
        assertEquals("FEED_HALTED", refused.get("outcomes").get(0).get("outcome").asText(), refused.toString());
        assertEquals(calls, courseSalesCalls(), "a replay while halted makes no CourseSales call");
        assertEquals("NEW", sync.deadLetters().get(0).get("STATUS"));

        sync.courseSales.setCredentials(USERNAME, PASSWORD); // the CourseSales administrator puts the password back
        JsonNode resumed = ops.post("/api/resume").json();
        assertEquals("RUNNING", resumed.get("state").asText());
        assertEquals(2, sync.poll().sentCount());
        assertEquals("DELIVERED", ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json()
                .get("outcomes").get(0).get("outcome").asText());
        Stream.concat(waiting.stream(), newer.stream()).forEach(k -> assertEquals(1, sync.courseSales.documentCount(k), k));
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        assertFalse(sync.courseSales.isLocked());
    }

    @Test
    void twentyFieldInactiveFaultsWaitAsDeadLettersAndOneBulkReplayDeliversThemOnce() throws Exception {
        start(new SyncHarness(stateDir).with("moodle.courses", "2"));
        sync.poll(); // the 3 PHYS101 students; the CourseSales metadata is cached from here on
        List<String> keys = enrolNewStudents(20, "field.");
        // the 20 SubmitRegistration calls; the metadata, fetched again after the first, still says the field is Active
        sync.courseSales.faultNextSubmissions(20, "FIELD_INACTIVE");

        PollRun run = sync.poll();

        assertEquals("poll 2: 20 new, 0 sent, 20 dead-lettered", run.summary());
        assertEquals(20, sync.deadLetters().size());
        assertEquals(20, ops.get("/api/dead-letters?reason=FIELD_INACTIVE&status=NEW").json().get("total").asInt());
        assertEquals(0, sync.poll().freshCount(), "dead letters wait for a replay");

        // the field is active again in CourseSales (the injected faults are used up)
        JsonNode replay = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json();

        assertEquals(20, replay.get("requested").asInt());
        assertEquals(20, replay.get("counts").get("DELIVERED").asInt(), replay.toString());
        assertEquals(23, sync.courseSales.documents().size());
        keys.forEach(k -> assertEquals(1, sync.courseSales.documentCount(k), k));
        assertEquals(20, ops.get("/api/dead-letters?status=REPLAYED").json().get("total").asInt());

        JsonNode again = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json();
        assertEquals(0, again.get("requested").asInt(), "nothing is waiting any more");
        JsonNode one = ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
        assertEquals("ALREADY_DELIVERED", one.get("outcome").asText());
        assertEquals(23, sync.courseSales.documents().size());
        assertEquals(0, sync.poll().freshCount());
        assertEquals(20, sync.deadLetters().size(), "replays update the rows, they add none");
    }

    @Test
    void aLostResponseIsResolvedWithFindDocumentsAndStoredOnce() throws Exception {
        start(new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.receive-timeout", "1s")
                .with("coursesales.unknown-outcome-grace", "0s"));
        sync.poll();
        String key = enrolNewStudents(1, "lost.").get(0);
        sync.courseSales.dropResponseAfterAccept(1);

        PollRun lost = sync.poll(); // no answer: neither looked up nor sent again within the receive time-out (+ grace)
        assertEquals("INTERRUPTED", lost.outcome(), lost.summary());
        assertEquals(0, sync.courseSales.callCount("FindDocuments"));
        assertEquals(1, ops.get("/api/status").json().get("inFlight").asInt());

        await().atMost(Duration.ofSeconds(10)).until(() -> sync.poll().sentCount() == 1);

        assertEquals(1, sync.courseSales.documentCount(key));
        assertEquals(1, sync.courseSales.callCount("SubmitRegistration") - 3);
        assertEquals(1, sync.courseSales.callCount("FindDocuments"));
        assertEquals("FOUND", sync.state().queryForObject("SELECT outcome FROM delivery WHERE source_reference = ?",
                String.class, key));
        assertEquals(0, ops.get("/api/status").json().get("inFlight").asInt());
        assertEquals(List.of(), sync.deadLetters());
    }

    @Test
    void aDeadLetterWhoseDocumentWasStoredAfterAllIsRecordedByTheNextPollNotSentAgain() throws Exception {
        start(new SyncHarness(stateDir).with("moodle.courses", "2").with("coursesales.retry.max-redeliveries", "0")
                .with("coursesales.receive-timeout", "1s").with("coursesales.unknown-outcome-grace", "0s"));
        sync.poll();
        String key = enrolNewStudents(1, "unknown.").get(0);
        sync.courseSales.faultNextSubmissions(1, "INVALID_VALUE");
        sync.poll();
        assertEquals("INVALID_VALUE", sync.deadLetters().get(0).get("REASON_CODE"));
        // a replay has no source to leave the record at: the lost answer makes it RETRIES_EXHAUSTED
        sync.courseSales.dropResponseAfterAccept(1);
        JsonNode failed = ops.post("/api/dead-letters/1/replay").json().get("outcomes").get(0);
        assertEquals("FAILED_AGAIN", failed.get("outcome").asText(), failed.toString());
        assertEquals("RETRIES_EXHAUSTED", sync.deadLetters().get(0).get("REASON_CODE"));
        assertEquals(1, ops.get("/api/status").json().get("inFlight").asInt(), "the outcome is not known");

        // the next poll that CourseSales answers throughout replays it by itself, once its outcome can be known
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sync.poll();
            return "REPLAYED".equals(sync.deadLetters().get(0).get("STATUS"));
        });

        String document = sync.courseSales.documents().stream().filter(d -> d.sourceReference().equals(key))
                .findFirst().orElseThrow().documentExternalId();
        assertEquals(document, sync.deadLetters().get(0).get("RESOLVED_DOCUMENT_ID"));
        assertEquals(1, sync.courseSales.documentCount(key));
        assertEquals(5, sync.courseSales.callCount("SubmitRegistration"), "3 first, 1 refused, 1 lost, none after");
        assertEquals(0, ops.get("/api/status").json().get("inFlight").asInt());
    }

    @Test
    void noLogLineDeadLetterOrApiAnswerCarriesAPasswordOrTheToken() throws Exception {
        String rotated = "rotated-secret-77aa";
        try (LogCapture log = new LogCapture()) {
            start(new SyncHarness(stateDir).with("moodle.courses", "2"));
            sync.courseSales.failNextCalls(1, 503);
            sync.poll();
            enrolNewStudents(2, "secret.");
            sync.courseSales.faultNextSubmissions(2, "FIELD_INACTIVE");
            sync.poll();
            enrolNewStudents(1, "dropped.");
            sync.courseSales.dropResponseAfterAccept(1);
            sync.poll();
            for (String[] e : new String[][] {{"GET", "/api/dead-letters"}, {"GET", "/api/dead-letters/1"},
                    {"POST", "/api/dead-letters/1/replay"}, {"POST", "/api/dead-letters/replay?reason=FIELD_INACTIVE"},
                    {"POST", "/api/dead-letters/2/discard"}, {"GET", "/api/status"}, {"POST", "/api/resume"},
                    {"GET", "/api/openapi.json"}, {"GET", "/api/dead-letters/99"}, {"GET", "/api/preflight"}}) {
                ops.send(e[0], e[1]);
                ops.as("ops", "not-" + SyncHarness.OPS_PASSWORD).send(e[0], e[1]);
            }
            sync.courseSales.setCredentials(USERNAME, rotated); // CourseSales refuses our password from now on
            enrolNewStudents(1, "refused.");
            sync.poll();
            ops.get("/api/status");
            sync.restart();
            ops.post("/api/resume"); // the halt is kept across the restart: an operator lifts it
            sync.moodle.setToken("another-token-0000"); // and Moodle refuses our token
            sync.poll();
            ops.get("/api/status");

            String basic = Base64.getEncoder().encodeToString(("ops:" + SyncHarness.OPS_PASSWORD).getBytes(StandardCharsets.UTF_8));
            String rows = sync.deadLetters().toString();
            assertTrue(rows.contains("FIELD_INACTIVE"), rows);
            for (String secret : List.of(PASSWORD, MoodleSimulator.DEMO_TOKEN, SyncHarness.OPS_PASSWORD, basic)) {
                assertFalse(log.all().contains(secret), "a log line carries " + secret);
                assertFalse(rows.contains(secret), "a dead letter carries " + secret);
                assertFalse(ops.everyAnswer().contains(secret), "an API answer carries " + secret);
            }
            assertTrue(ops.everyAnswer().contains("MOODLE_INVALIDTOKEN") || ops.everyAnswer().contains("invalidtoken"),
                    ops.everyAnswer());
        }
    }
}
