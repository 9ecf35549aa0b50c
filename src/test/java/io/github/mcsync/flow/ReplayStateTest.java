package io.github.mcsync.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.moodle.SimulatedUser;
import io.github.mcsync.ops.OpsClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, item 14: replay state can never stick. A replay that fails outside the record's own error handling reopens
 * its row at once; rows left REPLAY_REQUESTED by a crash are reopened at start, and while the service runs once they
 * are older than replay.reopen-after; a bulk replay takes at most its limit (default 100, at most 500).
 */
class ReplayStateTest extends FlowTestSupport {
    private OpsClient ops;

    /** PHYS101 after a first poll, then {@code n} new students whose registration CourseSales refuses (FIELD_INACTIVE). */
    private List<String> deadLettered(SyncHarness harness, int n) throws Exception {
        sync = harness.with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        sync.poll();
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = sync.moodle.addUser(SimulatedUser.builder("state." + i).firstname("State").lastname("S" + i)
                    .email("state." + i + "@example.com").build());
            sync.moodle.enrol(2, id, "student");
            keys.add("moodle:c2:u" + id);
        }
        sync.courseSales.faultNextSubmissions(n, "FIELD_INACTIVE");
        assertEquals(n, sync.poll().deadLetteredCount());
        return keys;
    }

    private String status(long id) {
        return sync.state().queryForObject("SELECT status FROM dead_letter WHERE id = ?", String.class, id);
    }

    private List<String> history(long id) {
        return sync.state().queryForList("SELECT event || ': ' || COALESCE(detail, '') FROM dead_letter_event"
                + " WHERE dead_letter_id = ? ORDER BY id", String.class, id);
    }

    private JsonNode replay(long id) {
        return ops.post("/api/dead-letters/" + id + "/replay").json().get("outcomes").get(0);
    }

    @Test
    void aReplayThatFailsOutsideTheRecordsErrorHandlingReopensItsRowAtOnce() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        ops = OpsClient.of(sync);
        long student = sync.moodle.addUser(SimulatedUser.builder("no.mail").firstname("No").lastname("Mail").build());
        sync.moodle.enrol(2, student, "student");
        assertEquals(1, sync.poll().deadLetteredCount()); // MISSING_REQUIRED_VALUE: no email
        // the record fails again (still no email), and the state database then refuses to record that failure (a full
        // disk, a lost connection): the record's own error handling fails; the replay must not leave the row stuck
        sync.state().execute("ALTER TABLE dead_letter_event ADD CONSTRAINT refuse_failures CHECK (event <> 'FAILED') NOCHECK");

        JsonNode outcome = replay(1);

        assertEquals("INTERRUPTED", outcome.get("outcome").asText(), outcome.toString());
        assertTrue(outcome.get("reasonText").asText().startsWith("the replay failed: "), outcome.toString());
        assertEquals("NEW", status(1), "reopened at once, not REPLAY_REQUESTED until a restart");
        List<String> events = history(1);
        assertTrue(events.get(events.size() - 1).startsWith("REOPENED: the replay failed"), events.toString());

        sync.state().execute("ALTER TABLE dead_letter_event DROP CONSTRAINT refuse_failures");
        sync.moodle.updateUser(student, SimulatedUser.builder("no.mail").firstname("No").lastname("Mail")
                .email("no.mail@example.edu").build());
        assertEquals("DELIVERED", replay(1).get("outcome").asText());
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + student));
    }

    @Test
    void aRowLeftReplayRequestedByACrashIsReopenedAtStart() throws Exception {
        String key = deadLettered(new SyncHarness(stateDir), 1).get(0);
        sync.app().stop();
        // the crash: the process died while it replayed dead letter 1
        JdbcDataSource file = new JdbcDataSource();
        file.setURL(sync.properties().get("state.jdbc-url"));
        new JdbcTemplate(file).update("UPDATE dead_letter SET status = 'REPLAY_REQUESTED', replay_requested_at = ?"
                + " WHERE id = 1", Timestamp.from(Instant.now()));

        sync.start();
        ops = OpsClient.of(sync);

        assertEquals("NEW", status(1));
        List<String> events = history(1);
        assertEquals("REOPENED: the replay was cut off by a stop", events.get(events.size() - 1));
        assertEquals("DELIVERED", replay(1).get("outcome").asText());
        assertEquals(1, sync.courseSales.documentCount(key));
    }

    @Test
    void aRowLeftReplayRequestedWhileTheServiceRunsIsReopenedOnceOlderThanReopenAfter() throws Exception {
        String key = deadLettered(new SyncHarness(stateDir).with("replay.reopen-after", "2s")
                .with("replay.reopen-check", "1s"), 1).get(0);
        // another instance sharing the state database crashed while it replayed dead letter 1
        sync.state().update("UPDATE dead_letter SET status = 'REPLAY_REQUESTED', replay_requested_at = ? WHERE id = 1",
                Timestamp.from(Instant.now()));
        assertEquals("IN_PROGRESS", replay(1).get("outcome").asText(), "while it may still be running, it is left alone");

        await().atMost(Duration.ofSeconds(15)).until(() -> "NEW".equals(status(1)));

        List<String> events = history(1);
        assertTrue(events.get(events.size() - 1).startsWith("REOPENED: the replay was cut off (a crash?):"
                + " REPLAY_REQUESTED for longer than replay.reopen-after (PT2S)"), events.toString());
        assertEquals("DELIVERED", replay(1).get("outcome").asText());
        assertEquals(1, sync.courseSales.documentCount(key));
    }

    @Test
    void aBulkReplayTakesAtMostItsLimitAndSaysHowManyRemain() throws Exception {
        List<String> keys = deadLettered(new SyncHarness(stateDir), 12);

        JsonNode first = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE&limit=5").json();

        assertEquals(5, first.get("requested").asInt(), first.toString());
        assertEquals(5, first.get("counts").get("DELIVERED").asInt());
        assertEquals(7, first.get("remaining").asInt());
        assertEquals(400, ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE&limit=501").status());
        assertEquals(400, ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE&limit=0").status());
        assertEquals(7, sync.deadLetters().stream().filter(d -> "NEW".equals(d.get("STATUS"))).count(), "nothing changed");

        JsonNode rest = ops.post("/api/dead-letters/replay?reason=FIELD_INACTIVE").json(); // the default limit: 100
        assertEquals(7, rest.get("requested").asInt(), rest.toString());
        assertEquals(0, rest.get("remaining").asInt());
        keys.forEach(k -> assertEquals(1, sync.courseSales.documentCount(k), k));
        assertTrue(ops.post("/api/dead-letters/1/replay").json().path("remaining").isMissingNode(),
                "a single replay has no remaining");
    }
}
